"""The demo data set: seeded once on a fixed day, checked against every OCOP rule it shows off."""

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from shop.accounts.models import Role, User
from shop.accounts.offices import NATIONAL, officer_scope
from shop.catalog.listing import listed_products
from shop.catalog.models import Product
from shop.core.text import slugify
from shop.demo.accounts import DEMO_ACCOUNTS, EVERY_DEMO_ACCOUNT, PROVINCIAL_OFFICER
from shop.demo.seed import seed
from shop.extensions import db
from shop.ocop.listing_rule import LISTABLE_STATUSES, Status, status_on
from shop.ocop.models import Certificate, ProductGroup
from shop.ocop.rules import LEVEL_REFORM_DATE, STAR_BANDS, expiry_for, level_for
from shop.places.models import Province
from shop.producers.models import Producer
from shop.registry.services import registry_query

TODAY = date(2026, 3, 16)
NEW_PROVINCES = {
    "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng",
    "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Thành phố Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long",
    "Đồng Tháp", "Cà Mau", "An Giang", "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La",
    "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng",
}


@pytest.fixture
def seeded(app):
    return seed(Path(app.config["MEDIA_ROOT"]), TODAY)


def gtin_is_valid(gtin: str) -> bool:
    body, check = gtin[:-1], int(gtin[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def test_the_demo_data_set_shows_every_rule_of_the_shop(seeded, app):
    check_provinces_and_groups()
    check_producers()
    listed = check_listed_products()
    check_hidden_and_expiring(listed)
    check_products(Path(app.config["MEDIA_ROOT"]))
    check_accounts()
    assert seeded.listed == len(listed)


def check_provinces_and_groups():
    provinces = db.session.scalars(select(Province)).all()
    assert {p.name for p in provinces} == NEW_PROVINCES
    assert all(p.slug == slugify(p.name) for p in provinces)
    former = [n.strip() for p in provinces for n in p.former_names.split(",") if n.strip()]
    assert len(former) == len(set(former)) == 63 - 34 + 1  # +1: Huế was Thừa Thiên Huế
    by_name = {p.name: p for p in provinces}
    assert by_name["Lâm Đồng"].former_names == "Đắk Nông, Bình Thuận"
    assert by_name["Thành phố Hồ Chí Minh"].former_names == "Bình Dương, Bà Rịa - Vũng Tàu"
    groups = db.session.scalars(
        select(ProductGroup).options(selectinload(ProductGroup.subgroups))).all()
    assert sorted(g.code for g in groups) == [1, 2, 3, 4, 5, 6]
    assert all(len(g.subgroups) >= 2 and g.name_vi and g.name_en for g in groups)


def check_producers():
    producers = db.session.scalars(select(Producer)).all()
    assert len(producers) >= 40
    assert len({p.province_id for p in producers}) >= 10
    assert {p.kind for p in producers} == {"cooperative", "company", "cooperative_group",
                                           "household"}
    assert all(p.email.endswith("@example.vn") and p.phone and p.address for p in producers)
    assert len({p.registration_number for p in producers}) == len(producers)


def check_listed_products() -> list[Product]:
    listed = db.session.scalars(listed_products(TODAY)).unique().all()
    assert len(listed) >= 150
    for product in listed:
        cert = product.certificate
        low, high = STAR_BANDS[cert.stars]
        assert cert.stars >= 3 and low <= cert.score <= high, product.slug
        assert cert.score_a + cert.score_b + cert.score_c == cert.score
        assert cert.level == level_for(cert.stars, cert.recognized_on)
        assert cert.expires_on == expiry_for(cert.recognized_on)
        assert status_on(cert, TODAY) in LISTABLE_STATUSES
    dates = [p.certificate.recognized_on for p in listed]
    assert min(dates) >= date(2023, 3, 16) and max(dates) <= TODAY
    assert any(d < LEVEL_REFORM_DATE for d in dates) and any(d >= LEVEL_REFORM_DATE for d in dates)
    assert {p.group_id for p in listed} == set(db.session.scalars(select(ProductGroup.id)))
    assert {p.certificate.stars for p in listed} == {3, 4, 5}
    return listed


def check_hidden_and_expiring(listed: list[Product]):
    listed_ids = {p.id for p in listed}
    hidden = {}
    for status in (Status.EXPIRED, Status.REVOKED, Status.BELOW_OCOP):
        certs = [c for c, _status in db.session.execute(registry_query(status, TODAY))]
        hidden[status] = certs
        assert len(certs) >= 5, status
        assert not {c.product_id for c in certs} & listed_ids, status
    assert all(c.revocation_number and c.revocation_reason and c.revoked_on <= TODAY
               for c in hidden[Status.REVOKED])
    assert all(c.stars in (1, 2) for c in hidden[Status.BELOW_OCOP])
    expiring = [c for c, _status in db.session.execute(registry_query(Status.EXPIRING, TODAY))]
    assert len(expiring) >= 8
    assert {c.product_id for c in expiring} <= listed_ids
    superseded = db.session.scalars(select(Certificate).where(Certificate.superseded)).all()
    assert superseded and {c.product_id for c in superseded} <= listed_ids


def check_products(media_root: Path):
    products = db.session.scalars(select(Product).options(selectinload(Product.images))).all()
    assert all(35_000 <= p.price_vnd <= 2_500_000 for p in products)
    assert all(p.unit_vi and p.unit_en and p.name_en for p in products)
    assert all("\n\n" in p.story_vi and "\n\n" in p.story_en for p in products)
    assert len({p.story_en for p in products}) == len(products)
    gtins = [p.gtin for p in products if p.gtin]
    assert len(gtins) >= 50 and len(set(gtins)) == len(gtins)
    # GTIN-13s under 893, stored as GTIN-14s.
    assert all(len(g) == 14 and g.startswith("0893") and gtin_is_valid(g[1:]) for g in gtins)
    for product in products:
        assert 1 <= len(product.images) <= 2
        for image in product.images:
            assert image.path == f"products/{product.slug}-{image.position + 1}.jpg"
            assert image.alt_vi and image.alt_en
            with Image.open(media_root / image.path) as drawn:
                drawn.verify()
                assert drawn.size == (640, 480)
    phu_quoc = next(p for p in products if p.slug == "nuoc-mam-ca-com-phu-quoc-43-do-dam")
    assert "kien giang" in phu_quoc.search_text and "an giang" in phu_quoc.search_text


def check_accounts():
    users = {u.email: u for u in db.session.scalars(select(User))}
    assert {a.role for a in DEMO_ACCOUNTS} == set(Role)
    for account in EVERY_DEMO_ACCOUNT:
        user = users[account.email]
        assert user.role is account.role and user.check_password(account.password)
    assert len(users["producer@ocop.example.vn"].producer_ids) == 1
    assert db.session.scalar(select(func.count()).select_from(User)) == len(EVERY_DEMO_ACCOUNT)
    lam_dong = db.session.scalar(select(Province.id).where(Province.name == "Lâm Đồng"))
    assert officer_scope(users[PROVINCIAL_OFFICER.email]) == {lam_dong}
    assert officer_scope(users["officer@ocop.example.vn"]) is NATIONAL
