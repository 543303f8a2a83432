"""Curating combos: officers for the outlets their office covers (national ones: any), outlet
staff for their own outlets only. Every identifier is checked: the combo in the path, the
outlets in the form, the slug, the products chosen."""

import enum
import re
from dataclasses import dataclass
from typing import BinaryIO

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from shop.catalog.listing import listed_product_ids
from shop.catalog.models import Product
from shop.combos.models import (
    Combo,
    ComboComponent,
    ComboImage,
    ComboOutlet,
    ComboStatus,
    Occasion,
)
from shop.combos.selling import unlisted_components
from shop.core import clock
from shop.core.actors import Actor
from shop.core.errors import Forbidden, InvalidInput, NotFound
from shop.core.money import format_vnd
from shop.core.text import check_text, slugify
from shop.database import refused_if_taken
from shop.extensions import db
from shop.outlets.models import Outlet
from shop.places.models import Province
from shop.uploads import append_photo, detach_photo
from shop.web.i18n import current_language

MIN_COMPONENTS = 2
MAX_COMPONENTS = 8
MAX_QUANTITY = 99
MAX_PRICE_VND = 100_000_000
MAX_PHOTOS = 8
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Audience(enum.StrEnum):
    """Who curates: officers in the office, or an outlet's staff in its console."""

    OFFICE = "office"
    CONSOLE = "console"


@dataclass(frozen=True)
class Curator:
    """The acting person and where they act from (the console's outlet, for staff)."""

    actor: Actor
    audience: Audience
    outlet_id: int | None = None

    def may_sell_at(self, outlet: Outlet) -> bool:
        """True when this curator may make the combo sold at `outlet`."""
        if self.audience is Audience.OFFICE:
            return self.actor.oversees_province(outlet.province_id)
        return self.actor.is_staff_of(outlet.id)


@dataclass(frozen=True)
class ComboInput:
    """What a curator enters for a combo; components are (product id, quantity)."""

    name_vi: str
    occasion: Occasion | str | None
    price_vnd: int | None
    components: tuple[tuple[int | None, int | None], ...]
    outlet_ids: tuple[int, ...] = ()
    name_en: str = ""
    slug: str = ""
    story_vi: str = ""
    story_en: str = ""
    province_id: int | None = None
    offers_message_card: bool = True
    offers_wrapping: bool = True
    wrapping_fee_vnd: int | None = None


def _load(combo_id: int) -> Combo | None:
    return db.session.scalar(select(Combo).where(Combo.id == combo_id).options(
        selectinload(Combo.components).joinedload(ComboComponent.product),
        selectinload(Combo.outlets).joinedload(ComboOutlet.outlet),
        selectinload(Combo.images), joinedload(Combo.province)))


def get_for_curation(combo_id: int, curator: Curator) -> Combo:
    """A combo this curator may change, with its components, outlets and photos loaded.

    In a console the combo must be sold at the console's outlet, and the staff member must
    work at every outlet that sells it (else they would change what another outlet sells).
    """
    combo = _load(combo_id)
    if combo is None:
        raise NotFound(_("No such combo."))
    outlets = [link.outlet for link in combo.outlets]
    if curator.audience is Audience.CONSOLE and curator.outlet_id not in {
            o.id for o in outlets}:
        raise NotFound(_("This outlet does not sell this combo."))
    if not all(curator.may_sell_at(outlet) for outlet in outlets):
        raise Forbidden(_("This combo is also sold at outlets you do not manage."))
    return combo


def curated_combos(curator: Curator) -> list[Combo]:
    """The combos this curator may change, newest first (the console: its outlet's)."""
    query = (select(Combo).options(selectinload(Combo.outlets).joinedload(ComboOutlet.outlet),
                                   selectinload(Combo.components))
             .order_by(Combo.created_at.desc(), Combo.id.desc()))
    if curator.audience is Audience.CONSOLE:
        query = query.where(Combo.id.in_(select(ComboOutlet.combo_id)
                                         .where(ComboOutlet.outlet_id == curator.outlet_id)))
    return [combo for combo in db.session.scalars(query)
            if all(curator.may_sell_at(link.outlet) for link in combo.outlets)]


