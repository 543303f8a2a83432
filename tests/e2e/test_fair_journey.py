"""An officer builds a fair: a booth and a product picked from the catalog; the demo producer
applies with one of its products; the officer accepts it at a booth, publishes the fair and
downloads its catalog, whose QR codes open the product pages.

The fair is this test's own (its name and slug no other test looks for), so the order the tests
run in does not matter. The pages are read in English: the fairs' newest texts are translated
into Vietnamese when the release is prepared.
"""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from shop.accounts.models import Role
from shop.core import clock
from tests.e2e.support import DEMO, blocking_axe_violations, load_axe, pdf_codes, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.no_db]

FAIR = "Hội chợ OCOP Buôn Ma Thuột E2E"
SLUG = "hoi-cho-ocop-buon-ma-thuot-e2e"
PICKED = ("Nước mắm Phan Thiết 35 độ đạm", "HTX Thanh long Hàm Minh")
APPLIED = ("Cà phê phin giấy Buôn Ma Thuột", "HTX Cà phê Công bằng Ea Kiết")
# The product pages the catalog's codes should open, and their headings.
PAGES = {"nuoc-mam-phan-thiet-35-do-dam": PICKED[0], "ca-phe-phin-giay-buon-ma-thuot": APPLIED[0]}


def signed_in_in_english(new_context, live_server, role: Role):
    """A page of the demo account of `role`, signed in, then reading English."""
    context = new_context()
    load_axe(context)
    page = context.new_page()
    sign_in(page, DEMO[role])
    context.add_cookies([{"name": "lang", "value": "en", "url": live_server}])
    return page


def test_an_officer_builds_a_fair_accepts_an_application_and_prints_its_catalog(
        new_context, live_server, csp_violations, tmp_path):
    officer = signed_in_in_english(new_context, live_server, Role.OFFICER)
    officer.goto("/")
    officer.get_by_role("link", name="Manage fairs").click()
    officer.get_by_role("link", name="New fair").click()
    first_day = clock.today() + timedelta(days=20)
    officer.get_by_label("Name (Vietnamese)").fill(FAIR)
    officer.get_by_label("First day").fill(first_day.isoformat())
    officer.get_by_label("Last day").fill((first_day + timedelta(days=2)).isoformat())
    officer.get_by_label("Venue").fill("Quảng trường 10 tháng 3, Buôn Ma Thuột")
    officer.get_by_label("Province").select_option(label="Đắk Lắk")
    officer.get_by_label("Organiser").fill("Sở Công Thương Đắk Lắk")
    officer.get_by_role("main").get_by_role("button", name="Save").click()
    expect(officer.get_by_role("status")).to_have_text("Fair saved.")

    officer.get_by_label("Booth code", exact=True).fill("A-1")
    officer.get_by_label("Producer", exact=True).select_option(label=PICKED[1])
    officer.get_by_role("button", name="Give the booth").click()
    expect(officer.get_by_role("status")).to_have_text("Booth A-1 given.")
    officer.get_by_label("Search the catalog").fill("nuoc mam phan thiet 35")
    officer.get_by_role("main").get_by_role("button", name="Search", exact=True).click()
    officer.get_by_role("button", name=f"Add {PICKED[0]}").click()
    expect(officer.get_by_role("status")).to_have_text("Product added to the fair.")
    fair_page = officer.url

    producer = signed_in_in_english(new_context, live_server, Role.PRODUCER)
    producer.goto("/portal/")
    producer.get_by_role("link", name="Fairs and applications").click()
    open_fairs = producer.get_by_role("table", name="Fairs you can apply to")
    open_fairs.get_by_role("row").filter(has_text=FAIR).get_by_role("link").click()
    expect(producer.get_by_role("heading", level=1)).to_have_text(f"Apply to {FAIR}")
    assert blocking_axe_violations(producer) == []
    producer.get_by_label(APPLIED[0]).check()
    producer.get_by_role("button", name="Send the application").click()
    expect(producer.get_by_role("status")).to_contain_text("Application sent")
    application = producer.get_by_role("table", name="Your applications").get_by_role(
        "row").filter(has_text=FAIR)
    expect(application).to_contain_text("Awaiting a decision")

    officer.goto(fair_page)
    officer.get_by_role("link", name="Producers' applications").click()
    section = officer.get_by_role("region", name=APPLIED[1])
    expect(section).to_contain_text(APPLIED[0])
    assert blocking_axe_violations(officer) == []
    section.get_by_label("Booth code (optional)").fill("A-2")
    section.get_by_role("button", name=f"Accept {APPLIED[1]}").click()
    expect(officer.get_by_role("status")).to_have_text(f"Application of {APPLIED[1]} accepted.")
    producer.reload()
    expect(application).to_contain_text("Accepted")

    officer.goto(fair_page)
    officer.get_by_role("button", name="Publish").click()
    expect(officer.get_by_role("status")).to_have_text("The fair is published.")
    officer.get_by_role("link", name="Its public page").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text(FAIR)
    for slug in PAGES:  # named in English here: the links are found by where they lead
        expect(officer.locator(f'main a[href="/products/{slug}"]')).to_be_visible()
    assert blocking_axe_violations(officer) == []

    href = officer.get_by_role("link", name="Download the catalog (PDF)").get_attribute("href")
    assert href == f"/fairs/{SLUG}/catalog.pdf"
    catalog = officer.request.get(href)
    assert catalog.ok and catalog.headers["content-type"] == "application/pdf"
    pdf = tmp_path / f"{SLUG}.pdf"
    pdf.write_bytes(catalog.body())
    codes = pdf_codes(pdf)
    assert sorted(codes) == sorted(f"{live_server}/products/{slug}" for slug in PAGES)

    phone = new_context().new_page()
    for code in codes:
        phone.goto(code)
        expect(phone.get_by_role("heading", level=1)).to_have_text(PAGES[code.rsplit("/", 1)[1]])
    assert csp_violations == []
