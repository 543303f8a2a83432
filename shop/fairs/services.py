"""Fairs: record, publish and close them, give booths and pick products (officers in scope).

Plain values and the acting person in; flush, never commit. A provincial officer acts on the
fairs of their province only (`Actor.oversees_province`, the officers' one scope rule).
"""

import re
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from shop.catalog.listing import is_listed
from shop.catalog.models import Product
from shop.core.actors import Actor
from shop.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from shop.core.text import check_text, slugify
from shop.extensions import db
from shop.fairs.models import Booth, Fair, FairProduct, FairStatus
from shop.places.models import Province
from shop.producers.models import Producer

# A hall letter or two, a hyphen, a number: "A-12", "BC-3" (as floor plans print them).
BOOTH_CODE = re.compile(r"[A-Z]{1,2}-[0-9]{1,3}")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class FairInput:
    """A fair's record as typed."""

    name_vi: str
    starts_on: date | None
    ends_on: date | None
    venue: str
    province_id: int | None
    organiser: str
    name_en: str = ""
    slug: str = ""
    description: str = ""


def office_fair(fair_id: int, actor: Actor) -> Fair:
    """The fair with its province, for an officer whose scope covers it."""
    fair = db.session.scalar(select(Fair).where(Fair.id == fair_id)
                             .options(selectinload(Fair.province)))
    if fair is None:
        raise NotFound(_("No fair has this number."))
    if not actor.oversees_province(fair.province_id):
        raise Forbidden(_("This fair is in a province your office does not cover."))
    return fair


def office_fairs(actor: Actor) -> list[Fair]:
    """Every fair in the officer's scope, newest first."""
    fairs = db.session.scalars(select(Fair).options(selectinload(Fair.province))
                               .order_by(Fair.starts_on.desc(), Fair.id.desc()))
    return [fair for fair in fairs if actor.oversees_province(fair.province_id)]


def _text(value: str, field: str, limit: int, missing: str | None = None) -> str:
    """A typed text stripped and checked: required when `missing` says why, at most `limit`."""
    value = check_text(value.strip(), field, multiline=field == "description")
    if missing and not value:
        raise InvalidInput(missing, field)
    if len(value) > limit:
        raise InvalidInput(_("At most %(limit)d characters.", limit=limit), field)
    return value


def _values(data: FairInput, actor: Actor) -> dict:
    """The record checked field by field; the first fault raised with its field."""
    name_vi = _text(data.name_vi, "name_vi", 200, _("Give the fair a name."))
    slug = data.slug.strip() or slugify(name_vi)
    if not SLUG.fullmatch(slug) or len(slug) > 120:
        raise InvalidInput(_("Use lower-case letters, digits and hyphens."), "slug")
    if data.starts_on is None:
        raise InvalidInput(_("Give the first day."), "starts_on")
    if data.ends_on is None:
        raise InvalidInput(_("Give the last day."), "ends_on")
    if data.ends_on < data.starts_on:
        raise InvalidInput(_("The last day cannot come before the first."), "ends_on")
    if data.province_id is None or db.session.get(Province, data.province_id) is None:
        raise InvalidInput(_("Choose a province."), "province_id")
    if not actor.oversees_province(data.province_id):
        raise InvalidInput(_("Your office does not cover this province."), "province_id")
    venue = _text(data.venue, "venue", 300, _("Say where the fair is held."))
    organiser = _text(data.organiser, "organiser", 200, _("Say who organises the fair."))
    return {"name_vi": name_vi, "name_en": _text(data.name_en, "name_en", 200),
            "slug": slug, "starts_on": data.starts_on, "ends_on": data.ends_on,
            "venue": venue, "province_id": data.province_id, "organiser": organiser,
            "description": _text(data.description, "description", 20_000)}


def _save(fair: Fair) -> Fair:
    clash = db.session.scalar(select(Fair.id).where(Fair.slug == fair.slug, Fair.id != fair.id)
                              if fair.id else select(Fair.id).where(Fair.slug == fair.slug))
    if clash:
        raise InvalidInput(_("Another fair has the address /fairs/%(slug)s.", slug=fair.slug),
                           "slug")
    db.session.add(fair)
    db.session.flush()
    return fair


def create_fair(data: FairInput, actor: Actor) -> Fair:
    """A new fair, as a draft."""
    return _save(Fair(status=FairStatus.DRAFT, **_values(data, actor)))


def update_fair(fair_id: int, data: FairInput, actor: Actor) -> Fair:
    """Change a fair's record (its province too, within the officer's scope)."""
    fair = office_fair(fair_id, actor)
    values = _values(data, actor)
    with db.session.no_autoflush:
        for name, value in values.items():
            setattr(fair, name, value)
        return _save(fair)


