"""The demo's gift combos: seasons and regions, each with its story (Decision 919 asks for
gift sets tied to the history and culture of a place)."""

from typing import NamedTuple

from shop.combos.models import Occasion


class ComboRow(NamedTuple):
    """A demo combo: names, occasion, the region it stands for, the provinces its products
    come from, how many products, the outlets selling it, its story in both languages.

    `special` is "expiring" (one product's certificate ends within 90 days) or "revoked"
    (one product's certificate was revoked: the combo is off sale), else "".
    """

    slug: str
    name_vi: str
    name_en: str
    occasion: Occasion
    province: str | None
    sources: tuple[str, ...]
    parts: int
    outlets: tuple[str, ...]
    story_vi: str
    story_en: str
    special: str = ""


CENTRES = ("ttgt-ocop-ha-noi", "ttgt-ocop-tp-ho-chi-minh")
NORTH = ("Lào Cai", "Sơn La", "Điện Biên", "Lai Châu", "Tuyên Quang", "Cao Bằng", "Lạng Sơn")
HIGHLANDS = ("Lâm Đồng", "Đắk Lắk", "Gia Lai")
DELTA = ("Cần Thơ", "Vĩnh Long", "An Giang", "Đồng Tháp", "Cà Mau")

COMBOS: tuple[ComboRow, ...] = (
    ComboRow("qua-tet-sum-vay", "Hộp quà Tết Sum vầy", "Tết Together gift box", Occasion.TET,
             None, (), 4, CENTRES + ("diem-ban-ocop-hoi-an",),
             "Ngày Tết, người Việt mang quà về **sum vầy** bên gia đình. Hộp quà gom trà, mật "
             "ong và đặc sản OCOP của nhiều vùng, để mâm cỗ ngày xuân có hương vị khắp ba miền.",
             "At Tết, Vietnamese people bring gifts home to be **together** with family. The box "
             "gathers tea, honey and OCOP specialities of many regions, so the spring table "
             "tastes of the whole country."),
    ComboRow("qua-tet-tay-bac", "Quà Tết Tây Bắc", "Northwest Tết gifts", Occasion.TET,
             "Lào Cai", NORTH, 3, ("ttgt-ocop-ha-noi", "diem-ban-ocop-sa-pa"),
             "Tết trên rẻo cao Tây Bắc là mùa hoa đào, hoa mận nở trắng sườn núi. Hộp quà mang "
             "về những sản phẩm của đồng bào H'Mông, Dao, Thái: trà Shan tuyết, mật ong rừng, "
             "thảo quả.",
             "Tết in the northwest highlands is the season of peach and plum blossom on the "
             "slopes. The box brings products of the H'Mông, Dao and Thái peoples: Shan tuyết "
             "tea, wild honey, black cardamom."),
    ComboRow("qua-tet-ha-noi", "Quà Tết Hà Nội xưa", "Old Hanoi Tết gifts", Occasion.TET,
             "Hà Nội", ("Hà Nội",), 3, ("ttgt-ocop-ha-noi",),
             "Người Hà Nội đón Tết với chén trà sen, đĩa ô mai và những món quà tinh tế của "
             "các làng nghề ven đô.",
             "Hanoians greet Tết with lotus tea, candied fruit and the fine gifts of the craft "
             "villages around the city."),
    ComboRow("qua-trung-thu-doan-vien", "Quà Trung thu Đoàn viên", "Mid-autumn Reunion gifts",
             Occasion.MID_AUTUMN, None, (), 3, CENTRES,
             "Đêm rằm tháng Tám, cả nhà quây quần phá cỗ dưới trăng. Hộp quà có trà và đặc sản "
             "để mời nhau bên mâm cỗ Trung thu.",
             "On the full moon of the eighth month, families gather under the moon. The box "
             "holds tea and specialities to share at the mid-autumn feast."),
    ComboRow("qua-trung-thu-hue", "Trung thu xứ Huế", "Mid-autumn in Huế", Occasion.MID_AUTUMN,
             "Huế", ("Huế", "Quảng Trị", "Đà Nẵng"), 3, ("diem-ban-ocop-hoi-an",),
             "Huế đón Trung thu bằng đèn lồng trên sông Hương và những món quà thanh tao của "
             "đất cố đô.",
             "Huế greets the mid-autumn festival with lanterns on the Perfume River and the "
             "refined gifts of the old capital."),
    ComboRow("dac-san-tay-nguyen", "Đặc sản Tây Nguyên", "Central Highlands specialities",
             Occasion.REGIONAL, "Đắk Lắk", HIGHLANDS, 4,
             ("diem-ban-ocop-da-lat", "ttgt-ocop-tp-ho-chi-minh"),
             "Đất đỏ bazan Tây Nguyên cho cà phê đậm, mật ong hoa cà phê và những vườn atiso Đà "
             "Lạt. Bộ quà kể câu chuyện của những người trồng cà phê công bằng.",
             "The red basalt soil of the Central Highlands gives strong coffee, coffee-blossom "
             "honey and the artichoke gardens of Đà Lạt. The set tells the story of fair-trade "
             "coffee growers.", "expiring"),
    ComboRow("dac-san-mien-tay", "Đặc sản miền Tây sông nước", "Mekong Delta specialities",
             Occasion.REGIONAL, "Cần Thơ", DELTA, 3,
             ("dac-san-ben-ninh-kieu", "ttgt-ocop-tp-ho-chi-minh"),
             "Miền Tây sông nước với chợ nổi, vườn trái cây và những cánh đồng lúa thơm. Bộ quà "
             "gom đặc sản của đồng bằng sông Cửu Long.",
             "The Mekong Delta of floating markets, orchards and fragrant rice fields. The set "
             "gathers specialities of the delta."),
    ComboRow("dac-san-tay-bac", "Đặc sản Tây Bắc", "Northwest specialities", Occasion.REGIONAL,
             "Sơn La", NORTH, 3, ("diem-ban-ocop-sa-pa",),
             "Từ Mộc Châu đến Sa Pa, mỗi sản phẩm mang mùi sương núi và bàn tay người vùng cao.",
             "From Mộc Châu to Sa Pa, each product carries the mountain mist and the hands of "
             "the highland peoples."),
    ComboRow("qua-8-3-yeu-thuong", "Quà 8/3 Yêu thương", "8/3 Gifts of love",
             Occasion.WOMEN_MARCH, None, (), 2, CENTRES,
             "Ngày Quốc tế Phụ nữ, gửi tặng mẹ, vợ và những người phụ nữ thân yêu một món quà "
             "từ sản phẩm OCOP.",
             "On International Women's Day, give mothers, wives and the women dear to you a "
             "gift of OCOP products."),
    ComboRow("qua-20-10-tri-an", "Quà 20/10 Tri ân", "20/10 Thanks gifts",
             Occasion.WOMEN_OCTOBER, None, (), 3, CENTRES + ("diem-ban-ocop-da-lat",),
             "Ngày Phụ nữ Việt Nam, món quà nhỏ mang tấm lòng lớn: trà, mật ong và đặc sản "
             "của các hợp tác xã do phụ nữ làm chủ.",
             "On Vietnamese Women's Day, a small gift with a big heart: tea, honey and "
             "specialities of cooperatives run by women."),
    ComboRow("qua-20-11-thay-co", "Quà 20/11 Thầy cô", "20/11 Teachers' gifts",
             Occasion.TEACHERS, None, (), 2, CENTRES,
             "\"Tôn sư trọng đạo\": ngày Nhà giáo Việt Nam, học trò gửi thầy cô chén trà thơm và "
             "hũ mật ong.",
             "\"Honour the teacher\": on Vietnam's Teachers' Day, pupils give their teachers "
             "fragrant tea and a jar of honey."),
    ComboRow("qua-ha-long", "Quà biển Hạ Long", "Hạ Long sea gifts", Occasion.REGIONAL,
             "Quảng Ninh", ("Quảng Ninh", "Hải Phòng"), 2, ("ttgt-ocop-ha-noi",),
             "Vịnh Hạ Long và những làng chài cho chả mực, nước mắm và đặc sản biển.",
             "Hạ Long Bay and its fishing villages give squid cakes, fish sauce and seafood "
             "specialities.", "revoked"),
)
