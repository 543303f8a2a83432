"""Every kind of page, in both languages: axe-core finds nothing serious, the page says its
language, and the keyboard reaches every control with a focus one can see."""

from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page

from shop.accounts.models import Role
from tests.e2e.support import (
    blocking_axe_violations,
    load_axe,
    open_context,
    tab_through,
    watch_csp,
)

pytestmark = [pytest.mark.e2e, pytest.mark.no_db]

# (name, path, who is signed in); a {placeholder} is one of the demo_paths.
PAGES = [
    ("home", "/", None),
    ("catalog", "/products?min_stars=4", None),
    ("product", "/products/nuoc-mam-phan-thiet-35-do-dam", None),
    ("not-found", "/products/khong-co-san-pham-nay", None),
    ("trace", "{trace}", None),
    ("trace-recalled", "{recalled_trace}", None),
    ("sign-in", "/sign-in", None),
    ("sign-up", "/sign-up", None),
    ("confirm-failed", "/confirm-email/not-a-token", None),
    ("account-security", "/account/security", Role.CUSTOMER),
    ("portal", "/portal/", Role.PRODUCER),
    ("portal-lots", "/portal/lots", Role.PRODUCER),
    ("portal-lot", "{portal_lot}", Role.PRODUCER),
    ("portal-new-lot", "/portal/lots/new", Role.PRODUCER),
    ("portal-zones", "/portal/zones", Role.PRODUCER),
    ("portal-new-zone", "/portal/zones/new", Role.PRODUCER),
    ("portal-products", "/portal/products", Role.PRODUCER),
    ("portal-product", "{portal_product}", Role.PRODUCER),
    ("registry", "/registry/?status=expiring", Role.OFFICER),
    ("registry-import", "/registry/imports/new", Role.OFFICER),
    ("registry-imports", "/registry/imports/", Role.OFFICER),
    ("registry-officers", "/registry/officers/", Role.ADMIN),
    ("outlets", "/outlets", None),
    ("outlet", "/outlets/diem-ban-ocop-da-lat", None),
    ("console", "/console/", Role.OUTLET_STAFF),
    ("console-stock", "/console/ttgt-ocop-ha-noi/stock", Role.OUTLET_STAFF),
    ("console-receive", "{console_receive}", Role.OUTLET_STAFF),
    ("console-adjust", "/console/ttgt-ocop-ha-noi/adjust", Role.OUTLET_STAFF),
    ("console-orders", "/console/ttgt-ocop-ha-noi/orders/?show=open", Role.OUTLET_STAFF),
    ("console-statement", "/console/ttgt-ocop-ha-noi/statements/", Role.OUTLET_STAFF),
    ("console-order", "{console_order}", Role.OUTLET_STAFF),
    ("order", "{order}", None),
    ("my-orders", "/account/orders", Role.CUSTOMER),
    ("portal-stock", "/portal/stock", Role.PRODUCER),
    ("portal-orders", "/portal/orders", Role.PRODUCER),
    ("portal-lot-trail", "{portal_lot}/trail", Role.PRODUCER),
    ("office-outlets", "/office/outlets/", Role.OFFICER),
    ("office-outlet", "{office_outlet}", Role.OFFICER),
    ("combos", "/combos?occasion=tet", None),
    ("combo", "/combos/qua-tet-sum-vay", None),
    ("combo-off-sale", "/combos/qua-ha-long", None),
    ("office-combos", "/office/combos/", Role.OFFICER),
    ("office-new-combo", "/office/combos/new", Role.OFFICER),
    ("console-combos", "/console/ttgt-ocop-ha-noi/combos/", Role.OUTLET_STAFF),
    ("console-new-combo", "/console/ttgt-ocop-ha-noi/combos/new", Role.OUTLET_STAFF),
    ("fairs", "/fairs", None),
    ("fair", "/fairs/hoi-cho-ocop-toan-quoc-ha-noi", None),
    ("fair-filtered", "/fairs/festival-ca-phe-va-ocop-lam-dong?stars=4", None),
    ("fair-closed", "/fairs/trien-lam-ocop-mua-thu", None),
    ("office-fairs", "/office/fairs/", Role.OFFICER),
    ("office-fair", "{office_fair}/edit?q=ca+phe", Role.OFFICER),
    ("office-fair-floor", "{office_fair}/floor", Role.OFFICER),
    ("office-fair-applications", "{office_fair_applications}", Role.OFFICER),
    ("office-producers", "/office/producers/", Role.OFFICER),
    ("office-producer", "{office_producer}", Role.OFFICER),
    ("office-drafts", "/office/producers/drafts", Role.OFFICER),
    ("portal-members", "/portal/members", Role.PRODUCER),
    ("portal-new-product", "/portal/products/new", Role.PRODUCER),
    ("portal-fairs", "/portal/fairs", Role.PRODUCER),
    ("portal-fair-apply", "{portal_fair_apply}", Role.PRODUCER),
    ("join", "/join/demo-invitation-ea-kiet-2026", None),
]
LANGUAGES = ("vi", "en")


@dataclass
class Reader:
    """A reader's browser tab, with axe-core loaded, and what the console said about the CSP."""

    page: Page
    csp_violations: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def reader(browser, live_server, storage_state):
    """reader(language, role): one tab per kind of reader, shared by the scans (they only
    read): opening a tab per scan would send axe-core to the browser each time."""
    readers: dict[tuple[str, Role | None], Reader] = {}

    def _reader(language: str, role: Role | None) -> Reader:
        if (language, role) not in readers:
            context = open_context(browser, live_server, language,
                                   storage_state=storage_state(role) if role else None)
            load_axe(context)
            found = readers[language, role] = Reader(context.new_page())
            watch_csp(found.page, found.csp_violations)
        found = readers[language, role]
        found.csp_violations.clear()
        return found

    yield _reader
    for found in readers.values():
        found.page.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "path", "role"), PAGES, ids=[page[0] for page in PAGES])
def test_page_is_accessible(reader, demo_paths, language, name, path, role):
    tab = reader(language, role)
    page = tab.page
    page.goto(path.format(**demo_paths))

    assert page.evaluate("document.documentElement.lang") == language
    violations = blocking_axe_violations(page)
    assert not violations, "\n".join(violations)
    if language == "vi":
        # The layout is the same in both languages: one keyboard walk per page is enough.
        walk = tab_through(page)
        assert walk.stops[0].name == "Chuyển đến nội dung chính"
        problems = walk.problems()
        assert not problems, "\n".join(problems)
    assert tab.csp_violations == []
