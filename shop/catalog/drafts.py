"""New products proposed by producers: drafts, never listed until an officer records their
certificate (the one listing rule needs nothing more: no certificate, no listing)."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from shop.catalog.listings import (
    MAX_PRICE_VND,
    MIN_PRICE_VND,
    _gtin,
    _gtin_taken,
    _require_member,
)
from shop.catalog.models import Product
from shop.core.actors import Actor
from shop.core.errors import InvalidInput
from shop.core.money import format_vnd
from shop.core.text import check_text, slugify
from shop.database import refused_if_taken, write_transaction
from shop.extensions import db
from shop.ocop.models import Certificate, ProductGroup, ProductSubgroup
from shop.producers.models import Producer
from shop.web.i18n import current_language


@dataclass(frozen=True)
class DraftInput:
    """A new product as its producer describes it."""

    name_vi: str
    name_en: str
    group_id: int | None
    subgroup_id: int | None
    price_vnd: int | None
    story_vi: str = ""
    story_en: str = ""
    gtin: str = ""


def _name(value: str, field: str, required: bool) -> str:
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(_("Enter the product's name."), field)
    if len(value) > 200:
        raise InvalidInput(_("At most %(limit)d characters.", limit=200), field)
    return check_text(value, field)


def _groups(data: DraftInput) -> tuple[int, int | None]:
    group = db.session.get(ProductGroup, data.group_id) if data.group_id else None
    if group is None:
        raise InvalidInput(_("Choose a product group."), "group_id")
    if data.subgroup_id is None:
        return group.id, None
    subgroup = db.session.get(ProductSubgroup, data.subgroup_id)
    if subgroup is None or subgroup.group_id != group.id:
        raise InvalidInput(_("Choose a sub-group of the group chosen."), "subgroup_id")
    return group.id, subgroup.id


def _price(value: int | None) -> int:
    if value is None or not MIN_PRICE_VND <= value <= MAX_PRICE_VND:
        language = current_language()
        raise InvalidInput(_("A price is between %(low)s and %(high)s.",
                             low=format_vnd(MIN_PRICE_VND, language),
                             high=format_vnd(MAX_PRICE_VND, language)), "price_vnd")
    return value


def _free_slug(name: str) -> str:
    base = slugify(name) or "san-pham"
    taken = set(db.session.scalars(select(Product.slug).where(
        func.substr(Product.slug, 1, len(base)) == base)))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def propose_product(producer_id: int, data: DraftInput, actor: Actor) -> Product:
    """Add a draft product of the producer; photos are added on its listing page after."""
    write_transaction()
    _require_member(actor, producer_id)
    name_vi = _name(data.name_vi, "name_vi", required=True)
    name_en = _name(data.name_en, "name_en", required=False) or name_vi
    group_id, subgroup_id = _groups(data)
    price = _price(data.price_vnd)
    story_vi = check_text((data.story_vi or "").strip(), "story_vi", multiline=True)
    story_en = check_text((data.story_en or "").strip(), "story_en", multiline=True)
    gtin = _gtin(data.gtin or "", 0)
    product = Product(slug=_free_slug(name_vi), name_vi=name_vi, name_en=name_en,
                      producer_id=producer_id, group_id=group_id, subgroup_id=subgroup_id,
                      price_vnd=price, story_vi=story_vi, story_en=story_en, gtin=gtin)
    with refused_if_taken(_gtin_taken(gtin or ""), "gtin"):
        db.session.add(product)
    return product


def _no_certificate():
    return ~select(Certificate.id).where(Certificate.product_id == Product.id).exists()


def drafts_in(scope: frozenset[int] | None) -> list[Product]:
    """Products with no certificate yet (awaiting evaluation) of producers in `scope` (None:
    every province), oldest first, with their producer and group."""
    stmt = (select(Product).join(Producer, Producer.id == Product.producer_id)
            .where(_no_certificate())
            .options(selectinload(Product.producer), selectinload(Product.group))
            .order_by(Product.created_at, Product.id))
    if scope is not None:
        stmt = stmt.where(Producer.province_id.in_(sorted(scope)))
    return list(db.session.scalars(stmt))