def publish_fair(fair_id: int, actor: Actor) -> Fair:
    """Put a draft fair on the public pages."""
    fair = office_fair(fair_id, actor)
    if fair.status is not FairStatus.DRAFT:
        raise InvalidState(_("Only a draft fair can be published."))
    fair.status = FairStatus.PUBLISHED
    db.session.flush()
    return fair


def close_fair(fair_id: int, actor: Actor) -> Fair:
    """Close a published fair: it moves to the past fairs."""
    fair = office_fair(fair_id, actor)
    if fair.status is not FairStatus.PUBLISHED:
        raise InvalidState(_("Only a published fair can be closed."))
    fair.status = FairStatus.CLOSED
    db.session.flush()
    return fair


def booth_code(raw: str) -> str:
    """A booth code as printed ("a-12 " → "A-12"), or InvalidInput naming `code`."""
    code = raw.strip().upper().replace("–", "-")
    if not BOOTH_CODE.fullmatch(code):
        raise InvalidInput(_("A booth code is a hall letter, a hyphen and a number: A-12."),
                           "code")
    return code


def add_booth(fair_id: int, code: str, producer_id: int | None, actor: Actor) -> Booth:
    """Give a booth of the fair to a producer (one booth each, codes unique in the fair)."""
    return add_booth_for(office_fair(fair_id, actor).id, code, producer_id)


def add_booth_for(fair_id: int, code: str, producer_id: int | None) -> Booth:
    """Give a booth of the fair to a producer, the caller having checked who may (an officer
    of the fair's province, or of the producer's when accepting its application)."""
    code = booth_code(code)
    if producer_id is None or db.session.get(Producer, producer_id) is None:
        raise InvalidInput(_("Choose a producer."), "producer_id")
    taken = db.session.scalars(select(Booth).where(Booth.fair_id == fair_id)).all()
    if any(booth.code == code for booth in taken):
        raise InvalidInput(_("Booth %(code)s is already given.", code=code), "code")
    if any(booth.producer_id == producer_id for booth in taken):
        raise InvalidInput(_("This producer already has a booth at the fair."), "producer_id")
    booth = Booth(fair_id=fair_id, code=code, producer_id=producer_id)
    db.session.add(booth)
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        # Someone gave the same code a moment earlier.
        raise InvalidInput(_("Booth %(code)s is already given.", code=code), "code") from None
    return booth


def remove_booth(fair_id: int, booth_id: int, actor: Actor) -> str:
    """Take a booth back, and the producer's products off the fair; its code."""
    fair = office_fair(fair_id, actor)
    booth = db.session.scalar(select(Booth).where(Booth.id == booth_id, Booth.fair_id == fair.id))
    if booth is None:
        raise NotFound(_("No booth has this number at this fair."))
    products = select(Product.id).where(Product.producer_id == booth.producer_id)
    db.session.execute(delete(FairProduct).where(FairProduct.fair_id == fair.id,
                                                 FairProduct.product_id.in_(products)))
    db.session.delete(booth)
    db.session.flush()
    return booth.code


def add_product(fair_id: int, product_id: int | None, actor: Actor,
                today: date | None = None) -> Product:
    """Pick a product listed `today` for the fair; its producer must have a booth there."""
    fair = office_fair(fair_id, actor)
    product = db.session.get(Product, product_id) if product_id else None
    if product is None or not is_listed(product.id, today):
        raise InvalidInput(_("Only products for sale can be shown at a fair."), "product_id")
    has_booth = db.session.scalar(select(Booth.id).where(
        Booth.fair_id == fair.id, Booth.producer_id == product.producer_id))
    if not has_booth:
        raise InvalidInput(_("Give the producer of %(name)s a booth first.",
                             name=product.name_vi), "product_id")
    picked = db.session.scalar(select(FairProduct.id).where(
        FairProduct.fair_id == fair.id, FairProduct.product_id == product.id))
    if picked:
        raise InvalidInput(_("%(name)s is already at the fair.", name=product.name_vi),
                           "product_id")
    db.session.add(FairProduct(fair_id=fair.id, product_id=product.id))
    db.session.flush()
    return product


def remove_product(fair_id: int, product_id: int, actor: Actor) -> None:
    """Take a product off the fair."""
    fair = office_fair(fair_id, actor)
    db.session.execute(delete(FairProduct).where(FairProduct.fair_id == fair.id,
                                                 FairProduct.product_id == product_id))
    db.session.flush()
