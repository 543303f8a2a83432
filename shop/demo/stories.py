"""Product stories in Markdown, Vietnamese and English, composed from varied sentence pools."""

from random import Random
from typing import NamedTuple


class StoryFacts(NamedTuple):
    """The facts a story is written from."""

    product_vi: str
    product_en: str
    producer: str
    commune: str
    commune_en: str
    province: str
    group: int


# Each entry is a (Vietnamese, English) pair sharing the same placeholders.
_ORIGINS = (
    ("Từ đầu thế kỷ XX, người dân {commune} đã làm **{product_vi}** theo cách ông bà truyền lại.",
     "Since the early twentieth century the people of {commune_en} have made **{product_en}** "
     "the way their grandparents taught them."),
    ("**{product_vi}** ra đời từ một nghề phụ lúc nông nhàn của làng ở {commune}, {province}.",
     "**{product_en}** began as a slack-season side trade in a village of {commune_en}, "
     "{province}."),
    ("Năm {year}, {founder} cùng {households} hộ trong {commune} góp vốn làm **{product_vi}**.",
     "In {year}, {founder_en} and {households} households of {commune_en} pooled their savings "
     "to make **{product_en}**."),
    ("Ở {commune}, ai cũng kể chuyện **{product_vi}** từng được mang đi biếu trong dịp Tết.",
     "In {commune_en} everyone tells how **{product_en}** was once the gift carried home for Tết."),
    ("**{product_vi}** là niềm tự hào của {province}, gắn với tên đất {commune} hơn trăm năm.",
     "**{product_en}** is the pride of {province}, tied to the name of {commune_en} for over a "
     "century."),
)
_VISIT_ORIGINS = (
    ("Từ năm {year}, {founder} cùng bà con {commune} mở cửa đón khách: **{product_vi}**.",
     "Since {year}, {founder_en} and the villagers of {commune_en} have welcomed guests: "
     "**{product_en}**."),
    ("**{product_vi}** đưa khách về với nếp sống của {commune}, {province}.",
     "**{product_en}** takes visitors into the everyday life of {commune_en}, {province}."),
    ("Ý tưởng **{product_vi}** đến khi {households} hộ ở {commune} cùng làm du lịch.",
     "**{product_en}** began when {households} households of {commune_en} took up tourism "
     "together."),
)
_PEOPLE = (
    ("{producer} hiện có {households} thành viên, phần lớn là phụ nữ trong vùng.",
     "{producer} now has {households} members, most of them local women."),
    ("{founder} vẫn đích thân kiểm tra từng mẻ trước khi xuất xưởng.",
     "{founder_en} still checks every batch in person before it leaves the workshop."),
    ("Lớp trẻ trở về quê sau đại học đã đưa sản phẩm lên sàn thương mại điện tử.",
     "Young people who came home after university put the product on e-commerce platforms."),
    ("Nghề được truyền qua ba thế hệ trong gia đình {founder}.",
     "The craft has passed through three generations of {founder_en}'s family."),
    ("Mỗi năm {producer} tạo việc làm ổn định cho khoảng {households} lao động địa phương.",
     "Each year {producer} gives steady work to about {households} local people."),
)
_CRAFT = {
    1: (("Nguyên liệu lấy từ vùng trồng của chính các hộ thành viên, không dùng chất bảo quản.",
         "The raw materials come from the members' own fields, with no preservatives."),
        ("Sản phẩm được sơ chế, chế biến và đóng gói ngay tại cơ sở sản xuất.",
         "It is prepared, processed and packed at the producer's own workshop."),
        ("Mọi công đoạn được ghi nhật ký để truy xuất nguồn gốc từng lô.",
         "Every step is logged so each lot can be traced.")),
    2: (("Nguyên liệu được tuyển chọn kỹ và chế biến theo công thức riêng của cơ sở.",
         "The raw materials are chosen with care and processed to the maker's own recipe."),
        ("Nguyên liệu thu hái vào sáng sớm và chế biến ngay trong ngày để giữ hương.",
         "The harvest is gathered at dawn and processed the same day to keep its aroma."),
        ("Từng mẻ được nếm thử bởi người thợ lâu năm nhất trước khi đóng chai.",
         "Each batch is tasted by the longest-serving maker before bottling.")),
    3: (("Dược liệu được trồng dưới tán rừng và thu hái đúng mùa.",
         "The herbs grow under the forest canopy and are gathered in their season."),
        ("Bài thuốc gốc được lưu giữ trong gia đình và chuẩn hóa cùng viện nghiên cứu.",
         "The family recipe was kept for generations and standardised with a research institute."),
        ("Sản phẩm được chưng cất hoặc cô đặc ở nhiệt độ thấp để giữ hoạt chất.",
         "It is distilled or concentrated at low heat to keep its active compounds.")),
    4: (("Mỗi sản phẩm làm hoàn toàn bằng tay, mất từ vài ngày đến vài tuần.",
         "Every piece is made entirely by hand, over days or weeks."),
        ("Hoa văn lấy cảm hứng từ đình làng và những lễ hội cổ truyền.",
         "The patterns are drawn from the village communal house and old festivals."),
        ("Nguyên liệu tự nhiên được khai thác có kế hoạch để làng nghề bền vững.",
         "Natural materials are harvested to a plan so the craft village can last.")),
    5: (("Cây được chăm trong vườn ươm nhiều năm, uốn tạo dáng hoàn toàn thủ công.",
         "Plants grow for years in the nursery and are shaped entirely by hand."),
        ("Khí hậu mát quanh năm cho hoa bền màu và lâu tàn.",
         "The mild climate all year gives flowers deep colour and a long life."),
        ("Người mua được hướng dẫn cách chăm sóc kèm theo mỗi chậu.",
         "Each pot comes with care instructions for the buyer.")),
    6: (("Khách ở cùng nhà dân, ăn cơm cùng gia đình và học làm nghề truyền thống.",
         "Guests stay with local families, share their meals and learn a traditional craft."),
        ("Hướng dẫn viên là người địa phương, kể chuyện làng bằng chính trải nghiệm của mình.",
         "Guides are local people who tell the village's story from their own lives."),
        ("Một phần doanh thu được dành để giữ gìn cảnh quan và di tích trong vùng.",
         "Part of the takings goes to keeping the landscape and local heritage sites.")),
}
_CLOSINGS = (
    ("Đến nay sản phẩm đã có mặt tại các điểm bán OCOP và hội chợ khắp cả nước.",
     "Today it is sold at OCOP outlets and fairs across the country."),
    ("Với người {province}, đây là món quà quê mang theo mỗi lần đi xa.",
     "For people from {province} it is the taste of home they carry on every journey."),
    ("",
     ""),
    ("Khách ghé {commune} thường xin được xem tận nơi cách làm.",
     "Visitors to {commune_en} often ask to watch how it is made."),
)
_FOUNDERS = (
    ("bà Nguyễn Thị Lành", "Mrs Nguyễn Thị Lành"), ("ông Trần Văn Hòa", "Mr Trần Văn Hòa"),
    ("chị Lò Thị Mai", "Ms Lò Thị Mai"), ("anh Hoàng Văn Páo", "Mr Hoàng Văn Páo"),
    ("bà Lê Thị Cúc", "Mrs Lê Thị Cúc"), ("ông Phạm Văn Tư", "Mr Phạm Văn Tư"),
    ("chị H'Nhi Êban", "Ms H'Nhi Êban"), ("anh Thạch Sa Rinh", "Mr Thạch Sa Rinh"),
    ("ông Đỗ Hữu Thắng", "Mr Đỗ Hữu Thắng"), ("bà Võ Thị Sáu", "Mrs Võ Thị Sáu"),
)


