"""Reference data: the 34 provincial units since 1 July 2025 and the six OCOP product groups."""

from typing import NamedTuple


class ProvinceRow(NamedTuple):
    """A provincial unit: administrative code, name, pre-2025 names merged into it, city or not."""

    code: str
    name: str
    former_names: str
    city: bool


# Resolution 202/2025/QH15: 63 units became 34 on 1 July 2025 (6 cities, 28 provinces).
# The code of each unit is that of the province whose seat it kept.
PROVINCES: tuple[ProvinceRow, ...] = (
    ProvinceRow("01", "Hà Nội", "", True),
    ProvinceRow("04", "Cao Bằng", "", False),
    ProvinceRow("08", "Tuyên Quang", "Hà Giang", False),
    ProvinceRow("11", "Điện Biên", "", False),
    ProvinceRow("12", "Lai Châu", "", False),
    ProvinceRow("14", "Sơn La", "", False),
    ProvinceRow("15", "Lào Cai", "Yên Bái", False),
    ProvinceRow("19", "Thái Nguyên", "Bắc Kạn", False),
    ProvinceRow("20", "Lạng Sơn", "", False),
    ProvinceRow("22", "Quảng Ninh", "", False),
    ProvinceRow("24", "Bắc Ninh", "Bắc Giang", False),
    ProvinceRow("25", "Phú Thọ", "Vĩnh Phúc, Hòa Bình", False),
    ProvinceRow("31", "Hải Phòng", "Hải Dương", True),
    ProvinceRow("33", "Hưng Yên", "Thái Bình", False),
    ProvinceRow("37", "Ninh Bình", "Hà Nam, Nam Định", False),
    ProvinceRow("38", "Thanh Hóa", "", False),
    ProvinceRow("40", "Nghệ An", "", False),
    ProvinceRow("42", "Hà Tĩnh", "", False),
    ProvinceRow("44", "Quảng Trị", "Quảng Bình", False),
    ProvinceRow("46", "Huế", "Thừa Thiên Huế", True),
    ProvinceRow("48", "Đà Nẵng", "Quảng Nam", True),
    ProvinceRow("51", "Quảng Ngãi", "Kon Tum", False),
    ProvinceRow("52", "Gia Lai", "Bình Định", False),
    ProvinceRow("56", "Khánh Hòa", "Ninh Thuận", False),
    ProvinceRow("66", "Đắk Lắk", "Phú Yên", False),
    ProvinceRow("68", "Lâm Đồng", "Đắk Nông, Bình Thuận", False),
    ProvinceRow("75", "Đồng Nai", "Bình Phước", False),
    ProvinceRow("79", "Thành phố Hồ Chí Minh", "Bình Dương, Bà Rịa - Vũng Tàu", True),
    ProvinceRow("80", "Tây Ninh", "Long An", False),
    ProvinceRow("82", "Đồng Tháp", "Tiền Giang", False),
    ProvinceRow("86", "Vĩnh Long", "Bến Tre, Trà Vinh", False),
    ProvinceRow("91", "An Giang", "Kiên Giang", False),
    ProvinceRow("92", "Cần Thơ", "Sóc Trăng, Hậu Giang", True),
    ProvinceRow("96", "Cà Mau", "Bạc Liêu", False),
)


class SubgroupRow(NamedTuple):
    """A sub-group of a product group."""

    slug: str
    name_vi: str
    name_en: str


class GroupRow(NamedTuple):
    """One of the six OCOP product groups with its sub-groups."""

    code: int
    slug: str
    name_vi: str
    name_en: str
    subgroups: tuple[SubgroupRow, ...]


GROUPS: tuple[GroupRow, ...] = (
    GroupRow(1, "thuc-pham", "Thực phẩm", "Food", (
        SubgroupRow("thuc-pham-tuoi-song", "Thực phẩm tươi sống", "Fresh produce"),
        SubgroupRow("thuc-pham-tho-so-che", "Thực phẩm thô, sơ chế",
                    "Raw and pre-processed food"),
        SubgroupRow("thuc-pham-che-bien", "Thực phẩm chế biến", "Processed food"),
    )),
    GroupRow(2, "do-uong", "Đồ uống", "Beverages", (
        SubgroupRow("do-uong-co-con", "Đồ uống có cồn", "Alcoholic beverages"),
        SubgroupRow("do-uong-khong-con", "Đồ uống không cồn", "Non-alcoholic beverages"),
    )),
    GroupRow(3, "duoc-lieu", "Dược liệu và sản phẩm từ dược liệu",
             "Herbal and medicinal products", (
        SubgroupRow("thuc-pham-chuc-nang", "Thực phẩm chức năng", "Functional foods"),
        SubgroupRow("thuoc-tu-duoc-lieu", "Thuốc từ dược liệu", "Herbal medicine"),
        SubgroupRow("my-pham-tu-duoc-lieu", "Mỹ phẩm từ dược liệu", "Herbal cosmetics"),
        SubgroupRow("tinh-dau", "Tinh dầu", "Essential oils"),
    )),
    GroupRow(4, "thu-cong-my-nghe", "Thủ công mỹ nghệ", "Handicrafts", (
        SubgroupRow("do-go", "Đồ gỗ", "Wood"),
        SubgroupRow("soi-tu-nhien", "Sợi tự nhiên, mây tre đan", "Natural fibre"),
        SubgroupRow("kim-loai", "Kim loại", "Metal"),
        SubgroupRow("gom-su", "Gốm sứ", "Ceramics"),
        SubgroupRow("det-may", "Dệt may", "Textiles"),
        SubgroupRow("theu-ren", "Thêu, ren", "Embroidery"),
    )),
    GroupRow(5, "sinh-vat-canh", "Sinh vật cảnh", "Ornamental plants and animals", (
        SubgroupRow("hoa", "Hoa", "Flowers"),
        SubgroupRow("cay-canh", "Cây cảnh, bonsai", "Ornamental plants and bonsai"),
        SubgroupRow("dong-vat-canh", "Động vật cảnh", "Ornamental animals"),
    )),
    GroupRow(6, "du-lich", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
             "Community tourism, eco-tourism and tourist sites", (
        SubgroupRow("du-lich-cong-dong", "Du lịch cộng đồng", "Community tourism"),
        SubgroupRow("du-lich-sinh-thai", "Du lịch sinh thái", "Eco-tourism"),
        SubgroupRow("diem-du-lich", "Điểm du lịch", "Tourist sites"),
    )),
)

# Cities keep "thành phố" in addresses and authority names; provinces take "tỉnh".
FORMER_CITIES = frozenset({"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế",
                           "Thành phố Hồ Chí Minh"})


def full_name(name: str) -> str:
    """`name` with its administrative prefix: "tỉnh Lâm Đồng", "thành phố Hà Nội"."""
    if name.startswith("Thành phố"):
        return name
    return f"thành phố {name}" if name in FORMER_CITIES else f"tỉnh {name}"
