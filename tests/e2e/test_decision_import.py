"""A provincial officer imports the demo's recognition decision: a row error in the preview,
the file corrected, the decision applied, the product it recognises again back in the catalog.

This test adds products to the live server's demo data (in Lâm Đồng, under names no other
browser test looks for), so the order the tests run in does not matter.
"""

import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from shop.core import clock
from shop.demo import decision
from shop.demo.accounts import PROVINCIAL_OFFICER
from tests.e2e.support import blocking_axe_violations, load_axe, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.no_db]

ERROR = "Dòng 14, cột Điểm: 72 không thuộc hạng 3 sao (50–69)."


def fill_the_form(page, file) -> None:
    page.get_by_label("Tệp phụ lục (XLSX hoặc CSV)").set_input_files(file)
    page.get_by_label("Số quyết định").fill(decision.NUMBER)
    page.get_by_label("Ngày quyết định").fill(clock.today().isoformat())
    page.get_by_label("Cơ quan ban hành").fill(decision.AUTHORITY)
    page.get_by_role("button", name="Xem trước").click()


def test_an_officer_previews_a_decision_corrects_it_and_applies_it(new_context, csp_violations,
                                                                     tmp_path):
    broken = tmp_path / "quyet-dinh-2150.xlsx"
    workbook = load_workbook(decision.DECISION_FILE)
    workbook.active["J14"] = 72  # a 3-star row's score, outside the 3-star band
    workbook.save(broken)

    context = new_context()
    load_axe(context)
    page = context.new_page()
    sign_in(page, PROVINCIAL_OFFICER)
    page.get_by_role("link", name="Sổ đăng ký chứng nhận OCOP").click()
    page.get_by_role("link", name="Nhập quyết định công nhận").click()
    expect(page.get_by_label("Tỉnh")).to_have_value(re.compile(r"^\d+$"))
    fill_the_form(page, broken)

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Quyết định {decision.NUMBER}")
    expect(page.get_by_role("alert")).to_contain_text(ERROR)
    expect(page.get_by_role("button", name=re.compile("^Áp dụng"))).to_have_count(0)
    assert blocking_axe_violations(page) == []

    page.get_by_role("link", name="Tải lên tệp đã sửa").click()
    fill_the_form(page, decision.DECISION_FILE)
    expect(page.get_by_role("row").filter(has_text="Trà Ô long Cầu Đất")).to_contain_text(
        "Chủ thể mới, sản phẩm mới, giấy chứng nhận mới")
    expect(page.get_by_role("row").filter(has_text="Hồng cổ Đà Lạt")).to_contain_text(
        "Giấy chứng nhận mới thay cho giấy hiện hành")
    page.get_by_role("button", name="Áp dụng cả 20 dòng").click()
    expect(page.get_by_role("status")).to_contain_text(
        f"Đã áp dụng quyết định {decision.NUMBER}: ghi nhận 20 giấy chứng nhận.")
    page.get_by_role("link", name="Về sổ đăng ký").click()
    page.get_by_role("link", name="Các lần nhập trước").click()
    expect(page.get_by_role("row").filter(has_text=decision.DECISION_FILE.name)).to_contain_text(
        "Đã áp dụng: 20 giấy chứng nhận")
    expect(page.get_by_role("row").filter(has_text=broken.name)).to_contain_text("Chưa áp dụng")

    # The revoked rose, recognised again, is for sale once more; the new products wait for
    # their producers to set a price.
    shopper = new_context().new_page()
    shopper.goto("/products?q=hong+co+da+lat")
    expect(shopper.get_by_role("link", name="Hồng cổ Đà Lạt")).to_be_visible()
    shopper.goto("/products?q=tra+o+long+cau+dat")
    expect(shopper.get_by_role("heading", level=1)).to_contain_text("tra o long cau dat")
    expect(shopper.get_by_role("link", name="Trà Ô long Cầu Đất")).to_have_count(0)
    assert csp_violations == []
