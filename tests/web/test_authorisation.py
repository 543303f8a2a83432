"""Who may enter: every route of the app, as every kind of visitor, in one table.

A route added to the app fails `test_every_route_is_in_the_table` until it joins ROUTES
with the people allowed in. Everyone else is sent to sign in (anonymous) or refused (403).
"""

from datetime import date
from pathlib import Path

import pytest

from shop.accounts.models import Membership, OrganisationKind, Role
from shop.extensions import db
from shop.ocop.models import Level
from shop.registry.decisions.models import DecisionFile, DecisionImport
from tests.factories import (
    CertificateFactory,
    LabelRunFactory,
    LotFactory,
    OutletFactory,
    ProducerFactory,
    ProductFactory,
    ProductImageFactory,
    UnitFactory,
    UserFactory,
    ZoneFactory,
)

ACTORS = ("anonymous", "customer", "member", "stranger", "outlet", "outlet_stranger", "officer",
          "admin")
EVERYONE = frozenset(ACTORS)
SIGNED_IN = EVERYONE - {"anonymous"}
# Members of a producer have a portal of their own; `stranger` belongs to another producer.
MEMBERS = frozenset({"member", "stranger"})
# Data of the member's producer: its members, and admins who act for any producer.
OWNERS = frozenset({"member", "admin"})
OFFICERS = frozenset({"officer", "admin"})
ADMINS = frozenset({"admin"})
# Outlet staff have a console; `outlet_stranger` works at another outlet than the fixture's.
OUTLET_PEOPLE = frozenset({"outlet", "outlet_stranger", "admin"})
# The fixture outlet's console: its own staff, and admins who act for any outlet.
OUTLET_STAFF = frozenset({"outlet", "admin"})
# Public, but with nothing behind it: the API's doc UI files are not installed.
NOTHING_THERE = frozenset()

