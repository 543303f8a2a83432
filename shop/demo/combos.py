"""The demo's gift combos: at least 12, from demo products of several producers, sold and
stocked at the demo outlets; one with a certificate ending soon, one off sale (revoked)."""

from datetime import date, timedelta
from random import Random

from sqlalchemy import select

from shop.accounts.models import User
from shop.catalog.listing import listed_product_ids
from shop.catalog.models import Product
from shop.combos.models import Combo, ComboComponent, ComboOutlet, ComboStatus
from shop.core.errors import InvalidInput
from shop.demo.combos_data import COMBOS, ComboRow
from shop.extensions import db
from shop.ocop.models import Certificate
from shop.outlets.availability import sellable
from shop.outlets.models import Outlet
from shop.outlets.stock import receive
from shop.places.models import Province
from shop.producers.models import Producer
from shop.trace.models import Lot

EXPIRING_WITHIN = timedelta(days=90)


def seed_combos(officer: User, today: date, rng: Random) -> int:
    """Create the demo's combos and stock their products where they are sold; their count."""
    listed = db.session.execute(
        select(Product, Province.name, Certificate.expires_on)
        .join(Producer, Producer.id == Product.producer_id)
        .join(Province, Province.id == Producer.province_id)
        .join(Certificate, (Certificate.product_id == Product.id)
              & Certificate.superseded.is_(False))
        # Only products with a lot the outlets can receive, so the combos can be in stock.
        .where(Product.id.in_(listed_product_ids(today)), Product.price_vnd > 0,
               Product.id.in_(select(Lot.product_id).where(Lot.recalled_at.is_(None),
                                                           Lot.expires_on >= today)))
        .order_by(Product.id)).all()
    revoked = db.session.scalars(
        select(Product).join(Certificate, (Certificate.product_id == Product.id)
                             & Certificate.superseded.is_(False))
        .where(Certificate.revoked_on.is_not(None)).order_by(Product.id)).first()
    outlets = {o.slug: o for o in db.session.scalars(select(Outlet))}
    provinces = {p.name: p for p in db.session.scalars(select(Province))}
    for row in COMBOS:
        products = _choose(row, listed, revoked, today, rng)
        components = [ComboComponent(product=p, quantity=rng.choice((1, 1, 2))) for p in products]
        parts = sum(c.quantity * p.price_vnd for c, p in zip(components, products, strict=True))
        combo = Combo(
            slug=row.slug, name_vi=row.name_vi, name_en=row.name_en, occasion=row.occasion,
            province=provinces.get(row.province) if row.province else None,
            story_vi=row.story_vi, story_en=row.story_en,
            # A combo costs about a tenth less than its parts, in whole thousands of đồng.
            price_vnd=max(1000, round(parts * 0.9 / 1000) * 1000),
            wrapping_fee_vnd=rng.choice((None, 15_000, 20_000)), status=ComboStatus.PUBLISHED,
            created_by_id=officer.id, components=components,
            outlets=[ComboOutlet(outlet=outlets[slug]) for slug in row.outlets])
        db.session.add(combo)
        db.session.flush()
        for slug in row.outlets:
            _stock(outlets[slug], products, officer, today, rng)
    return len(COMBOS)


def _choose(row: ComboRow, listed: list, revoked: Product | None, today: date,
            rng: Random) -> list[Product]:
    """`row.parts` products of different producers, from its provinces where they have
    enough; with its special component first."""
    chosen: list[Product] = []
    if row.special == "revoked" and revoked is not None:
        chosen.append(revoked)
    if row.special == "expiring":
        chosen.append(next(p for p, _name, ends in listed if ends <= today + EXPIRING_WITHIN))
    local = [p for p, name, _ends in listed if not row.sources or name in row.sources]
    pool = rng.sample(local, len(local)) + rng.sample([p for p, _n, _e in listed], len(listed))
    for product in pool:
        if len(chosen) >= row.parts:
            break
        if product.producer_id not in {p.producer_id for p in chosen}:
            chosen.append(product)
    return chosen


def _stock(outlet: Outlet, products: list[Product], officer: User, today: date,
           rng: Random) -> None:
    """Receive a few units of each listed product the outlet has none of, from its lot with
    the most units, so the combo is in stock there (best effort: a lot may be spent)."""
    have = sellable(outlet.id, [p.id for p in products], today=today)
    for product in products:
        if have.get(product.id):
            continue
        lot = db.session.scalar(
            select(Lot).where(Lot.product_id == product.id, Lot.recalled_at.is_(None),
                              Lot.expires_on >= today).order_by(Lot.quantity.desc(), Lot.id))
        if lot is None:
            continue
        try:
            receive(outlet.id, lot.id, rng.randint(6, 12), officer, today=today)
        except InvalidInput:
            continue
