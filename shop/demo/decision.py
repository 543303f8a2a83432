"""A province's recognition decision to import: the annex of Lâm Đồng's decision 2150/QĐ-UBND.

Twenty rows as a provincial office publishes them: eight about the demo's Lâm Đồng producers
(renewals found by GTIN, by registration number or by name; a product recognised again after
its revocation; two new products of known producers) and twelve products of six producers
the shop has never seen. The file (`decision_lam_dong.xlsx` beside this module) is what an
officer uploads; `python -m shop.demo.decision` writes it again from the rows below.
"""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from shop.registry.decisions.columns import template_headers

DECISION_FILE = Path(__file__).with_name("decision_lam_dong.xlsx")
NUMBER = "2150/QĐ-UBND"
AUTHORITY = "UBND tỉnh Lâm Đồng"
PROVINCE = "Lâm Đồng"
TITLE = ("DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP TỈNH LÂM ĐỒNG",
         f"(Kèm theo Quyết định số {NUMBER} của {AUTHORITY})")

ATISO = ("Công ty TNHH Trà Atiso Langbiang", "6801040135", "Số 12 đường Trần Phú, phường Lâm Viên")
HOA = ("HTX Hoa Thái Phiên", "", "Thôn Thái Phiên, phường Xuân Hương")
MAC_CA = ("Công ty TNHH Mắc ca Tây Nguyên Xanh", "6801042198", "")
THANH_LONG = ("HTX Thanh long Hàm Minh", "6807043131", "")
CAU_DAT = ("HTX Nông nghiệp Cầu Đất", "5801234561", "Thôn Trường Thọ, xã Xuân Trường")
HONG = ("Hộ kinh doanh Hồng treo gió Lạc Dương", "5808765432", "Thôn Đa Nghịt, xã Lạc Dương")
RAU = ("Công ty TNHH Rau sạch Langbiang", "5801122334", "Thôn Xuân Sơn, xã Xuân Trường")
THO_CAM = ("HTX Dệt thổ cẩm Lát", "5807766554", "Thôn Bon Đưng, xã Lạc Dương")
MAT_ONG = ("Tổ hợp tác Mật ong Bảo Lâm", "5809988776", "Thôn 5, xã Bảo Lâm")
SAU_RIENG = ("HTX Sầu riêng Đạ Huoai", "5803344556", "Thôn 3, xã Đạ Huoai")

# (product, producer, group, GTIN, stars, score)
ROWS = (
    ("Trà atiso túi lọc Đà Lạt", ATISO, "Đồ uống", "8932516000019", 4, 72),
    ("Dâu tây sấy dẻo Đà Lạt", (ATISO[0], "", ""), "Thực phẩm", "8932516000033", 3, 66),
    ("Mứt atiso Đà Lạt", ATISO, "Thực phẩm", "", 3, 58),
    ("Cẩm tú cầu chậu", HOA, "Sinh vật cảnh", "", 3, 61),
    ("Hồng cổ Đà Lạt", HOA, "Sinh vật cảnh", "", 3, 60),
    ("Trà mắc ca", MAC_CA, "Đồ uống", "", 3, 57),
    ("Thanh long ruột đỏ Hàm Thuận Nam", THANH_LONG, "Thực phẩm", "", 4, 71),
    ("Thanh long sấy dẻo", (THANH_LONG[0], "", ""), "Thực phẩm", "", 3, 68),
    ("Trà Ô long Cầu Đất", CAU_DAT, "Đồ uống", "8938800000017", 4, 76),
    ("Cà phê Arabica Cầu Đất", CAU_DAT, "Đồ uống", "8938800000024", 4, 81),
    ("Hồng treo gió Đà Lạt", HONG, "Thực phẩm", "", 3, 63),
    ("Mứt hồng dẻo Lạc Dương", HONG, "Thực phẩm", "", 3, 58),
    ("Cải kale hữu cơ Langbiang", RAU, "Thực phẩm", "", 3, 55),
    ("Dâu tây Mỹ Đà Lạt", RAU, "Thực phẩm", "8938800000031", 3, 60),
    ("Khăn thổ cẩm K'Ho", THO_CAM, "Thủ công mỹ nghệ", "", 3, 62),
    ("Túi thổ cẩm Lát", THO_CAM, "Thủ công mỹ nghệ", "", 3, 56),
    ("Mật ong hoa cà phê Bảo Lâm", MAT_ONG, "Thực phẩm", "8938800000048", 4, 73),
    ("Phấn hoa Bảo Lâm", MAT_ONG, "Thực phẩm", "", 3, 59),
    ("Sầu riêng Đạ Huoai", SAU_RIENG, "Thực phẩm", "", 4, 75),
    ("Kẹo sầu riêng Đạ Huoai", SAU_RIENG, "Thực phẩm", "", 3, 59),
)


def annex_rows() -> list[list]:
    """The annex's rows under the Vietnamese template's header (STT … Điểm)."""
    return [[n, product, name, registration, address, "", group, gtin, stars, score]
            for n, (product, (name, registration, address), group, gtin, stars, score)
            in enumerate(ROWS, start=1)]


def write_decision_file(path: Path = DECISION_FILE) -> None:
    """Write the annex as the province publishes it: two title rows, the header, the rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    for line in TITLE:
        sheet.append([line])
        sheet.merge_cells(start_row=sheet.max_row, end_row=sheet.max_row, start_column=1,
                          end_column=10)
    sheet.append(template_headers("vi"))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in annex_rows():
        sheet.append(row)
    for column, width in zip("ABCDEFGHIJ", (5, 34, 36, 13, 38, 8, 16, 15, 7, 7), strict=True):
        sheet.column_dimensions[column].width = width
    workbook.save(path)


if __name__ == "__main__":
    write_decision_file()
    print(f"wrote {DECISION_FILE}")
