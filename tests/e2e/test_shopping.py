"""A shopper browses and filters the catalog, searches without accents, opens a product and
switches the language."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.no_db]


def product_count(page: Page) -> int:
    """The number of products the results line announces ("42 sản phẩm")."""
    status = page.get_by_role("main").get_by_role("status")
    expect(status).to_have_text(re.compile(r"^\d+ (sản phẩm|products?)$"))
    return int(status.inner_text().split()[0])


def test_browse_and_filter_the_catalog(page: Page, csp_violations):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sản phẩm OCOP từ các xã Việt Nam")

    page.get_by_role("link", name=re.compile(r"^Thực phẩm \(\d+\)$")).click()
    expect(page.get_by_label("Nhóm sản phẩm")).to_have_value("thuc-pham")
    food = product_count(page)

    page.get_by_label("Số sao tối thiểu").select_option(label="Từ 5 sao trở lên")
    page.get_by_role("button", name="Áp dụng").click()
    expect(page.get_by_label("Số sao tối thiểu")).to_have_value("5")
    five_star_food = product_count(page)
    assert 0 < five_star_food < food
    cards = page.get_by_role("main").get_by_role("article")
    expect(cards.first).to_be_visible()
    for card in cards.all():
        expect(card.get_by_role("img", name="OCOP 5 sao")).to_be_visible()

    assert csp_violations == []


def test_search_without_accents_finds_vietnamese_names(page: Page, csp_violations):
    page.goto("/")
    page.get_by_role("searchbox", name="Tìm kiếm sản phẩm").fill("mat ong rung")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Kết quả cho “mat ong rung”")
    expect(page.get_by_role("heading", name="Mật ong rừng U Minh")).to_be_visible()
    assert csp_violations == []


def test_open_a_product_and_read_its_certificate(page: Page, csp_violations):
    page.goto("/products?q=nuoc+mam+phan+thiet")
    page.get_by_role("link", name="Nước mắm Phan Thiết 35 độ đạm").click()

    product = page.get_by_role("article").filter(has=page.get_by_role("heading", level=1))
    expect(product.get_by_role("heading", level=1)).to_have_text("Nước mắm Phan Thiết 35 độ đạm")
    expect(product.get_by_role("img", name=re.compile(r"^OCOP [345] sao$"))).to_be_visible()
    expect(product.get_by_text(re.compile(r"^\d[\d.]*\s₫$"))).to_be_visible()
    certificate = product.get_by_role("region", name="Giấy chứng nhận OCOP")
    expect(certificate.get_by_text("Số quyết định")).to_be_visible()
    expect(certificate.get_by_text("Hiệu lực đến")).to_be_visible()
    assert csp_violations == []


def test_switch_language_keeps_the_page(page: Page, csp_violations):
    page.goto("/products/nuoc-mam-phan-thiet-35-do-dam")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/products/nuoc-mam-phan-thiet-35-do-dam$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Phan Thiet fish sauce 35°N")
    expect(page.get_by_role("region", name="OCOP certificate")).to_be_visible()

    page.get_by_role("link", name="Tiếng Việt").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nước mắm Phan Thiết 35 độ đạm")
    assert csp_violations == []
