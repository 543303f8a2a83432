"""A producer signs in, records a lot and prints its labels; a shopper scans one."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from shop.accounts.models import Role
from shop.core import clock
from tests.e2e.support import DEMO, pdf_codes, qr_texts

pytestmark = [pytest.mark.e2e, pytest.mark.no_db]

PRODUCT = "Cà phê Arabica hạt rang mộc"
ZONE = "VN-66-664-22197-01-25 · Vùng cà phê Arabica Cư Pui"
LOT = "E2E-2026-01"


def test_a_producer_records_a_lot_prints_labels_and_a_shopper_scans_one(
        new_context, live_server, csp_violations):
    today = clock.today()
    producer = DEMO[Role.PRODUCER]
    page = new_context().new_page()
    page.goto("/")
    page.get_by_role("link", name="Đăng nhập").click()
    page.get_by_label("Email").fill(producer.email)
    page.get_by_label("Mật khẩu").fill(producer.password)
    page.get_by_role("main").get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Cổng nhà sản xuất").click()
    page.get_by_role("link", name="Ghi nhận lô sản xuất").click()

    page.get_by_label("Sản phẩm", exact=True).select_option(label=PRODUCT)
    page.get_by_label("Số lô").fill(LOT)
    page.get_by_label("Hạn sử dụng").fill((today + timedelta(days=365)).isoformat())
    page.get_by_label("Số lượng", exact=True).fill("200")
    page.get_by_label("Đơn vị tính").fill("hộp")
    harvest = page.get_by_role("group", name="Nguyên liệu 1")
    harvest.get_by_label("Vùng nguyên liệu").select_option(label=ZONE)
    harvest.get_by_label("Ngày thu hoạch").fill((today - timedelta(days=20)).isoformat())
    harvest.get_by_label("Khối lượng (kg)").fill("120")
    page.get_by_role("button", name="Ghi nhận lô", exact=True).click()

    expect(page.get_by_role("status")).to_have_text(f"Đã ghi nhận lô {LOT}.")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Lô {LOT} {PRODUCT}")
    # The Digital Link printed in the QR code; its host is PUBLIC_HOST, here the live server.
    digital_link = page.get_by_text(re.compile(rf"^{re.escape(live_server)}/01/\d{{14}}/10/"))
    expect(digital_link).to_contain_text(f"/10/{LOT}?17=")

    page.get_by_label("Số lượng tem").fill("10")
    with page.expect_download() as printed:
        page.get_by_role("button", name="In tem (PDF)").click()
    assert printed.value.suggested_filename.endswith(".pdf")
    assert pdf_codes(printed.value.path()) == [digital_link.inner_text()] * 10

    with page.expect_download() as label:
        page.get_by_role("link", name="PNG").click()
    [scanned] = qr_texts(label.value.path().read_bytes())
    assert scanned == digital_link.inner_text()

    phone = new_context().new_page()
    phone.goto(scanned)
    expect(phone.get_by_role("heading", level=1)).to_have_text(PRODUCT)
    expect(phone.get_by_role("heading", name=f"Lô {LOT}")).to_be_visible()
    zone = phone.get_by_role("listitem").filter(
        has=phone.get_by_role("heading", name="Vùng cà phê Arabica Cư Pui"))
    expect(zone.get_by_text("VN-66-664-22197-01-25", exact=True)).to_be_visible()
    expect(zone.get_by_text(re.compile(r"· 120 kg$"))).to_be_visible()
    assert csp_violations == []
