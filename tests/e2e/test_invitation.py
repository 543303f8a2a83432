"""An officer invites a member of the demo cooperative; the newcomer signs up from the mailed
link, lands in the portal and proposes a product, which the shop does not show.

The invited address and the product's name are this test's own, so the order the tests run
in does not matter.
"""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from shop.demo.accounts import DEMO_ACCOUNTS, MEMBER_OF
from shop.extensions import db
from shop.mail.models import MailMessage
from tests.e2e.support import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.no_db]

INVITED = "e2e.thanhvien@example.vn"
PASSWORD = "mot-mat-khau-dai-2026"


def mailed_link(e2e_app) -> str:
    with e2e_app.app_context():
        body = db.session.scalar(select(MailMessage.text_body)
                                 .where(MailMessage.to_address == INVITED))
    return re.search(r"https?://[^/\s]+(/join/\S+)", body).group(1)


def test_an_officer_invites_a_member_who_signs_up_and_proposes_a_product(
        new_context, e2e_app, csp_violations):
    officer = next(a for a in DEMO_ACCOUNTS if a.email == "officer@ocop.example.vn")
    page = new_context().new_page()
    sign_in(page, officer)
    page.get_by_role("link", name="Chủ thể", exact=True).click()
    page.get_by_label("Tên hoặc số đăng ký").fill("Ea Kiết")
    page.get_by_role("main").get_by_role("button", name="Tìm kiếm").click()
    page.get_by_role("row").filter(has_text=MEMBER_OF).get_by_role("link").click()
    page.get_by_label("Địa chỉ email").fill(INVITED)
    page.get_by_role("button", name="Gửi lời mời").click()
    expect(page.get_by_role("status").filter(has_text=f"Đã gửi lời mời tới {INVITED}.")
           ).to_be_visible()

    newcomer = new_context().new_page()
    newcomer.goto(mailed_link(e2e_app))
    expect(newcomer.get_by_role("heading", level=1)).to_have_text(f"Tham gia {MEMBER_OF}")
    newcomer.get_by_label("Họ và tên").fill("Hoàng Thị Mai")
    newcomer.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    newcomer.get_by_label("Nhập lại mật khẩu").fill(PASSWORD)
    newcomer.get_by_role("button", name="Tạo tài khoản và tham gia").click()
    expect(newcomer.get_by_role("heading", level=1)).to_have_text(MEMBER_OF)

    newcomer.goto("/portal/products")
    newcomer.get_by_role("link", name="Đề xuất sản phẩm mới").click()
    newcomer.get_by_label("Tên (tiếng Việt)").fill("Cà phê honey thử nghiệm E2E")
    newcomer.get_by_label("Nhóm sản phẩm").select_option(label="Thực phẩm")
    newcomer.get_by_label("Giá (đồng)").fill("150000")
    newcomer.get_by_role("button", name="Lưu bản nháp").click()
    expect(newcomer.get_by_role("status").filter(has_text="Đã lưu bản nháp")).to_be_visible()

    shopper = new_context().new_page()
    shopper.goto("/products?q=honey+thu+nghiem+e2e")
    expect(shopper.get_by_role("link", name="Cà phê honey thử nghiệm E2E")).to_have_count(0)
    page.goto("/office/producers/drafts")
    expect(page.get_by_role("row").filter(has_text="Cà phê honey thử nghiệm E2E")).to_be_visible()
    assert csp_violations == []