def compose_story(facts: StoryFacts, rng: Random) -> tuple[str, str]:
    """A two-paragraph Markdown story (vi, en) of three or four sentences."""
    founder_vi, founder_en = rng.choice(_FOUNDERS)
    values = dict(facts._asdict(), founder=founder_vi, founder_en=founder_en,
                  year=rng.randint(1988, 2019), households=rng.randint(12, 160))
    origins = _VISIT_ORIGINS if facts.group == 6 else _ORIGINS
    picks = [rng.choice(origins), rng.choice(_PEOPLE), rng.choice(_CRAFT[facts.group]),
             rng.choice(_CLOSINGS)]
    vi = [_capitalised(text.format(**values)) for text, _ in picks if text]
    en = [_capitalised(text.format(**values)) for _, text in picks if text]
    return _paragraphs(vi), _paragraphs(en)


_COMMUNE_KINDS = {"xã": "commune", "phường": "ward", "đặc khu": "special zone"}


def commune_in_english(commune: str) -> str:
    """The English form of a commune: from "xã Ea Kiết" to "Ea Kiết commune"."""
    for prefix, kind in _COMMUNE_KINDS.items():
        if commune.startswith(prefix + " "):
            return f"{commune[len(prefix) + 1:]} {kind}"
    return commune


def _capitalised(sentence: str) -> str:
    return sentence[0].upper() + sentence[1:]


def _paragraphs(sentences: list[str]) -> str:
    return " ".join(sentences[:2]) + "\n\n" + " ".join(sentences[2:])
