"""The demo outlets: two introduction-and-sales centres and points in tourist places.

Addresses use the communes and wards of the two-level government (since 1 July 2025);
coordinates are those of the streets named. Tax codes and accounts are made up.
"""

from typing import NamedTuple

from shop.outlets.models import OutletKind, OutletStatus

DAILY = ("08:00–21:00",) * 7
LUNCH_BREAK = ("07:30–11:30, 13:30–21:00",) * 6 + ("08:00–21:30",)


class OutletRow(NamedTuple):
    """A demo outlet; `delivers` names provinces with their fee in đồng."""

    slug: str
    name_vi: str
    name_en: str
    kind: OutletKind
    operator: str
    tax_code: str
    street: str
    commune: str
    province: str
    latitude: str
    longitude: str
    phone: str
    email: str
    hours: tuple[str, ...]
    bank: tuple[str, str, str] | None  # BIN, account number, account name
    delivers: tuple[tuple[str, int], ...] = ()
    free_from: int | None = None
    cash_at_pickup: bool = True
    status: OutletStatus = OutletStatus.OPEN
    # How many of the demo's lots it stocks, its own province's products first.
    lots: int = 14


OUTLETS: tuple[OutletRow, ...] = (
    OutletRow(
        "ttgt-ocop-ha-noi", "Trung tâm Giới thiệu và Bán sản phẩm OCOP Hà Nội",
        "Hanoi OCOP Introduction and Sales Centre", OutletKind.CENTRE,
        "Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch Hà Nội", "0101234567",
        "25 Phố Hàng Bông", "Phường Hoàn Kiếm", "Hà Nội", "21.030200", "105.847400",
        "024 3826 4011", "ocop.hanoi@ocop.example.vn", DAILY,
        ("970436", "0011004455667", "TRUNG TAM XUC TIEN DAU TU THUONG MAI DU LICH HA NOI"),
        (("Hà Nội", 20_000), ("Bắc Ninh", 35_000), ("Hưng Yên", 35_000), ("Phú Thọ", 40_000),
         ("Ninh Bình", 40_000), ("Hải Phòng", 40_000)), 600_000, lots=40),
    OutletRow(
        "ttgt-ocop-tp-ho-chi-minh", "Trung tâm Giới thiệu sản phẩm OCOP TP. Hồ Chí Minh",
        "Ho Chi Minh City OCOP Introduction Centre", OutletKind.CENTRE,
        "Trung tâm Xúc tiến Thương mại và Đầu tư TP. Hồ Chí Minh", "0301234567-002",
        "92 Lê Thánh Tôn", "Phường Bến Thành", "Thành phố Hồ Chí Minh", "10.775200", "106.700900",
        "028 3823 6587", "ocop.hcm@ocop.example.vn", DAILY,
        ("970418", "31410001234567", "TRUNG TAM XUC TIEN THUONG MAI VA DAU TU TP HCM"),
        (("Thành phố Hồ Chí Minh", 25_000), ("Đồng Nai", 40_000), ("Tây Ninh", 40_000),
         ("Vĩnh Long", 45_000)), 700_000, lots=36),
    OutletRow(
        "diem-ban-ocop-hoi-an", "Điểm bán sản phẩm OCOP Hội An", "Hội An OCOP outlet",
        OutletKind.POINT, "HTX Dịch vụ Du lịch Cẩm Châu", "4000987654", "45 Trần Phú",
        "Phường Hội An", "Đà Nẵng", "15.877100", "108.327200", "0905 123 456",
        "hoian@ocop.example.vn", ("08:00–21:30",) * 7,
        ("970405", "4000205123456", "HTX DICH VU DU LICH CAM CHAU")),
    OutletRow(
        "diem-ban-ocop-da-lat", "Điểm bán sản phẩm OCOP Đà Lạt", "Đà Lạt OCOP outlet",
        OutletKind.POINT, "Công ty TNHH Đặc sản Cao nguyên Lâm Viên", "5801234567",
        "12 Nguyễn Thị Minh Khai", "Phường Xuân Hương - Đà Lạt", "Lâm Đồng", "11.943000",
        "108.437000", "0263 382 2222", "dalat@ocop.example.vn", LUNCH_BREAK,
        ("970407", "19036712345012", "CONG TY TNHH DAC SAN CAO NGUYEN LAM VIEN"),
        (("Lâm Đồng", 30_000),), 500_000),
    OutletRow(
        "diem-ban-ocop-sa-pa", "Điểm bán sản phẩm OCOP Sa Pa", "Sa Pa OCOP outlet",
        OutletKind.POINT, "HTX Du lịch cộng đồng Tả Van", "5300123456", "6 Cầu Mây",
        "Phường Sa Pa", "Lào Cai", "22.335700", "103.843100", "0214 387 1975",
        "sapa@ocop.example.vn", ("07:00–22:00",) * 7, None, lots=10),
    OutletRow(
        "diem-ban-ocop-ha-long", "Điểm bán sản phẩm OCOP Hạ Long", "Hạ Long OCOP outlet",
        OutletKind.POINT, "Trung tâm Xúc tiến Thương mại Quảng Ninh", "5701234567",
        "2 Đường Hạ Long", "Phường Bãi Cháy", "Quảng Ninh", "20.951000", "107.046000",
        "0203 384 6688", "halong@ocop.example.vn", DAILY,
        ("970415", "108870123456", "TRUNG TAM XUC TIEN THUONG MAI QUANG NINH"),
        status=OutletStatus.PAUSED, lots=8),
    OutletRow(
        "dac-san-ben-ninh-kieu", "Cửa hàng Đặc sản Bến Ninh Kiều", "Ninh Kiều Wharf Specialties",
        OutletKind.PARTNER, "Công ty TNHH Thương mại Tây Đô", "1801234567", "38 Hai Bà Trưng",
        "Phường Ninh Kiều", "Cần Thơ", "10.034000", "105.788000", "0939 456 789",
        "ninhkieu@ocop.example.vn", ("07:00–11:00, 14:00–20:00",) * 6 + ("",),
        ("970422", "0939456789", "CONG TY TNHH THUONG MAI TAY DO"),
        (("Cần Thơ", 20_000), ("Vĩnh Long", 30_000), ("An Giang", 35_000)), 400_000,
        cash_at_pickup=False, lots=10),
)
# The staff accounts are in shop.demo.accounts (DEMO_ACCOUNTS), each naming its outlets.
