"""Who may enter: every route of the app, as every kind of visitor, in one table.

A route added to the app fails `test_every_route_is_in_the_table` until it joins ROUTES
with the people allowed in. Everyone else is sent to sign in (anonymous) or refused (403).
"""

import hashlib
import secrets
from datetime import date, timedelta
from pathlib import Path

import pytest

from shop.accounts.models import Membership, OrganisationKind, Role
from shop.combos.models import ComboImage
from shop.core.clock import utcnow
from shop.extensions import db
from shop.fairs.models import FairApplication
from shop.fairs.services import add_booth
from shop.members.models import Invitation
from shop.ocop.models import Level
from shop.orders.models import Order
from shop.orders.numbers import new_number
from shop.payments.models import StatementUpload
from shop.registry.decisions.models import DecisionFile, DecisionImport
from tests.factories import (
    CertificateFactory,
    ComboFactory,
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
from tests.unit.fairs.support import published_fair

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
    (POST, "/cart/add", "orders.add_to_cart", EVERYONE),
    (GET, "/cart", "orders.cart_page", EVERYONE),
    (POST, "/cart", "orders.cart_page", EVERYONE),
    (GET, "/checkout", "orders.checkout", EVERYONE),
    (POST, "/checkout", "orders.checkout", EVERYONE),
    # The order's pages open with its token (mailed), whoever holds it.
    (GET, "/orders/{order_number}?t={order_token}", "orders.order", EVERYONE),
    (GET, "/orders/{order_number}/qr.png?t={order_token}", "orders.order_qr", EVERYONE),
    (POST, "/orders/{order_number}/cancel?t={order_token}", "orders.cancel", EVERYONE),
    (GET, "/account/orders", "orders.my_orders", SIGNED_IN),
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
    (GET, "/api/v1/combos", "api_combos.list_combos", EVERYONE),
    (GET, "/api/v1/combos/{combo_slug}", "api_combos.get_combo", EVERYONE),
    # Anyone may order (a refused body is still "in"); an order is read with its token.
    (POST, "/api/v1/orders", "api_orders.place_order", EVERYONE),
    (GET, "/api/v1/orders/{order_number} bearer={order_token}", "api_orders.get_order",
     EVERYONE),
    # Outlets: public pages, the staff's console, the officers' register.
    (GET, "/outlets", "outlets.index", EVERYONE),
    (GET, "/outlets/{outlet_slug}", "outlets.outlet", EVERYONE),
    (GET, "/console/", "outlet_console.home", OUTLET_PEOPLE),
    (GET, "/console/{outlet_slug}/stock", "outlet_console.stock", OUTLET_STAFF),
    (GET, "/console/{outlet_slug}/receive", "outlet_console.receive", OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/receive", "outlet_console.receive", OUTLET_STAFF),
    (GET, "/console/{outlet_slug}/adjust", "outlet_console.adjust", OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/adjust", "outlet_console.adjust", OUTLET_STAFF),
    # The staff's orders console and their bank statements.
    (GET, "/console/{outlet_slug}/orders/", "order_console.orders", OUTLET_STAFF),
    (GET, "/console/{outlet_slug}/orders/{console_order}", "order_console.order", OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/orders/{console_order}/step", "order_console.step",
     OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/orders/{console_order}/transfer", "order_console.transfer",
     OUTLET_STAFF),
    (GET, "/console/{outlet_slug}/orders/{console_order}/slip.pdf", "order_console.slip",
     OUTLET_STAFF),
    (GET, "/console/{outlet_slug}/statements/", "statement_console.statement", OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/statements/", "statement_console.statement", OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/statements/{statement_upload}/apply",
     "statement_console.apply", OUTLET_STAFF),
    (GET, "/office/outlets/", "outlet_office.index", OFFICERS),
    (GET, "/office/outlets/new", "outlet_office.new", OFFICERS),
    (POST, "/office/outlets/new", "outlet_office.new", OFFICERS),
    (GET, "/office/outlets/{outlet}/edit", "outlet_office.edit", OFFICERS),
    (POST, "/office/outlets/{outlet}/edit", "outlet_office.edit", OFFICERS),
    (POST, "/office/outlets/{outlet}/staff", "outlet_office.add_staff", OFFICERS),
    (POST, "/office/outlets/{outlet}/staff/{membership}/remove", "outlet_office.remove_staff",
     OFFICERS),
    # Gift combos: public pages, the officers' curation, the staff's for their outlets.
    (GET, "/combos", "combos.index", EVERYONE),
    (GET, "/combos/{combo_slug}", "combos.combo", EVERYONE),
    (GET, "/office/combos/", "combo_office.index", OFFICERS),
    (GET, "/office/combos/new", "combo_office.new", OFFICERS),
    (POST, "/office/combos/new", "combo_office.new", OFFICERS),
    (GET, "/office/combos/{combo}/edit", "combo_office.edit", OFFICERS),
    (POST, "/office/combos/{combo}/edit", "combo_office.edit", OFFICERS),
    (POST, "/office/combos/{combo}/photos", "combo_office.add_photo", OFFICERS),
    (POST, "/office/combos/{combo}/photos/{combo_image}/remove", "combo_office.remove_photo",
     OFFICERS),
    (POST, "/office/combos/{combo}/status", "combo_office.status", OFFICERS),
    (GET, "/console/{outlet_slug}/combos/", "combo_console.index", OUTLET_STAFF),
    (GET, "/console/{outlet_slug}/combos/new", "combo_console.new", OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/combos/new", "combo_console.new", OUTLET_STAFF),
    (GET, "/console/{outlet_slug}/combos/{combo}/edit", "combo_console.edit", OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/combos/{combo}/edit", "combo_console.edit", OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/combos/{combo}/photos", "combo_console.add_photo",
     OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/combos/{combo}/photos/{combo_image}/remove",
     "combo_console.remove_photo", OUTLET_STAFF),
    (POST, "/console/{outlet_slug}/combos/{combo}/status", "combo_console.status",
     OUTLET_STAFF),
    # Trade fairs: public pages and the API, the officers' curation.
    (GET, "/fairs", "fairs.index", EVERYONE),
    (GET, "/fairs/{fair_slug}", "fairs.fair", EVERYONE),
    (GET, "/fairs/{fair_slug}/catalog.pdf", "fairs.catalog_pdf", EVERYONE),
    (GET, "/api/v1/fairs", "api_fairs.list_fairs", EVERYONE),
    (GET, "/api/v1/fairs/{fair_slug}", "api_fairs.get_fair", EVERYONE),
    (GET, "/office/fairs/", "fair_office.index", OFFICERS),
    (GET, "/office/fairs/new", "fair_office.new", OFFICERS),
    (POST, "/office/fairs/new", "fair_office.new", OFFICERS),
    (GET, "/office/fairs/{fair}/edit", "fair_office.edit", OFFICERS),
    (POST, "/office/fairs/{fair}/edit", "fair_office.edit", OFFICERS),
    (POST, "/office/fairs/{fair}/publish", "fair_office.publish", OFFICERS),
    (POST, "/office/fairs/{fair}/close", "fair_office.close", OFFICERS),
    (POST, "/office/fairs/{fair}/booths", "fair_office.add_booth", OFFICERS),
    (POST, "/office/fairs/{fair}/booths/{booth}/remove", "fair_office.remove_booth", OFFICERS),
    (POST, "/office/fairs/{fair}/products", "fair_office.add_product", OFFICERS),
    (POST, "/office/fairs/{fair}/products/{product}/remove", "fair_office.remove_product",
     OFFICERS),
    (GET, "/office/fairs/{fair}/floor", "fair_office.floor", OFFICERS),
    (GET, "/office/fairs/{fair}/export.xlsx", "fair_office.export", OFFICERS),
    # Producers' applications to fairs: decided by officers, sent from the portal.
    (GET, "/office/fairs/{fair}/applications", "fair_office.applications_of", OFFICERS),
    (POST, "/office/fairs/applications/{application}/accept", "fair_office.accept", OFFICERS),
    (POST, "/office/fairs/applications/{application}/decline", "fair_office.decline", OFFICERS),
    (GET, "/portal/fairs", "portal.fairs", MEMBERS),
    (GET, "/portal/fairs/{fair}/apply", "portal.apply_to_fair", MEMBERS),
    (POST, "/portal/fairs/{fair}/apply", "portal.apply_to_fair", MEMBERS),
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
    (GET, "/portal/lots/{lot}/trail", "portal.lot_trail", OWNERS | OFFICERS),
    (GET, "/portal/stock", "portal.stock", MEMBERS),
    (GET, "/portal/orders", "portal.order_lines", MEMBERS),
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
    (GET, "/portal/products/new", "portal.new_product", MEMBERS),
    (POST, "/portal/products/new", "portal.new_product", MEMBERS),
    (GET, "/portal/members", "portal.members", MEMBERS),
    (POST, "/portal/members", "portal.members", MEMBERS),
    (POST, "/portal/members/{member_membership}/remove", "portal.remove_member", OWNERS),
    # Invitations: anyone holding the link; accepting needs an account.
    (GET, "/join/{invitation_token}", "members.join", EVERYONE),
    (POST, "/join/{invitation_token}", "members.join", EVERYONE),
    (POST, "/join/{invitation_token}/accept", "members.accept", SIGNED_IN),
    # The officers' producer records.
    (GET, "/office/producers/", "producer_office.index", OFFICERS),
    (GET, "/office/producers/new", "producer_office.new", OFFICERS),
    (POST, "/office/producers/new", "producer_office.new", OFFICERS),
    (GET, "/office/producers/{producer}/edit", "producer_office.edit", OFFICERS),
    (POST, "/office/producers/{producer}/edit", "producer_office.edit", OFFICERS),
    (POST, "/office/producers/{producer}/invitations", "producer_office.invite", OFFICERS),
    (POST, "/office/producers/{producer}/members/{member_membership}/remove",
     "producer_office.remove_member", OFFICERS),
    (GET, "/office/producers/drafts", "producer_office.drafts", OFFICERS),
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
    combo = ComboFactory(parts=[(product, 1), (ProductFactory(), 2)], sold_at=[outlet])
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
    fair = published_fair(users["admin"], producer.province, [product], slug="hoi-cho-ocop")
    ids = {"slug": product.slug, "gtin": product.gtin, "lot_code": lot.code, "lot": lot.id,
           "zone": zone.id, "run": run.id, "product": product.id, "image": image.id,
           "image_path": image.path, "token": untraced.token,
           "certificate": certificate.id, "decision_import": decision_import.id,
           "outlet": outlet.id, "outlet_slug": outlet.slug, "combo": combo.id,
           "combo_slug": combo.slug, "fair": fair.id, "fair_slug": fair.slug,
           "producer": producer.id}
    order = _order()
    ids.update(order_number=order.number, order_token=order.access_token)
    ids.update(console_order=_order(outlet).number,
               statement_upload=_statement_upload(outlet.id, users["outlet"].id))
    return users, ids, product


def _order(outlet=None):
    """An unpaid transfer order at `outlet` (or at a new one with a bank account)."""
    outlet = outlet or OutletFactory(bank_bin="970436", bank_account="0011001234567",
                                     bank_account_name="OCOP", accepts_vietqr=True)
    order = Order(number=new_number(), access_token="t" * 43, outlet_id=outlet.id,
                  contact_name="Lan", contact_phone="0912345678", contact_email="l@example.vn",
                  fulfilment="pickup", payment_method="vietqr", state="awaiting_payment",
                  subtotal_vnd=100_000, delivery_fee_vnd=0, total_vnd=100_000,
                  idempotency_key=secrets.token_urlsafe(24))
    db.session.add(order)
    db.session.flush()
    return order


def _statement_upload(outlet_id: int, user_id: int) -> int:
    """A bank statement uploaded at the outlet (of one line matching no order)."""
    content = ("Ngày giao dịch,Số tiền ghi có,Mô tả,Số tham chiếu\r\n"
               "16/03/2026,100.000,tien an,FT1\r\n").encode()
    upload = StatementUpload(outlet_id=outlet_id, file_name="sao-ke.csv", content=content,
                             uploaded_by_id=user_id)
    db.session.add(upload)
    db.session.flush()
    return upload.id


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


def _combo_image(combo_id: int) -> int:
    """A fresh photo of the combo, for a visitor to try removing."""
    image = ComboImage(combo_id=combo_id, path="combos/test.jpg")
    db.session.add(image)
    db.session.flush()
    return image.id


def _staff_membership(outlet_id: int) -> int:
    """A fresh staff membership of the outlet, for a visitor to try removing."""
    person = UserFactory(role=Role.CUSTOMER)
    person.memberships.append(Membership(kind=OrganisationKind.OUTLET, outlet_id=outlet_id))
    db.session.flush()
    return person.memberships[-1].id


def _member_membership(producer_id: int) -> int:
    """A fresh member of the producer, for a visitor to try removing."""
    person = UserFactory(role=Role.CUSTOMER)
    person.memberships.append(Membership(kind=OrganisationKind.PRODUCER,
                                         producer_id=producer_id))
    db.session.flush()
    return person.memberships[-1].id


def _invitation_token(producer_id: int) -> str:
    """A fresh invitation to the producer, for a visitor to follow."""
    token = secrets.token_urlsafe(16)
    db.session.add(Invitation(producer_id=producer_id, email=f"{token.lower()}@example.vn",
                              token_hash=hashlib.sha256(token.encode()).hexdigest(),
                              expires_at=utcnow() + timedelta(days=7)))
    db.session.flush()
    return token


def _fair_application(fair_id: int) -> int:
    """A fresh pending application to the fair, from a producer of its own, to decide."""
    application = FairApplication(fair_id=fair_id, producer_id=ProducerFactory().id)
    db.session.add(application)
    db.session.flush()
    return application.id


def outcome(client, method: str, path: str) -> str:
    """What a visitor meets: "in", "sign-in" or "refused" (a path may end with the bearer
    token the API asks for: " bearer=…")."""
    path, _sep, token = path.partition(" bearer=")
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = client.open(path, method=method, data={}, headers=headers)
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
        if "{combo_image}" in path:  # so does removing a combo's photo
            ids["combo_image"] = _combo_image(ids["combo"])
        if "{office}" in path:  # so does dismissing an officer
            ids["office"] = _office()
        if "{booth}" in path:  # so does taking a booth back
            ids["booth"] = add_booth(ids["fair"], f"Z-{len(met)}", ProducerFactory().id,
                                     users["admin"]).id
        if "{membership}" in path:  # so does removing someone from the staff
            ids["membership"] = _staff_membership(ids["outlet"])
        if "{member_membership}" in path:  # and removing a producer's member
            ids["member_membership"] = _member_membership(ids["producer"])
        if "{invitation_token}" in path:  # and accepting an invitation
            ids["invitation_token"] = _invitation_token(ids["producer"])
        if "{application}" in path:  # and deciding a producer's application to a fair
            ids.update(application=_fair_application(ids["fair"]))
        met[actor] = outcome(browser, method, path.format(**ids))
        expected[actor] = ("missing" if allowed is NOTHING_THERE else
                           "in" if actor in allowed else
                           "sign-in" if actor == "anonymous" else "refused")

    assert met == expected
