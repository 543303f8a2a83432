"""The demo producers' raw-material zones, and how each product kind turns harvests into units.

Only producers whose products come from something grown (or from bees on a pasture) have
zones: potters, embroiderers, seafood processors and tour operators have none.
"""

from typing import NamedTuple

from shop.trace.models import CropCycle, Standard, ZoneStatus

PER = CropCycle.PERENNIAL
ANN = CropCycle.ANNUAL


class At(NamedTuple):
    """A place: commune, former district, and a GPS point near its centre."""

    commune: str
    district: str
    latitude: float
    longitude: float


class ZoneRow(NamedTuple):
    """One zone; `supplies` are fragments of the Vietnamese names of the products it feeds."""

    name: str
    crop: str
    variety: str
    cycle: CropCycle
    area_ha: str
    yield_kg: int  # expected harvest per season
    seasons: int
    supplies: tuple[str, ...]
    at: At | None = None  # None: the producer's own commune
    standard: Standard | None = None  # None: drawn at random
    status: ZoneStatus = ZoneStatus.ACTIVE


class ProducerZones(NamedTuple):
    """A producer's zones and the GPS point of its own commune."""

    latitude: float
    longitude: float
    zones: tuple[ZoneRow, ...]


class KindRule(NamedTuple):
    """Raw kilograms per sales unit, shelf life, and the longest wait from harvest to lot."""

    kg_per_unit: float
    shelf_days: int
    lag_days: int


Z, PZ = ZoneRow, ProducerZones
VIETGAP, GLOBALGAP, ORGANIC, NONE = (Standard.VIETGAP, Standard.GLOBALGAP, Standard.ORGANIC,
                                     Standard.NONE)
SUSPENDED, CANCELLED = ZoneStatus.SUSPENDED, ZoneStatus.CANCELLED

# Handicrafts keep ten years: the model needs an expiry, and a basket has none to speak of.
KIND_RULES: dict[str, KindRule] = {
    "fresh_fruit": KindRule(1.0, 21, 2), "greens": KindRule(1.0, 7, 0),
    "rice": KindRule(7.7, 365, 90), "honey": KindRule(0.72, 730, 20),
    "spice": KindRule(0.8, 730, 60), "nuts": KindRule(1.5, 270, 60),
    "dried": KindRule(2.5, 270, 20), "paste": KindRule(0.6, 365, 30),
    "cake": KindRule(0.3, 120, 30), "wine": KindRule(1.2, 1825, 120),
    "tea": KindRule(1.0, 540, 5), "coffee": KindRule(3.2, 365, 120),
    "juice": KindRule(3.0, 180, 5), "herbal_tea": KindRule(0.25, 540, 30),
    "functional": KindRule(0.3, 730, 60), "extract": KindRule(1.0, 730, 60),
    "cosmetic": KindRule(3.0, 730, 20), "essential_oil": KindRule(5.0, 1095, 30),
    "fibre": KindRule(1.5, 3650, 90), "textile": KindRule(12.0, 3650, 120),
}

