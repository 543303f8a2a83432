"""What fairs show: the public lists, and a fair's booths with the products at each.

The products of a fair are read through the catalog's listing rule every time
(`shop.catalog.search.filtered`), so a product whose certificate lapses or is revoked
leaves the public fair page, its catalog and the API at once; officers see every pick.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from shop.catalog.listing import listed_product_ids, with_cover
from shop.catalog.models import Product
from shop.catalog.search import CatalogQuery, filtered
from shop.core import clock
from shop.extensions import db
from shop.fairs.models import Booth, Fair, FairProduct, FairStatus
from shop.ocop.models import Certificate
from shop.producers.models import Producer

PUBLIC_STATUSES = (FairStatus.PUBLISHED, FairStatus.CLOSED)


@dataclass
class BoothEntry:
    """A booth and the fair's products standing at it."""

    booth: Booth
    products: list[Product] = field(default_factory=list)


@dataclass
class OfficePick:
    """A picked product as officers see it: whether it is shown, and the expiry flag."""

    product: Product
    listed: bool
    expires_during: bool
    has_booth: bool = True


def public_fairs(today: date | None = None) -> tuple[list[Fair], list[Fair]]:
    """Published fairs not yet over (soonest first), and past or closed ones (latest first)."""
    today = today or clock.today()
    fairs = db.session.scalars(select(Fair).where(Fair.status.in_(PUBLIC_STATUSES))
                               .options(selectinload(Fair.province))
                               .order_by(Fair.starts_on, Fair.id)).all()
    coming = [f for f in fairs if f.status is FairStatus.PUBLISHED and f.ends_on >= today]
    past = [f for f in reversed(fairs) if f not in coming]
    return coming, past


def public_fair(slug: str) -> Fair | None:
    """A published or closed fair by its slug (drafts are no one's to see)."""
    return db.session.scalar(select(Fair).where(Fair.slug == slug,
                                                Fair.status.in_(PUBLIC_STATUSES))
                             .options(selectinload(Fair.province)))


def booths(fair_id: int) -> list[Booth]:
    """The fair's booths by code, with their producers and provinces."""
    return list(db.session.scalars(
        select(Booth).where(Booth.fair_id == fair_id).order_by(Booth.code)
        .options(joinedload(Booth.producer).joinedload(Producer.province))))


def shown_products(fair_id: int, query: CatalogQuery | None = None,
                   today: date | None = None) -> list[Product]:
    """The fair's picks that are for sale today and match the filters, by name."""
    picked = select(FairProduct.product_id).where(FairProduct.fair_id == fair_id)
    return list(db.session.scalars(
        filtered(query or CatalogQuery(), today).where(Product.id.in_(picked))
        .options(joinedload(Product.group, innerjoin=True), with_cover())
        .order_by(Product.name_key, Product.id)).unique())


def by_booth(fair_id: int, products: list[Product]) -> list[BoothEntry]:
    """The booths with the given products at each (booths left empty by filters dropped)."""
    entries = {booth.producer_id: BoothEntry(booth) for booth in booths(fair_id)}
    for product in products:
        if product.producer_id in entries:
            entries[product.producer_id].products.append(product)
    return [entry for entry in entries.values() if entry.products]


def booth_codes(fair_id: int) -> dict[int, str]:
    """Each producer's booth code at the fair, by producer id."""
    rows = db.session.execute(select(Booth.producer_id, Booth.code)
                              .where(Booth.fair_id == fair_id))
    return {producer_id: code for producer_id, code in rows}


def office_picks(fair: Fair, today: date | None = None) -> list[OfficePick]:
    """Every product picked for the fair, listed or not, flagged when its certificate
    expires before the fair ends (it would leave the stand mid-fair) and when its producer has
    no booth yet (an application accepted without one: not shown until it gets one)."""
    today = today or clock.today()
    listed = set(db.session.scalars(listed_product_ids(today).where(Product.id.in_(
        select(FairProduct.product_id).where(FairProduct.fair_id == fair.id)))))
    products = db.session.scalars(
        select(Product).join(FairProduct, FairProduct.product_id == Product.id)
        .where(FairProduct.fair_id == fair.id)
        .options(selectinload(Product.certificate), joinedload(Product.producer))
        .order_by(Product.name_key, Product.id)).all()
    with_booths = set(booth_codes(fair.id))
    return [OfficePick(product, product.id in listed, _expires_during(product.certificate, fair),
                       product.producer_id in with_booths)
            for product in products]


def _expires_during(certificate: Certificate | None, fair: Fair) -> bool:
    return certificate is None or certificate.expires_on < fair.ends_on
