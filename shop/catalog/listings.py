"""A producer's listings: the story, price and GTIN of its products, and their photos."""

from dataclasses import dataclass
from typing import BinaryIO

from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from shop.catalog.models import Product, ProductImage
from shop.core import clock
from shop.core.actors import Actor
from shop.core.errors import Forbidden, InvalidInput, NotFound
from shop.core.gs1 import GS1Error, normalize_gtin
from shop.core.money import format_vnd
from shop.core.text import check_text
from shop.database import refused_if_taken
from shop.extensions import db
from shop.uploads import append_photo, detach_photo
from shop.web.i18n import current_language

MAX_PHOTOS = 8
MIN_PRICE_VND = 1_000
MAX_PRICE_VND = 100_000_000


@dataclass(frozen=True)
class ListingInput:
    """What a producer may change about a product; the name and group follow the certificate."""

    story_vi: str
    story_en: str
    price_vnd: int
    gtin: str


def _require_member(actor: Actor, producer_id: int) -> None:
    if not actor.is_member_of(producer_id):
        raise Forbidden(_("Only members of this producer may change its listings."))


def _producer_products(producer_id: int) -> Select[tuple[Product]]:
    return (select(Product).where(Product.producer_id == producer_id)
            .order_by(Product.name_key, Product.id))


def producer_products(producer_id: int) -> list[Product]:
    """A producer's products by name, nothing else loaded (to choose one of them)."""
    return list(db.session.scalars(_producer_products(producer_id)))


def producer_listings(producer_id: int) -> list[Product]:
    """A producer's products by name, with their live certificate and photos (3 queries)."""
    return list(db.session.scalars(_producer_products(producer_id).options(
        selectinload(Product.certificate), selectinload(Product.images))))


def get_listing(product_id: int, actor: Actor) -> Product:
    """A product the acting member may edit, with its photos loaded."""
    product = db.session.scalar(select(Product).where(Product.id == product_id)
                                .options(selectinload(Product.images)))
    if product is None:
        raise NotFound(_("No such product."))
    _require_member(actor, product.producer_id)
    return product


def _gtin(value: str, product_id: int) -> str | None:
    if not value.strip():
        return None
    try:
        gtin = normalize_gtin(value)
    except GS1Error as error:
        raise InvalidInput(str(error), "gtin") from error
    taken = db.session.scalar(select(Product.id).where(Product.gtin == gtin,
                                                       Product.id != product_id))
    if taken is not None:
        raise InvalidInput(_gtin_taken(gtin), "gtin")
    return gtin


def _gtin_taken(gtin: str) -> str:
    return _("Another product already carries the GTIN %(gtin)s.", gtin=gtin)


def update_listing(product_id: int, data: ListingInput, actor: Actor) -> Product:
    """Change a product's story, price and GTIN; a bad value names its field."""
    product = get_listing(product_id, actor)
    if not MIN_PRICE_VND <= data.price_vnd <= MAX_PRICE_VND:
        language = current_language()
        raise InvalidInput(_("A price is between %(low)s and %(high)s.",
                             low=format_vnd(MIN_PRICE_VND, language),
                             high=format_vnd(MAX_PRICE_VND, language)), "price_vnd")
    check_text(data.story_vi, "story_vi", multiline=True)
    check_text(data.story_en, "story_en", multiline=True)
    gtin = _gtin(data.gtin, product.id)
    # The unique index decides when another producer claims the same number at this moment.
    with refused_if_taken(_gtin_taken(gtin or ""), "gtin"):
        product.gtin = gtin
        product.story_vi = data.story_vi.strip()
        product.story_en = data.story_en.strip()
        product.price_vnd = data.price_vnd
    return product


def add_photo(product_id: int, stream: BinaryIO, alt_vi: str, alt_en: str, actor: Actor,
              media_root: str) -> ProductImage:
    """Check, store and attach a photo after the product's others."""
    product = get_listing(product_id, actor)
    if len(product.images) >= MAX_PHOTOS:
        raise InvalidInput(_("A product has at most %(count)d photos; remove one first.",
                             count=MAX_PHOTOS), "photo")
    image = append_photo(product.images, ProductImage, stream, alt_vi, alt_en, media_root)
    db.session.flush()
    return image


def remove_photo(product_id: int, image_id: int, actor: Actor) -> None:
    """Detach a photo; its file stays, as another product may hold the same bytes."""
    product = get_listing(product_id, actor)
    detach_photo(product.images, image_id)
    product.updated_at = clock.utcnow()
    db.session.flush()