ZONES: dict[str, ProducerZones] = {
    "HTX Dệt lụa Vạn Phúc": PZ(20.97, 105.77, (
        Z("Vùng trồng dâu nuôi tằm Phương Đình", "Dâu tằm", "Dâu lai VH9", PER, "6.5", 90_000,
          4, ("lụa",), At("xã Phương Đình", "huyện Đan Phượng", 21.12, 105.66)),
    )),
    "HTX Mây tre đan Phú Vinh": PZ(20.92, 105.70, (
        Z("Vùng trồng mây nếp Phú Nghĩa", "Mây", "Mây nếp", PER, "4.2", 12_000, 1, ("mây",)),
        Z("Vùng tre gai Phú Nghĩa", "Tre", "Tre gai", PER, "3.0", 45_000, 1, ("tre",)),
    )),
    "HTX Du lịch cộng đồng Ba Vì": PZ(21.08, 105.37, (
        Z("Vùng lúa nếp cẩm Ba Vì", "Lúa", "Nếp cẩm", ANN, "3.5", 17_500, 2, ("nếp cẩm",)),
        Z("Vườn thuốc nam người Dao Ba Vì", "Cây dược liệu", "Lá thuốc tắm", PER, "5.0", 20_000,
          4, ("Thuốc tắm",)),
    )),
    "HTX Chè Shan tuyết Cao Bồ": PZ(22.75, 104.87, (
        Z("Vùng chè Shan tuyết cổ thụ Cao Bồ", "Chè", "Shan tuyết cổ thụ", PER, "28.0", 14_000,
          3, ("Shan tuyết",), standard=ORGANIC),
        Z("Vùng chè Shan tuyết Khuổi Luông", "Chè", "Shan tuyết", PER, "12.5", 9_000, 3,
          ("Bạch trà", "Hồng trà")),
    )),
    "HTX Mật ong bạc hà Đồng Văn": PZ(23.24, 105.25, (
        Z("Vùng nuôi ong hoa bạc hà Sủng Là", "Ong mật (hoa bạc hà)", "Ong nội Apis cerana",
          ANN, "80.0", 2_400, 1, ("Mật ong",)),
        Z("Vùng lanh Lũng Cẩm", "Lanh", "Lanh mèo", ANN, "2.0", 3_000, 1, ("thổ cẩm",)),
        Z("Vùng ngô bản địa Thanh Vân", "Ngô", "Ngô tẻ vàng bản địa", ANN, "6.0", 21_000, 1,
          ("Rượu ngô",), At("xã Thanh Vân", "huyện Quản Bạ", 23.07, 104.98)),
    )),
    "HTX Chè Tân Cương Hoàng Bình": PZ(21.55, 105.75, (
        Z("Vùng chè Tân Cương Soi Vàng", "Chè", "Chè trung du", PER, "9.0", 27_000, 4, ("Chè",),
          standard=VIETGAP),
        Z("Vùng chè LDP1 Hoàng Bình", "Chè", "LDP1", PER, "6.0", 21_000, 4, ("búp", "móc câu")),
    )),
    "Tổ hợp tác Du lịch cộng đồng Pác Ngòi": PZ(22.40, 105.63, (
        Z("Vùng dong riềng Côn Minh", "Dong riềng", "Dong riềng đỏ", ANN, "15.0", 600_000, 1,
          ("Miến dong",), At("xã Côn Minh", "huyện Na Rì", 22.17, 105.98)),
    )),
    "HTX Dược liệu Tả Van": PZ(22.30, 103.87, (
        Z("Vùng lá tắm Dao đỏ Tả Van", "Cây dược liệu", "Lá tắm Dao đỏ", PER, "3.0", 9_000, 4,
          ("Lá tắm",)),
        Z("Vùng sả chanh Tả Van", "Sả chanh", "Sả Java", PER, "2.0", 30_000, 3, ("sả chanh",)),
        Z("Vùng giảo cổ lam Tả Van", "Giảo cổ lam", "Giảo cổ lam 5 lá", PER, "1.5", 4_500, 2,
          ("giảo cổ lam",)),
    )),
    "HTX Chè Suối Giàng": PZ(21.62, 104.57, (
        Z("Vùng chè Shan tuyết Suối Giàng", "Chè", "Shan tuyết cổ thụ", PER, "40.0", 16_000, 3,
          ("Chè Shan tuyết",), standard=ORGANIC),
        Z("Vùng lúa nếp Tú Lệ", "Lúa", "Nếp Tan Tú Lệ", ANN, "12.0", 54_000, 1, ("nếp Tú Lệ",),
          At("xã Tú Lệ", "huyện Văn Chấn", 21.78, 104.30)),
        Z("Vùng quế Văn Yên", "Quế", "Quế Văn Yên", PER, "35.0", 70_000, 2, ("Quế",),
          At("xã Đại Sơn", "huyện Văn Yên", 21.98, 104.62)),
    )),
    "Công ty TNHH Nông sản Mộc Châu Xanh": PZ(20.85, 104.65, (
        Z("Vùng chè Ô long Tiểu khu 19/5", "Chè", "Kim Tuyên", PER, "15.0", 30_000, 4,
          ("Ô long",), standard=GLOBALGAP),
        Z("Vùng mận hậu Nà Ka", "Mận", "Mận hậu", PER, "10.0", 150_000, 1,
          ("Mận hậu", "Ô mai")),
        Z("Vùng cà phê Arabica Chiềng Ban", "Cà phê", "Catimor", PER, "20.0", 160_000, 1,
          ("Arabica",), At("xã Chiềng Ban", "huyện Mai Sơn", 21.15, 103.98)),
    )),
    "HTX Nông nghiệp Thanh Xương": PZ(21.35, 103.02, (
        Z("Cánh đồng lúa Séng Cù Mường Thanh", "Lúa", "Séng Cù", ANN, "40.0", 220_000, 2,
          ("Séng Cù",), standard=VIETGAP),
        Z("Vùng lúa nếp Tan Thanh Xương", "Lúa", "Nếp Tan", ANN, "12.0", 60_000, 1,
          ("nếp Tan",)),
        Z("Vùng chè Shan tuyết Sín Chải", "Chè", "Shan tuyết cổ thụ", PER, "25.0", 12_000, 3,
          ("Tủa Chùa",), At("xã Sín Chải", "huyện Tủa Chùa", 21.86, 103.38)),
    )),
    "HTX Chè Ô long Tân Uyên": PZ(22.15, 103.73, (
        Z("Vùng chè Ô long Tân Uyên", "Chè", "Kim Tuyên", PER, "18.0", 36_000, 4, ("Ô long",)),
        Z("Vùng thảo quả dưới tán rừng Mường Khoa", "Thảo quả", "Thảo quả", PER, "30.0",
          18_000, 1, ("Thảo quả",)),
        Z("Vùng sâm Lai Châu Nậm Xe", "Sâm", "Sâm Lai Châu", PER, "2.0", 800, 1, ("sâm",),
          At("xã Nậm Xe", "huyện Phong Thổ", 22.50, 103.50), standard=ORGANIC),
    )),
    "HTX Hạt dẻ Trùng Khánh": PZ(22.83, 106.52, (
        Z("Vùng hạt dẻ Trùng Khánh", "Dẻ", "Dẻ Trùng Khánh", PER, "50.0", 75_000, 1,
          ("Hạt dẻ",)),
    )),
    "HTX Hồi Văn Quan": PZ(21.86, 106.55, (
        Z("Vùng hồi Văn Quan", "Hồi", "Hồi hoa", PER, "60.0", 45_000, 2, ("hồi",)),
        Z("Vùng na Chi Lăng", "Na", "Na dai", PER, "12.0", 120_000, 1, ("Na Chi Lăng",),
          At("xã Chi Lăng", "huyện Chi Lăng", 21.67, 106.62), standard=VIETGAP),
    )),
    "Công ty TNHH Thực phẩm Hạ Long Biển": PZ(20.95, 107.07, (
        Z("Vùng ba kích tím Hoành Bồ", "Ba kích", "Ba kích tím", PER, "8.0", 16_000, 1,
          ("ba kích",), At("xã Đồng Lâm", "huyện Hoành Bồ", 21.13, 107.05)),
        Z("Vùng trà hoa vàng Ba Chẽ", "Trà hoa vàng", "Camellia chrysantha", PER, "5.0", 1_500,
          1, ("hoa vàng",), At("xã Thanh Sơn", "huyện Ba Chẽ", 21.27, 107.28)),
    )),
    "HTX Vải thiều Lục Ngạn": PZ(21.38, 106.65, (
        Z("Vùng vải thiều Lục Ngạn", "Vải", "Vải thiều Thanh Hà", PER, "45.0", 450_000, 1,
          ("Vải thiều",), standard=GLOBALGAP),
        Z("Vùng vải sớm Phì Điền", "Vải", "Vải lai Phúc Hòa", PER, "18.0", 160_000, 1,
          ("Vải thiều",), At("xã Phì Điền", "huyện Lục Ngạn", 21.40, 106.56), status=SUSPENDED),
        Z("Vùng nuôi ong hoa vải Lục Ngạn", "Ong mật (hoa vải)", "Ong ngoại Apis mellifera",
          PER, "60.0", 6_000, 1, ("Mật ong",)),
    )),
    "HTX Cam Cao Phong": PZ(20.70, 105.32, (
        Z("Vùng cam Cao Phong", "Cam", "Cam lòng vàng", PER, "30.0", 600_000, 1, ("Cam",),
          standard=VIETGAP),
    )),
    "HTX Bưởi Đoan Hùng": PZ(21.62, 105.17, (
        Z("Vùng bưởi Sửu Chí Đám", "Bưởi", "Bưởi Sửu", PER, "20.0", 240_000, 1, ("Bưởi",)),
        Z("Vùng chè xanh Phú Hộ", "Chè", "PH1", PER, "10.0", 25_000, 4, ("Chè xanh",),
          At("xã Phú Hộ", "thị xã Phú Thọ", 21.45, 105.23)),
    )),
    "Công ty TNHH Bánh đậu xanh Rồng Vàng": PZ(20.94, 106.33, (
        Z("Vùng đậu xanh Gia Lộc", "Đậu xanh", "Đậu xanh tiêu", ANN, "8.0", 12_000, 2,
          ("đậu xanh",), At("xã Gia Lộc", "huyện Gia Lộc", 20.87, 106.29)),
        Z("Vùng cây gai xanh Ninh Giang", "Gai xanh", "Gai xanh AP1", ANN, "2.0", 40_000, 3,
          ("Bánh gai",), At("xã Ninh Giang", "huyện Ninh Giang", 20.73, 106.40)),
        Z("Vùng vải thiều Thanh Hà", "Vải", "Vải thiều Thanh Hà", PER, "25.0", 200_000, 1,
          ("Vải thiều Thanh Hà",), At("xã Thanh Hà", "huyện Thanh Hà", 20.89, 106.43)),
    )),
    "HTX Nhãn lồng Hưng Yên": PZ(20.64, 106.06, (
        Z("Vùng nhãn lồng Hồng Châu", "Nhãn", "Nhãn lồng", PER, "22.0", 220_000, 1,
          ("Nhãn lồng", "Long nhãn"), standard=VIETGAP),
        Z("Vùng đậu tương Bần Yên Nhân", "Đậu tương", "ĐT84", ANN, "5.0", 9_000, 2,
          ("Tương Bần",), At("xã Bần Yên Nhân", "huyện Mỹ Hào", 20.93, 106.07)),
    )),
    "Công ty TNHH Đặc sản Thái Bình": PZ(20.40, 106.42, (
        Z("Vùng nếp cái hoa vàng Kiến Xương", "Lúa", "Nếp cái hoa vàng", ANN, "20.0", 100_000,
          2, ("nếp cái hoa vàng", "Bánh cáy")),
        Z("Vùng cói Thái Thụy", "Cói", "Cói bông", PER, "10.0", 40_000, 3, ("Chiếu cói",),
          At("xã Thái Thượng", "huyện Thái Thụy", 20.55, 106.58)),
    )),
    "HTX Gạo Tám Hải Hậu": PZ(20.15, 106.27, (
        Z("Cánh đồng lúa tám xoan Hải Hậu", "Lúa", "Tám xoan", ANN, "50.0", 250_000, 2,
          ("tám xoan",), standard=VIETGAP),
    )),
    "Công ty TNHH Nem chua Xứ Thanh": PZ(19.80, 105.78, (
        Z("Vùng cói Nga Sơn", "Cói", "Cói Nga Sơn", PER, "15.0", 60_000, 3, ("Chiếu cói",),
          At("xã Nga Tân", "huyện Nga Sơn", 20.00, 105.97)),
    )),
    "HTX Nông sản Nam Đàn": PZ(18.69, 105.50, (
        Z("Vùng đậu tương Nam Đàn", "Đậu tương", "DT84", ANN, "6.0", 10_800, 2,
          ("Tương Nam Đàn",)),
        Z("Vùng cam Xã Đoài Quỳ Hợp", "Cam", "Cam Xã Đoài", PER, "25.0", 375_000, 1,
          ("Cam Vinh",), At("xã Minh Hợp", "huyện Quỳ Hợp", 19.32, 105.20)),
        Z("Vùng mít Thanh Chương", "Mít", "Mít dai", PER, "4.0", 60_000, 1, ("Nhút",),
          At("xã Thanh Chương", "huyện Thanh Chương", 18.78, 105.33)),
    )),
    "HTX Bưởi Phúc Trạch": PZ(18.10, 105.78, (
        Z("Vùng bưởi Phúc Trạch", "Bưởi", "Bưởi Phúc Trạch", PER, "35.0", 420_000, 1,
          ("Bưởi Phúc Trạch", "vỏ bưởi"), standard=VIETGAP),
        Z("Vùng lạc Thạch Hà", "Lạc", "Lạc sen", ANN, "6.0", 18_000, 2, ("cu đơ",),
          At("xã Thạch Hà", "huyện Thạch Hà", 18.36, 105.85)),
    )),
    "HTX Du lịch cộng đồng Phong Nha": PZ(17.59, 106.28, (
        Z("Vùng khoai lang Bố Trạch", "Khoai lang", "Khoai lang mật", ANN, "5.0", 100_000, 2,
          ("Khoai deo",)),
        Z("Vùng hồ tiêu Cùa", "Hồ tiêu", "Tiêu Cùa", PER, "8.0", 16_000, 1, ("Tiêu Cùa",),
          At("xã Cam Chính", "huyện Cam Lộ", 16.74, 106.93)),
    )),
    "Hộ kinh doanh Mè xửng Song Hương": PZ(16.46, 107.59, (
        Z("Vùng vừng đen Phong Hiền", "Vừng", "Vừng đen", ANN, "3.0", 2_400, 1, ("Mè xửng",),
          At("xã Phong Hiền", "huyện Phong Điền", 16.58, 107.35)),
        Z("Vườn thảo dược cung đình Hương Thọ", "Cây dược liệu", "Cúc, cam thảo, la hán",
          ANN, "1.5", 4_500, 2, ("Trà cung đình",),
          At("xã Hương Thọ", "thị xã Hương Trà", 16.40, 107.52)),
    )),
    "Công ty TNHH Lụa Mã Châu Hội An": PZ(15.87, 108.25, (
        Z("Vùng trồng dâu nuôi tằm Duy Trinh", "Dâu tằm", "Dâu VH13", PER, "8.0", 120_000, 4,
          ("lụa",), At("xã Duy Trinh", "thị xã Duy Xuyên", 15.82, 108.22)),
    )),
    "HTX Quế Trà My": PZ(15.08, 108.13, (
        Z("Vùng quế Trà My Trà Mai", "Quế", "Quế Trà My", PER, "50.0", 90_000, 1,
          ("quế", "Quế"), standard=ORGANIC),
        Z("Vùng quế Trà Don", "Quế", "Quế Trà My", PER, "20.0", 36_000, 1, ("quế", "Quế"),
          At("xã Trà Don", "huyện Nam Trà My", 15.03, 108.08), standard=VIETGAP,
          status=SUSPENDED),
    )),
    "HTX Tỏi Lý Sơn": PZ(15.38, 109.12, (
        Z("Vùng tỏi An Vĩnh", "Tỏi", "Tỏi cô đơn Lý Sơn", ANN, "12.0", 96_000, 1,
          ("Tỏi", "Rượu tỏi")),
        Z("Vùng hành tím An Hải", "Hành tím", "Hành tím Lý Sơn", ANN, "6.0", 90_000, 1,
          ("Hành tím",)),
    )),
    "HTX Sâm Ngọc Linh Tu Mơ Rông": PZ(14.90, 107.95, (
        Z("Vùng sâm dây Ngọc Linh Măng Ri", "Sâm dây", "Đảng sâm Ngọc Linh", PER, "6.0", 9_000,
          1, ("sâm dây",)),
        Z("Vùng sâm Ngọc Linh dưới tán rừng", "Sâm Ngọc Linh", "Panax vietnamensis", PER,
          "3.0", 450, 1, ("Sâm Ngọc Linh",), standard=ORGANIC),
    )),
    "Hộ kinh doanh Rượu Bàu Đá Năm Tài": PZ(13.90, 109.10, (
        Z("Ruộng lúa Nhơn Lộc", "Lúa", "Lúa gạo đỏ", ANN, "2.0", 12_000, 2, ("Rượu Bàu Đá",),
          At("xã Nhơn Lộc", "thị xã An Nhơn", 13.87, 109.02)),
        Z("Vườn dừa Tam Quan", "Dừa", "Dừa xiêm xanh", PER, "4.0", 40_000, 4, ("nước dừa",),
          At("phường Tam Quan", "thị xã Hoài Nhơn", 14.58, 109.05)),
    )),
    "HTX Nông nghiệp Hồ tiêu Chư Sê": PZ(13.70, 108.08, (
        Z("Vùng hồ tiêu Chư Sê", "Hồ tiêu", "Tiêu Vĩnh Linh", PER, "40.0", 120_000, 1,
          ("Hồ tiêu", "Tiêu"), standard=VIETGAP),
        Z("Vùng hồ tiêu hữu cơ Ia Blang", "Hồ tiêu", "Tiêu Lộc Ninh", PER, "12.0", 30_000, 1,
          ("Tiêu đỏ",), At("xã Ia Blang", "huyện Chư Sê", 13.64, 108.13), standard=ORGANIC),
        Z("Vùng cà phê Robusta Chư Sê", "Cà phê", "TR4", PER, "30.0", 360_000, 1,
          ("Cà phê",)),
    )),
    "Công ty TNHH Yến sào Hòn Nội": PZ(12.25, 109.19, (
        Z("Vùng trầm hương Khánh Sơn", "Trầm hương", "Dó bầu", PER, "20.0", 2_000, 1,
          ("trầm hương",), At("xã Sơn Bình", "huyện Khánh Sơn", 12.00, 108.90)),
    )),
    "HTX Gốm Bàu Trúc": PZ(11.50, 108.93, (
        Z("Vùng nho xanh Phước Thuận", "Nho", "Nho xanh NH01-48", PER, "8.0", 120_000, 3,
          ("Nho xanh", "vang nho"), At("xã Phước Thuận", "huyện Ninh Phước", 11.55, 108.95)),
    )),
    # The demo producer account's cooperative: every state a portal can show.
    "HTX Cà phê Công bằng Ea Kiết": PZ(12.85, 108.08, (
        Z("Vùng cà phê Robusta Buôn Ea Kiết", "Cà phê", "Robusta TR4", PER, "32.0", 384_000, 1,
          ("Robusta", "phin giấy"), standard=VIETGAP),
        Z("Vùng cà phê Robusta Buôn Ea Mdróh", "Cà phê", "Robusta TR9", PER, "18.0", 216_000,
          1, ("Robusta", "phin giấy"), At("xã Ea Mdróh", "huyện Cư M'gar", 12.90, 108.12)),
        Z("Vùng cà phê Arabica Cư Pui", "Cà phê", "Arabica Catimor", PER, "8.0", 64_000, 1,
          ("Arabica",), At("xã Cư Pui", "huyện Krông Bông", 12.47, 108.47),
          standard=ORGANIC),
        Z("Vùng nuôi ong hoa cà phê Ea Kiết", "Ong mật (hoa cà phê)", "Ong ngoại Apis mellifera",
          PER, "60.0", 3_500, 1, ("Mật ong",), standard=NONE),
        Z("Vùng ca cao xen cà phê Ea Kiết", "Ca cao", "TD5", PER, "6.0", 7_200, 2, ("Ca cao",),
          standard=VIETGAP),
        Z("Vùng cà phê Robusta Buôn Ea Tul", "Cà phê", "Robusta xanh lùn", PER, "10.0",
          120_000, 1, ("Robusta",), At("xã Ea Tul", "huyện Cư M'gar", 12.98, 108.05),
          standard=VIETGAP, status=SUSPENDED),
        Z("Vùng cà phê tái canh Buôn Cuôr Đăng", "Cà phê", "Robusta TRS1", PER, "4.0", 40_000,
          1, ("Robusta",), At("xã Cuôr Đăng", "huyện Cư M'gar", 12.82, 108.15),
          standard=NONE, status=CANCELLED),
    )),
    "Công ty TNHH Trà Atiso Langbiang": PZ(11.95, 108.44, (
        Z("Vùng atiso Trại Mát", "Atiso", "Atiso tím Đà Lạt", ANN, "5.0", 60_000, 2,
          ("atiso",), standard=VIETGAP),
        Z("Vùng dâu tây nhà kính Vạn Thành", "Dâu tây", "Dâu Mỹ Đá", ANN, "2.0", 20_000, 4,
          ("Dâu tây",)),
        Z("Vùng dâu tằm quả Lạc Dương", "Dâu tằm", "Dâu tằm quả Đà Lạt", PER, "3.0", 30_000, 2,
          ("dâu tằm",), At("thị trấn Lạc Dương", "huyện Lạc Dương", 12.00, 108.42)),
    )),
    "Công ty TNHH Mắc ca Tây Nguyên Xanh": PZ(12.45, 107.63, (
        Z("Vùng mắc ca Đức Minh", "Mắc ca", "OC", PER, "40.0", 100_000, 1, ("mắc ca",)),
        Z("Vùng sầu riêng Ri6 Đắk Mil", "Sầu riêng", "Ri6", PER, "15.0", 180_000, 2,
          ("Sầu riêng",), standard=GLOBALGAP),
        Z("Vùng cà phê Robusta Đức Mạnh", "Cà phê", "TR9", PER, "25.0", 300_000, 1,
          ("Cà phê",), At("xã Đức Mạnh", "huyện Đắk Mil", 12.48, 107.66)),
    )),
    "HTX Thanh long Hàm Minh": PZ(10.87, 107.95, (
        Z("Vùng thanh long ruột đỏ Hàm Minh", "Thanh long", "Ruột đỏ LĐ5", PER, "30.0",
          450_000, 3, ("Thanh long", "thanh long"), standard=GLOBALGAP),
        Z("Vùng thanh long Hàm Cường", "Thanh long", "Ruột trắng", PER, "6.0", 90_000, 3,
          ("Thanh long",), At("xã Hàm Cường", "huyện Hàm Thuận Nam", 10.92, 107.98),
          status=CANCELLED),
    )),
    "Công ty TNHH Hạt điều Bù Đăng": PZ(11.80, 107.25, (
        Z("Vùng điều Bù Đăng", "Điều", "PN1", PER, "80.0", 96_000, 1, ("điều",),
          standard=ORGANIC),
    )),
    "HTX Chôm chôm Long Khánh": PZ(10.93, 107.24, (
        Z("Vườn chôm chôm Long Khánh", "Chôm chôm", "Chôm chôm nhãn", PER, "25.0", 375_000, 1,
          ("Chôm chôm",)),
        Z("Vùng mít Bảo Vinh", "Mít", "Mít Thái siêu sớm", PER, "10.0", 150_000, 2,
          ("Mít sấy",), At("phường Bảo Vinh", "thành phố Long Khánh", 10.95, 107.26)),
    )),
    "HTX Nông nghiệp Củ Chi Xanh": PZ(11.02, 106.55, (
        Z("Vùng rau hữu cơ Phú Hòa Đông", "Rau ăn lá", "Cải xanh, rau muống, xà lách", ANN,
          "4.5", 36_000, 4, ("Rau ăn lá",), standard=ORGANIC),
        Z("Vùng lúa Phú Hòa Đông", "Lúa", "OM18", ANN, "10.0", 60_000, 3, ("Bánh tráng",)),
    )),
    "Hộ kinh doanh Bánh tráng Út Hiền": PZ(11.08, 106.36, (
        Z("Vùng mãng cầu Bà Đen", "Mãng cầu", "Mãng cầu ta", PER, "6.0", 60_000, 1,
          ("Mãng cầu",), At("phường Ninh Sơn", "thành phố Tây Ninh", 11.38, 106.15)),
    )),
    "HTX Nông nghiệp Chợ Đào": PZ(10.50, 106.60, (
        Z("Cánh đồng lúa nàng thơm Chợ Đào", "Lúa", "Nàng thơm Chợ Đào", ANN, "25.0", 112_500,
          1, ("nàng thơm",), standard=VIETGAP),
        Z("Vùng thanh long Châu Thành", "Thanh long", "Ruột trắng", PER, "20.0", 300_000, 3,
          ("Thanh long",), At("xã Dương Xuân Hội", "huyện Châu Thành", 10.52, 106.50)),
    )),
    "HTX Cây ăn trái Hòa Khánh": PZ(10.35, 105.98, (
        Z("Vườn xoài cát Hòa Lộc", "Xoài", "Cát Hòa Lộc", PER, "30.0", 300_000, 2, ("Xoài",),
          standard=GLOBALGAP),
        Z("Vườn vú sữa Lò Rèn Vĩnh Kim", "Vú sữa", "Lò Rèn", PER, "15.0", 180_000, 1,
          ("Vú sữa",), At("xã Vĩnh Kim", "huyện Châu Thành", 10.36, 106.25)),
    )),
    "Công ty TNHH Dừa Xiêm Mỏ Cày": PZ(10.10, 106.33, (
        Z("Vùng dừa hữu cơ Mỏ Cày Nam", "Dừa", "Dừa xiêm xanh", PER, "60.0", 240_000, 4,
          ("dừa",), standard=ORGANIC),
        Z("Vùng dừa Hương Mỹ", "Dừa", "Dừa ta", PER, "40.0", 160_000, 4, ("dừa",),
          At("xã Hương Mỹ", "huyện Mỏ Cày Nam", 9.99, 106.38)),
    )),
    "Công ty TNHH Nước mắm Thanh Hà Phú Quốc": PZ(10.22, 103.96, (
        Z("Vườn tiêu Cửa Dương", "Hồ tiêu", "Tiêu Phú Quốc", PER, "10.0", 25_000, 1,
          ("Tiêu sọ",), At("xã Cửa Dương", "thành phố Phú Quốc", 10.28, 103.98)),
        Z("Vùng sim rừng Hàm Ninh", "Sim", "Sim rừng", PER, "15.0", 30_000, 1, ("Rượu sim",),
          At("xã Hàm Ninh", "thành phố Phú Quốc", 10.18, 104.05)),
    )),
    "HTX Thốt nốt Tri Tôn": PZ(10.43, 104.98, (
        Z("Vùng thốt nốt Ô Lâm", "Thốt nốt", "Thốt nốt Bảy Núi", PER, "20.0", 200_000, 2,
          ("thốt nốt",)),
    )),
    "HTX Nông nghiệp Lúa tôm Hòa Tú": PZ(9.48, 105.90, (
        Z("Cánh đồng lúa tôm ST25 Hòa Tú", "Lúa", "ST25", ANN, "60.0", 270_000, 1, ("ST25",),
          standard=VIETGAP),
        Z("Cánh đồng lúa hữu cơ ST24 Hòa Tú", "Lúa", "ST24", ANN, "25.0", 112_500, 1,
          ("ST24",), standard=ORGANIC),
    )),
    "Hộ kinh doanh Bánh pía Vũng Thơm": PZ(9.60, 105.95, (
        Z("Vùng khoai môn Phú Tâm", "Khoai môn", "Khoai môn sáp", ANN, "2.0", 40_000, 1,
          ("khoai môn",)),
        Z("Vườn sầu riêng Phú Tâm", "Sầu riêng", "Monthong", PER, "5.0", 60_000, 1,
          ("sầu riêng",)),
    )),
    "HTX Khóm Cầu Đúc": PZ(9.78, 105.50, (
        Z("Vùng khóm Cầu Đúc Hỏa Tiến", "Khóm", "Khóm Cầu Đúc", PER, "50.0", 750_000, 2,
          ("Khóm", "khóm"), standard=VIETGAP),
    )),
    "HTX Cây ăn trái Mỹ Khánh": PZ(10.00, 105.68, (
        Z("Vườn dâu Hạ Châu", "Dâu", "Dâu Hạ Châu", PER, "12.0", 120_000, 1, ("Dâu Hạ Châu",),
          At("xã Nhơn Ái", "huyện Phong Điền", 10.01, 105.64)),
        Z("Vườn chuối Mỹ Khánh", "Chuối", "Chuối xiêm", PER, "5.0", 100_000, 2, ("Chuối",)),
    )),
    "Công ty TNHH Khô Đất Mũi": PZ(8.70, 105.00, (
        Z("Vùng nuôi ong rừng tràm U Minh", "Ong mật (hoa tràm)", "Ong khoái Apis dorsata",
          PER, "200.0", 4_000, 2, ("Mật ong",), At("xã Khánh Lâm", "huyện U Minh", 9.38,
                                                    104.95)),
    )),
}