GET, POST = "GET", "POST"
# (method, path, endpoint, who may enter). Paths name the fixture's objects in braces.
ROUTES = [
    (GET, "/", "catalog.home", EVERYONE),
    (GET, "/products", "catalog.products", EVERYONE),
    (GET, "/products/{slug}", "catalog.product", EVERYONE),
    (GET, "/sitemap.xml", "catalog.sitemap", EVERYONE),
    (GET, "/sign-in", "accounts.sign_in", EVERYONE),
    (POST, "/sign-in", "accounts.sign_in", EVERYONE),
    (GET, "/sign-up", "accounts.sign_up", EVERYONE),
    (POST, "/sign-up", "accounts.sign_up", EVERYONE),
    (POST, "/sign-out", "accounts.sign_out", EVERYONE),
    (GET, "/confirm-email/not-a-token", "accounts.confirm_email", EVERYONE),
    (GET, "/account/security", "accounts.security", SIGNED_IN),
    (POST, "/account/security", "accounts.security", SIGNED_IN),
    (POST, "/account/sign-out-everywhere", "accounts.sign_out_everywhere", SIGNED_IN),
    (GET, "/lang/en", "i18n.set_language", EVERYONE),
    (GET, "/healthz", "health.healthz", EVERYONE),
    (GET, "/media/{image_path}", "media.media", EVERYONE),
    (GET, "/static/css/site.css", "static", EVERYONE),
    (GET, "/favicon.ico", "favicon.favicon", EVERYONE),
    (GET, "/01/{gtin}/10/{lot_code}", "trace.resolve", EVERYONE),
    (GET, "/t/{token}", "trace.resolve_token", EVERYONE),
    (GET, "/labels/lots/{lot}.png", "trace.lot_label_png", EVERYONE),
    (GET, "/labels/lots/{lot}.svg", "trace.lot_label_svg", EVERYONE),
    (GET, "/api/", "openapi.openapi", EVERYONE),
    (GET, "/api/openapi.json", "openapi.doc_url", EVERYONE),
    (GET, "/api/static/none.css", "openapi.static", NOTHING_THERE),
    (GET, "/api/v1/products", "api_products.list_products", EVERYONE),
    (GET, "/api/v1/products/{slug}", "api_products.get_product", EVERYONE),
    (GET, "/api/v1/groups", "api_reference.list_groups", EVERYONE),
    (GET, "/api/v1/producers", "api_reference.list_producers", EVERYONE),
    (GET, "/api/v1/provinces", "api_reference.list_provinces", EVERYONE),
    (GET, "/api/v1/lots?gtin={gtin}&lot={lot_code}", "api_lots.find_lot", EVERYONE),
    (GET, "/api/v1/lots/{lot}", "api_lots.get_lot", EVERYONE),
    (GET, "/api/v1/lots/{lot}/epcis", "api_lots.get_lot_epcis", EVERYONE),
    (GET, "/api/v1/outlets", "api_outlets.list_outlets", EVERYONE),
    (GET, "/api/v1/outlets/{outlet_slug}", "api_outlets.get_outlet", EVERYONE),
    # Outlets: public pages, the staff's console, the officers' register.
    (GET, "/outlets", "outlets.index", EVERYONE),
    (GET, "/outlets/{outlet_slug}", "outlets.outlet", EVERYONE),
    (GET, "/console/", "outlet_console.home", OUTLET_PEOPLE),
    (GET, "/console/{outlet_slug}/stock", "outlet_console.stock", OUTLET_STAFF),
    (GET, "/console/{outlet_slug}/receive", "outlet_console.receive", OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/receive", "outlet_console.receive", OUTLET_STAFF),
    (GET, "/console/{outlet_slug}/adjust", "outlet_console.adjust", OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/adjust", "outlet_console.adjust", OUTLET_STAFF),
    (GET, "/office/outlets/", "outlet_office.index", OFFICERS),
    (GET, "/office/outlets/new", "outlet_office.new", OFFICERS),
    (POST, "/office/outlets/new", "outlet_office.new", OFFICERS),
    (GET, "/office/outlets/{outlet}/edit", "outlet_office.edit", OFFICERS),
    (POST, "/office/outlets/{outlet}/edit", "outlet_office.edit", OFFICERS),
    (POST, "/office/outlets/{outlet}/staff", "outlet_office.add_staff", OFFICERS),
    (POST, "/office/outlets/{outlet}/staff/{membership}/remove", "outlet_office.remove_staff",
     OFFICERS),
    # The producer portal.
    (GET, "/portal/", "portal.home", MEMBERS),
    (POST, "/portal/producer", "portal.choose_producer", MEMBERS),
    (GET, "/portal/zones", "portal.zones", MEMBERS),
    (GET, "/portal/zones/new", "portal.new_zone", MEMBERS),
    (POST, "/portal/zones/new", "portal.new_zone", MEMBERS),
    (GET, "/portal/zones/{zone}/edit", "portal.edit_zone", OWNERS),
    (POST, "/portal/zones/{zone}/edit", "portal.edit_zone", OWNERS),
    (GET, "/portal/lots", "portal.lots", MEMBERS),
    (GET, "/portal/lots/new", "portal.new_lot", MEMBERS),
    (POST, "/portal/lots/new", "portal.new_lot", MEMBERS),
    (GET, "/portal/lots/{lot}", "portal.lot", OWNERS | OFFICERS),
    (POST, "/portal/lots/{lot}/recall", "portal.recall", OWNERS | OFFICERS),
    (POST, "/portal/lots/{lot}/runs", "portal.new_run", OWNERS),
    (GET, "/portal/lots/{lot}/label.png", "portal.label_png", OWNERS),
    (GET, "/portal/lots/{lot}/label.svg", "portal.label_svg", OWNERS),
    (GET, "/portal/runs/{run}.pdf", "portal.run_pdf", OWNERS),
    (GET, "/portal/products", "portal.products", MEMBERS),
    (GET, "/portal/products/{product}", "portal.product", OWNERS),
    (POST, "/portal/products/{product}", "portal.product", OWNERS),
    (POST, "/portal/products/{product}/photos", "portal.add_photo", OWNERS),
    (POST, "/portal/products/{product}/photos/{image}/remove", "portal.remove_photo", OWNERS),
    # The trade promotion officers' registry.
    (GET, "/registry/", "ocop.registry", OFFICERS),
    (GET, "/registry/lots", "ocop.find_lot", OFFICERS),
    (GET, "/registry/certificates/new", "ocop.new_certificate", OFFICERS),
    (POST, "/registry/certificates/new", "ocop.new_certificate", OFFICERS),
    (GET, "/registry/certificates/{certificate}/revoke", "ocop.revoke", OFFICERS),
    (POST, "/registry/certificates/{certificate}/revoke", "ocop.revoke", OFFICERS),
    (GET, "/registry/export.xlsx?status=current", "ocop.export", OFFICERS),
    (GET, "/registry/imports/", "ocop.decisions.index", OFFICERS),
    (GET, "/registry/imports/new", "ocop.decisions.new", OFFICERS),
    (POST, "/registry/imports/new", "ocop.decisions.new", OFFICERS),
    (GET, "/registry/imports/template-vi.xlsx", "ocop.decisions.template", OFFICERS),
    (GET, "/registry/imports/{decision_import}", "ocop.decisions.preview", OFFICERS),
    (POST, "/registry/imports/{decision_import}/apply", "ocop.decisions.apply", OFFICERS),
    (GET, "/registry/officers/", "ocop.officers.index", ADMINS),
    (POST, "/registry/officers/", "ocop.officers.index", ADMINS),
    (POST, "/registry/officers/{office}/dismiss", "ocop.officers.dismiss", ADMINS),
]


def test_every_route_is_in_the_table(app):
    served = {(method, rule.endpoint) for rule in app.url_map.iter_rules()
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    tabled = {(method, endpoint) for method, _path, endpoint, _who in ROUTES}

    assert served - tabled == set(), "new routes must join the authorisation table"
    assert tabled - served == set(), "the table names routes the app no longer has"


@pytest.fixture
def world(app):
    """One producer's product, zone, lot, label run and photo; ids by the names paths use."""
    producer = ProducerFactory()
    product = ProductFactory(producer=producer, gtin="08935049510864", slug="che-shan",
                             certificate=None)
    certificate = CertificateFactory(product=product)
    lot = LotFactory(product=product, code="L-1")
    zone = ZoneFactory(producer=producer)
    run = LabelRunFactory(lot=lot)
    UnitFactory(lot=lot, run=run)
    image = ProductImageFactory(product=product)
    photo = Path(app.config["MEDIA_ROOT"]) / image.path
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(b"\xff\xd8\xff")
    untraced = LotFactory(product=ProductFactory(producer=producer, gtin=None))
    outlet = OutletFactory()
    users = {
        "customer": UserFactory(role=Role.CUSTOMER),
        "member": UserFactory(role=Role.PRODUCER, producer=producer),
        "stranger": UserFactory(role=Role.PRODUCER, producer=ProducerFactory()),
        "outlet": UserFactory(role=Role.CUSTOMER, outlet=outlet),
        "outlet_stranger": UserFactory(role=Role.CUSTOMER, outlet=OutletFactory()),
        "officer": UserFactory(role=Role.OFFICER),
        "admin": UserFactory(role=Role.ADMIN),
    }
    decision_import = _decision_import(producer, users["officer"])
    ids = {"slug": product.slug, "gtin": product.gtin, "lot_code": lot.code, "lot": lot.id,
           "zone": zone.id, "run": run.id, "product": product.id, "image": image.id,
           "image_path": image.path, "token": untraced.token,
           "certificate": certificate.id, "decision_import": decision_import.id,
           "outlet": outlet.id, "outlet_slug": outlet.slug}
    return users, ids, product


def _office() -> int:
    """An officer of the national office, to dismiss."""
    user = UserFactory()
    user.memberships.append(Membership(kind=OrganisationKind.OFFICE))
    db.session.flush()
    return user.memberships[0].id


def _decision_import(producer, officer):
    """An uploaded annex of one row (whose producer is unknown: applying it is refused)."""
    content = "Tên sản phẩm,Chủ thể,Điểm\r\nTrà,HTX Chè,60\r\n".encode()
    annex = DecisionFile(digest="0" * 64, content=content, size=len(content))
    record = DecisionImport(
        file=annex, file_name="annex.csv", file_format="csv", decision_number="1/QĐ-UBND",
        decided_on=date(2025, 9, 1), authority="UBND tỉnh", level=Level.PROVINCE,
        province_id=producer.province_id, uploaded_by_id=officer.id, rows=1)
    db.session.add(record)
    db.session.flush()
    return record


def _staff_membership(outlet_id: int) -> int:
    """A fresh staff membership of the outlet, for a visitor to try removing."""
    person = UserFactory(role=Role.CUSTOMER)
    person.memberships.append(Membership(kind=OrganisationKind.OUTLET, outlet_id=outlet_id))
    db.session.flush()
    return person.memberships[-1].id


def outcome(client, method: str, path: str) -> str:
    """What a visitor meets: "in", "sign-in" or "refused"."""
    response = client.open(path, method=method, data={})
    if response.status_code == 302 and response.headers["Location"].startswith("/sign-in"):
        return "sign-in"
    if response.status_code in (401, 403):
        return "refused"
    # An allowed visitor finds the page; a 404 here would hide a wrong id in the table.
    return "in" if response.status_code != 404 else "missing"


@pytest.mark.parametrize(("method", "path", "allowed"),
                         [pytest.param(method, path, allowed, id=f"{method} {path}")
                          for method, path, _endpoint, allowed in ROUTES])
def test_who_may_enter(app, client, sign_in, world, method, path, allowed):
    users, ids, product = world
    met, expected = {}, {}
    for actor in ACTORS:
        browser = app.test_client()  # a browser of their own: no cookies from the last one
        if actor != "anonymous":
            sign_in(users[actor], browser)
        if "{image}" in path:  # removing a photo consumes it: each visitor tries a fresh one
            ids["image"] = ProductImageFactory(product=product).id
        if "{office}" in path:  # so does dismissing an officer
            ids["office"] = _office()
        if "{membership}" in path:  # so does removing someone from the staff
            ids["membership"] = _staff_membership(ids["outlet"])
        met[actor] = outcome(browser, method, path.format(**ids))
        expected[actor] = ("missing" if allowed is NOTHING_THERE else
                           "in" if actor in allowed else
                           "sign-in" if actor == "anonymous" else "refused")

    assert met == expected