def _price(value: int | None, field: str, allow_zero: bool = False) -> int:
    low = 0 if allow_zero else 1
    if value is None or isinstance(value, bool) or not isinstance(value, int) or not (
            low <= value <= MAX_PRICE_VND):
        language = current_language()
        raise InvalidInput(_("Enter a whole number of đồng from %(low)s to %(high)s.",
                             low=format_vnd(low, language),
                             high=format_vnd(MAX_PRICE_VND, language)), field)
    return value


def _slug(data: ComboInput, combo_id: int | None) -> str:
    slug = (data.slug or "").strip() or slugify(data.name_vi, 120)
    if not _SLUG.match(slug) or len(slug) > 120:
        raise InvalidInput(_("An address uses only lower-case letters, digits and hyphens."),
                           "slug")
    taken = db.session.scalar(select(Combo.id).where(Combo.slug == slug, Combo.id != combo_id))
    if taken is not None:
        raise InvalidInput(_slug_taken(slug), "slug")
    return slug


def _slug_taken(slug: str) -> str:
    return _("Another combo already has the address %(slug)s.", slug=slug)


def _occasion(value: Occasion | str | None) -> Occasion:
    try:
        return Occasion(value)
    except ValueError:
        raise InvalidInput(_("Choose an occasion."), "occasion") from None


def _province(province_id: int | None) -> int | None:
    if province_id is not None and db.session.get(Province, province_id) is None:
        raise InvalidInput(_("Choose a province from the list."), "province_id")
    return province_id


def _components(rows: tuple[tuple[int | None, int | None], ...]) -> dict[int, int]:
    """The components typed, as {product id: quantity}; only listed products."""
    chosen: dict[int, int] = {}
    for product_id, quantity in rows:
        if product_id is None:
            continue
        if product_id in chosen:
            raise InvalidInput(_("A product appears twice: give it one line with its "
                                 "quantity."), "components")
        if quantity is None or not 1 <= quantity <= MAX_QUANTITY:
            raise InvalidInput(_("A quantity is a whole number from 1 to %(max)d.",
                                 max=MAX_QUANTITY), "components")
        chosen[product_id] = quantity
    if not MIN_COMPONENTS <= len(chosen) <= MAX_COMPONENTS:
        raise InvalidInput(_("A combo holds from %(low)d to %(high)d different products.",
                             low=MIN_COMPONENTS, high=MAX_COMPONENTS), "components")
    listed = set(db.session.scalars(listed_product_ids().where(Product.id.in_(list(chosen)))))
    if set(chosen) - listed:
        raise InvalidInput(_("Only OCOP-certified products can go into a combo."),
                           "components")
    return chosen


def _outlets(outlet_ids: tuple[int, ...], curator: Curator) -> list[Outlet]:
    ids = sorted(set(outlet_ids))
    outlets = list(db.session.scalars(select(Outlet).where(Outlet.id.in_(ids))))
    if len(outlets) != len(ids) or not all(curator.may_sell_at(o) for o in outlets):
        raise InvalidInput(_("Choose among the outlets you manage."), "outlet_ids")
    if curator.audience is Audience.CONSOLE and curator.outlet_id not in ids:
        raise InvalidInput(_("The combo must be sold at this outlet."), "outlet_ids")
    return outlets


