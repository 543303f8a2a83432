"""Officers' records of producer organisations: creating and editing them, within their scope."""

import re
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select

from shop.core.actors import Actor
from shop.core.errors import Forbidden, InvalidInput, NotFound
from shop.core.phones import normalize_phone
from shop.core.text import check_text, slugify
from shop.database import refused_if_taken, write_transaction
from shop.extensions import db
from shop.places.models import Province
from shop.producers.models import Producer, ProducerKind

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# What people type inside registration numbers that is no part of them.
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ProducerInput:
    """A producer's record as an officer typed it."""

    name: str
    kind: str
    registration_number: str
    address: str
    province_id: int | None
    phone: str = ""
    email: str = ""


def normalize_registration(value: str) -> str:
    """A registration number as stored: upper-case, without spaces ("htx - 0123" → "HTX-0123")."""
    return _SPACES.sub("", value or "").upper()


def _required(value: str, field: str, limit: int, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidInput(message, field)
    if len(value) > limit:
        raise InvalidInput(_("At most %(limit)d characters.", limit=limit), field)
    return check_text(value, field)


def _province(province_id: int | None) -> Province:
    province = db.session.get(Province, province_id) if province_id else None
    if province is None:
        raise InvalidInput(_("Choose a province."), "province_id")
    return province


def _check_scope(actor: Actor, province_id: int) -> None:
    if not actor.oversees_province(province_id):
        raise Forbidden(_("Your office does not cover this province's producers."))


def _validated(data: ProducerInput) -> dict:
    try:
        kind = ProducerKind(data.kind)
    except ValueError:
        raise InvalidInput(_("Choose a kind of producer."), "kind") from None
    number = normalize_registration(data.registration_number)
    if not number:
        raise InvalidInput(_("Enter the registration number."), "registration_number")
    if len(number) > 40 or not re.fullmatch(r"[0-9A-Z./\-]+", number):
        raise InvalidInput(_("Letters, digits, dots, slashes and hyphens, at most 40."),
                           "registration_number")
    email = (data.email or "").strip().lower()
    if email and (not _EMAIL.fullmatch(email) or len(email) > 200):
        raise InvalidInput(_("Enter an email address like name@example.vn."), "email")
    phone = normalize_phone(data.phone) if (data.phone or "").strip() else ""
    return {"name": _required(data.name, "name", 200, _("Enter the producer's name.")),
            "kind": kind, "registration_number": number,
            "address": _required(data.address, "address", 300, _("Enter the address.")),
            "province_id": _province(data.province_id).id, "phone": phone, "email": email}


def _number_taken(number: str, producer_id: int | None) -> None:
    other = db.session.scalar(select(Producer.name).where(
        Producer.registration_number == number, Producer.id != (producer_id or 0)))
    if other is not None:
        raise InvalidInput(_("%(name)s already has this registration number.", name=other),
                           "registration_number")


def _free_slug(name: str) -> str:
    base = slugify(name) or "chu-the"
    taken = set(db.session.scalars(select(Producer.slug).where(
        func.substr(Producer.slug, 1, len(base)) == base)))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _save(producer: Producer, values: dict) -> Producer:
    _number_taken(values["registration_number"], producer.id)
    with refused_if_taken(_("Another producer already has this registration number."),
                          "registration_number"):
        for name, value in values.items():
            setattr(producer, name, value)
        db.session.add(producer)
    return producer


def create_producer(data: ProducerInput, actor: Actor) -> Producer:
    """Record a producer organisation in a province the officer's office covers."""
    write_transaction()
    _check_scope(actor, _province(data.province_id).id)
    values = _validated(data)
    return _save(Producer(slug=_free_slug(values["name"])), values)


def office_producer(producer_id: int, actor: Actor) -> Producer:
    """A producer the officer may manage; NotFound or Forbidden otherwise."""
    producer = db.session.get(Producer, producer_id)
    if producer is None:
        raise NotFound(_("No such producer."))
    _check_scope(actor, producer.province_id)
    return producer


def update_producer(producer_id: int, data: ProducerInput, actor: Actor) -> Producer:
    """Change a producer's record; moving it to another province needs that province too."""
    write_transaction()
    producer = office_producer(producer_id, actor)
    _check_scope(actor, _province(data.province_id).id)
    return _save(producer, _validated(data))


def producers_in(scope: frozenset[int] | None, query: str = "") -> list[Producer]:
    """The producers of the provinces in `scope` (None: every province), by name."""
    stmt = select(Producer).order_by(Producer.name)
    if scope is not None:
        stmt = stmt.where(Producer.province_id.in_(sorted(scope)))
    if query.strip():
        needle = f"%{query.strip()}%"
        stmt = stmt.where(Producer.name.ilike(needle) | Producer.registration_number.ilike(
            f"%{normalize_registration(query)}%"))
    return list(db.session.scalars(stmt.limit(500)))
