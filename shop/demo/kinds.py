"""Kinds of demo product: sub-group, sales unit, price range in đồng and the drawing to use."""

from typing import NamedTuple


class Kind(NamedTuple):
    """What every product of one kind shares."""

    group: int
    subgroup: str
    unit_vi: str
    unit_en: str
    price_low: int
    price_high: int
    icon: str


KINDS: dict[str, Kind] = {
    # 1 Food
    "fresh_fruit": Kind(1, "thuc-pham-tuoi-song", "kg", "kg", 45_000, 180_000, "fruit"),
    "greens": Kind(1, "thuc-pham-tuoi-song", "hộp 1 kg", "1 kg box", 45_000, 95_000, "leaf"),
    "rice": Kind(1, "thuc-pham-tho-so-che", "túi 5 kg", "5 kg bag", 120_000, 260_000, "sack"),
    "honey": Kind(1, "thuc-pham-tho-so-che", "chai 500 ml", "500 ml bottle",
                  150_000, 450_000, "jar"),
    "spice": Kind(1, "thuc-pham-tho-so-che", "hũ 200 g", "200 g jar", 35_000, 160_000, "jar"),
    "nuts": Kind(1, "thuc-pham-che-bien", "hộp 500 g", "500 g box", 150_000, 380_000, "box"),
    "dried": Kind(1, "thuc-pham-che-bien", "gói 500 g", "500 g pack", 60_000, 420_000, "bag"),
    "fish_sauce": Kind(1, "thuc-pham-che-bien", "chai 500 ml", "500 ml bottle",
                       60_000, 220_000, "bottle"),
    "paste": Kind(1, "thuc-pham-che-bien", "hũ 500 g", "500 g jar", 60_000, 200_000, "jar"),
    "meat": Kind(1, "thuc-pham-che-bien", "gói 500 g", "500 g pack", 110_000, 450_000, "bag"),
    "cake": Kind(1, "thuc-pham-che-bien", "hộp 400 g", "400 g box", 35_000, 180_000, "box"),
    "bird_nest": Kind(1, "thuc-pham-che-bien", "hộp 50 g", "50 g box",
                      1_200_000, 2_500_000, "box"),
    # 2 Beverages
    "wine": Kind(2, "do-uong-co-con", "chai 500 ml", "500 ml bottle", 120_000, 650_000, "bottle"),
    "tea": Kind(2, "do-uong-khong-con", "hộp 200 g", "200 g box", 120_000, 1_200_000, "leaf"),
    "coffee": Kind(2, "do-uong-khong-con", "túi 500 g", "500 g bag", 120_000, 450_000, "cup"),
    "juice": Kind(2, "do-uong-khong-con", "thùng 6 chai", "6 bottles", 60_000, 180_000, "bottle"),
    "herbal_tea": Kind(2, "do-uong-khong-con", "hộp 20 túi lọc", "20 tea bags",
                       45_000, 150_000, "cup"),
    # 3 Herbal and medicinal
    "functional": Kind(3, "thuc-pham-chuc-nang", "hộp 250 g", "250 g box",
                       180_000, 2_500_000, "box"),
    "extract": Kind(3, "thuoc-tu-duoc-lieu", "hũ 100 g", "100 g jar", 250_000, 1_500_000, "jar"),
    "cosmetic": Kind(3, "my-pham-tu-duoc-lieu", "chai 250 ml", "250 ml bottle",
                     45_000, 250_000, "vial"),
    "essential_oil": Kind(3, "tinh-dau", "lọ 30 ml", "30 ml vial", 80_000, 380_000, "vial"),
    # 4 Handicrafts
    "wood": Kind(4, "do-go", "chiếc", "piece", 200_000, 2_500_000, "frame"),
    "fibre": Kind(4, "soi-tu-nhien", "chiếc", "piece", 90_000, 850_000, "basket"),
    "metal": Kind(4, "kim-loai", "bộ", "set", 350_000, 2_500_000, "bowl"),
    "ceramic": Kind(4, "gom-su", "chiếc", "piece", 180_000, 2_500_000, "vase"),
    "textile": Kind(4, "det-may", "chiếc", "piece", 180_000, 2_000_000, "fabric"),
    "embroidery": Kind(4, "theu-ren", "chiếc", "piece", 300_000, 2_500_000, "frame"),
    # 5 Ornamental plants and animals
    "orchid": Kind(5, "hoa", "chậu", "pot", 250_000, 1_500_000, "flower"),
    "flower": Kind(5, "hoa", "chậu", "pot", 120_000, 450_000, "flower"),
    "bonsai": Kind(5, "cay-canh", "chậu", "pot", 500_000, 2_500_000, "tree"),
    "pet_fish": Kind(5, "dong-vat-canh", "con", "fish", 150_000, 1_200_000, "fish"),
    # 6 Tourism
    "community_tour": Kind(6, "du-lich-cong-dong", "người/ngày", "person/day",
                           250_000, 1_200_000, "house"),
    "homestay": Kind(6, "du-lich-cong-dong", "phòng/đêm", "room/night",
                     350_000, 1_500_000, "house"),
    "eco_tour": Kind(6, "du-lich-sinh-thai", "vé", "ticket", 50_000, 600_000, "mountain"),
    "site": Kind(6, "diem-du-lich", "vé", "ticket", 35_000, 250_000, "mountain"),
}