def _apply(combo: Combo, data: ComboInput, curator: Curator) -> Combo:
    name_vi = check_text(data.name_vi or "", "name_vi").strip()
    if not name_vi or len(name_vi) > 200:
        raise InvalidInput(_("Enter a name of at most 200 characters."), "name_vi")
    name_en = check_text(data.name_en or "", "name_en").strip()
    if len(name_en) > 200:
        raise InvalidInput(_("Enter a name of at most 200 characters."), "name_en")
    check_text(data.story_vi or "", "story_vi", multiline=True)
    check_text(data.story_en or "", "story_en", multiline=True)
    slug = _slug(data, combo.id)
    occasion = _occasion(data.occasion)
    province_id = _province(data.province_id)
    price = _price(data.price_vnd, "price_vnd")
    fee = (None if data.wrapping_fee_vnd is None or not data.offers_wrapping
           else _price(data.wrapping_fee_vnd, "wrapping_fee_vnd", allow_zero=True))
    components = _components(data.components)
    outlets = _outlets(data.outlet_ids, curator)
    with refused_if_taken(_slug_taken(slug), "slug"):
        if combo.id is None:
            db.session.add(combo)
        combo.slug, combo.name_vi, combo.name_en = slug, name_vi, name_en
        combo.story_vi, combo.story_en = data.story_vi.strip(), data.story_en.strip()
        combo.occasion, combo.province_id, combo.price_vnd = occasion, province_id, price
        combo.offers_message_card = data.offers_message_card
        combo.offers_wrapping, combo.wrapping_fee_vnd = data.offers_wrapping, fee
        kept = {c.product_id: c for c in combo.components}
        combo.components = [kept.get(product_id) or ComboComponent(product_id=product_id)
                            for product_id in components]
        for component in combo.components:
            component.quantity = components[component.product_id]
        linked = {link.outlet_id: link for link in combo.outlets}
        combo.outlets = [linked.get(o.id) or ComboOutlet(outlet_id=o.id) for o in outlets]
        combo.updated_at = clock.utcnow()
        db.session.flush()
    return combo


def create_combo(data: ComboInput, curator: Curator) -> Combo:
    """A new combo, a draft until published; a bad value names its field."""
    # Added to the session only once every value passed, so no half-made row is flushed.
    combo = Combo(status=ComboStatus.DRAFT, created_by_id=curator.actor.id, components=[],
                  outlets=[], images=[])
    return _apply(combo, data, curator)


def update_combo(combo_id: int, data: ComboInput, curator: Curator) -> Combo:
    """Change a combo the curator may change; a bad value names its field."""
    return _apply(get_for_curation(combo_id, curator), data, curator)


def set_status(combo_id: int, status: ComboStatus, curator: Curator) -> Combo:
    """Publish or withdraw a combo; publishing needs every component listed and an outlet."""
    combo = get_for_curation(combo_id, curator)
    if status is ComboStatus.PUBLISHED:
        if unlisted_components(combo.id):
            raise InvalidInput(_("A product of this combo is no longer OCOP-certified: "
                                 "replace it before publishing."), "components")
        if not combo.outlets:
            raise InvalidInput(_("Choose at least one outlet before publishing."),
                               "outlet_ids")
    combo.status = status
    combo.updated_at = clock.utcnow()
    db.session.flush()
    return combo


def add_photo(combo_id: int, stream: BinaryIO, alt_vi: str, alt_en: str, curator: Curator,
              media_root: str) -> ComboImage:
    """Check, store and attach a photo after the combo's others."""
    combo = get_for_curation(combo_id, curator)
    if len(combo.images) >= MAX_PHOTOS:
        raise InvalidInput(_("A combo has at most %(count)d photos; remove one first.",
                             count=MAX_PHOTOS), "photo")
    image = append_photo(combo.images, ComboImage, stream, alt_vi, alt_en, media_root)
    combo.updated_at = clock.utcnow()
    db.session.flush()
    return image


def remove_photo(combo_id: int, image_id: int, curator: Curator) -> None:
    """Detach a photo; its file stays, as another combo or product may hold the same bytes."""
    combo = get_for_curation(combo_id, curator)
    detach_photo(combo.images, image_id)
    combo.updated_at = clock.utcnow()
    db.session.flush()


def choosable_products() -> list[Product]:
    """The listed products a combo may hold, by name."""
    return list(db.session.scalars(
        select(Product).where(Product.id.in_(listed_product_ids()))
        .options(joinedload(Product.producer)).order_by(Product.name_key, Product.id)))


def choosable_outlets(curator: Curator) -> list[Outlet]:
    """The outlets this curator may make a combo sold at, by name."""
    outlets = db.session.scalars(select(Outlet).order_by(Outlet.name_vi))
    return [outlet for outlet in outlets if curator.may_sell_at(outlet)]
