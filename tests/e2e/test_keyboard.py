"""A shopper who uses only the keyboard skips to the content, searches, opens a product and
signs in."""

import pytest
from playwright.sync_api import Locator, Page, expect

from shop.accounts.models import Role
from tests.e2e.support import DEMO

pytestmark = [pytest.mark.e2e, pytest.mark.no_db]


def tab_to(page: Page, target: Locator, key: str = "Tab", most: int = 80) -> None:
    """Press Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would."""
    for _ in range(most):
        page.keyboard.press(key)
        if target.evaluate("(el) => el === document.activeElement"):
            return
    raise AssertionError(f"{most} presses of {key} never reached {target}")


def test_skip_link_search_and_product_by_keyboard(page: Page, csp_violations):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Chuyển đến nội dung chính")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()

    tab_to(page, page.get_by_role("searchbox", name="Tìm kiếm sản phẩm"), key="Shift+Tab")
    page.keyboard.type("mat ong hoa vai")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kết quả cho “mat ong hoa vai”")

    tab_to(page, page.get_by_role("link", name="Mật ong hoa vải Lục Ngạn"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mật ong hoa vải Lục Ngạn")
    assert csp_violations == []


def test_sign_in_by_keyboard(page: Page, csp_violations):
    customer = DEMO[Role.CUSTOMER]
    page.goto("/")
    tab_to(page, page.get_by_role("link", name="Đăng nhập"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_label("Email"))
    page.keyboard.type(customer.email)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Mật khẩu")).to_be_focused()
    page.keyboard.type(customer.password)
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_have_text(f"Chào mừng {customer.name} quay lại.")
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    assert csp_violations == []
