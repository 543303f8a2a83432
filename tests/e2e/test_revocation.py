"""An officer revokes a certificate: the product leaves the catalog at once.

The product revoked here is used by no other browser test, so the order they run in does
not matter.
"""

import re

import pytest
from playwright.sync_api import expect

from shop.accounts.models import Role
from tests.e2e.support import DEMO

pytestmark = [pytest.mark.e2e, pytest.mark.no_db]

PRODUCT = "Hồ tiêu đen Chư Sê"


def test_an_officer_revokes_a_certificate_and_the_product_leaves_the_catalog(
        new_context, csp_violations):
    shopper = new_context().new_page()
    shopper.goto("/products?q=ho+tieu+chu+se")
    results = shopper.get_by_role("main").get_by_role("status")
    expect(results).to_have_text(re.compile(r"^\d+ sản phẩm$"))
    found_before = int(results.inner_text().split()[0])
    shopper.get_by_role("link", name=PRODUCT).click()
    expect(shopper.get_by_role("heading", level=1)).to_have_text(PRODUCT)

    officer = new_context().new_page()
    officer.goto("/sign-in")
    officer.get_by_label("Email").fill(DEMO[Role.OFFICER].email)
    officer.get_by_label("Mật khẩu").fill(DEMO[Role.OFFICER].password)
    officer.get_by_role("main").get_by_role("button", name="Đăng nhập").click()
    officer.get_by_role("link", name="Sổ đăng ký chứng nhận OCOP").click()
    officer.get_by_role("link", name=re.compile(r"^Sắp hết hiệu lực")).click()
    row = officer.get_by_role("row").filter(has=officer.get_by_role("link", name=PRODUCT))
    row.get_by_role("link", name=re.compile(r"^Thu hồi")).click()

    expect(officer.get_by_role("heading", level=2)).to_have_text(PRODUCT)
    officer.get_by_label("Số quyết định thu hồi").fill("77/QĐ-UBND")
    officer.get_by_label("Lý do").fill("Không đạt khi đánh giá lại.")
    officer.get_by_role("button", name="Thu hồi giấy chứng nhận").click()
    expect(officer.get_by_role("status")).to_contain_text("sản phẩm đã được gỡ khỏi danh mục")
    expect(officer.get_by_role("row").filter(has_text=PRODUCT)).to_contain_text("77/QĐ-UBND")

    shopper.reload()
    expect(shopper.get_by_text("Sản phẩm này không còn được chứng nhận OCOP nên không được "
                               "bán tại đây.")).to_be_visible()
    expect(shopper.get_by_text("₫")).to_have_count(0)
    shopper.go_back()
    shopper.reload()
    expect(results).to_have_text(f"{found_before - 1} sản phẩm")
    expect(shopper.get_by_role("link", name=PRODUCT)).to_have_count(0)
    assert csp_violations == []
