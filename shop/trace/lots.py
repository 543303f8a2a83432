"""Production lots: recording a lot with its zone inputs (mass balance enforced), recalls."""

import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from blinker import Namespace
from flask_babel import format_decimal as format_number
from flask_babel import gettext as _
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from shop.accounts.models import Role, User
from shop.catalog.models import Product
from shop.core import clock, gs1
from shop.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from shop.database import write_transaction
from shop.extensions import db
from shop.trace.models import Lot, LotInput, Standard, Zone, ZoneStatus
from shop.trace.zones import ZONE_STATUS_LABELS, season_bounds, season_of

MAX_LOT_QUANTITY = 1_000_000
# Sent inside the recall's transaction, the lot locked, as send(lot_id, actor=…): features
# above trace (the outlets' stock) set the lot's units aside in the same unit of work,
# without trace importing them.
lot_recalled = Namespace().signal("lot-recalled")
TOKEN_ALPHABET = gs1.SERIAL_ALPHABET.lower()
TOKEN_LENGTH = 10


@dataclass(frozen=True)
class HarvestInput:
    """Raw material from one zone: which zone, when harvested, how many kilograms."""

    zone_id: int
    harvested_on: date
    quantity_kg: int


@dataclass(frozen=True)
class LotData:
    """What a producer enters to record a production lot."""

    product_id: int
    code: str
    produced_on: date
    expires_on: date
    quantity: int
    unit: str
    inputs: tuple[HarvestInput, ...]


def _input_field(index: int, name: str) -> str:
    """The form field name of one input row (WTForms FieldList naming)."""
    return f"inputs-{index}-{name}"


def _validate_lot_fields(data: LotData, today: date) -> None:
    try:
        gs1.validate_lot(data.code.strip())
    except gs1.GS1Error as error:
        raise InvalidInput(str(error), "code") from None
    if data.produced_on > today:
        raise InvalidInput(_("The production date cannot be in the future."), "produced_on")
    if data.expires_on < data.produced_on:
        raise InvalidInput(_("The expiry date cannot be before the production date."),
                           "expires_on")
    if not 1 <= data.quantity <= MAX_LOT_QUANTITY:
        raise InvalidInput(_("A lot holds 1 to %(max)s units.",
                             max=format_number(MAX_LOT_QUANTITY)), "quantity")
    if not data.unit.strip():
        raise InvalidInput(_("Enter the unit (box, bottle, bag…)."), "unit")
    if not data.inputs:
        raise InvalidInput(_("Add at least one raw-material zone the lot was made from."),
                           _input_field(0, "zone_id"))


def _check_input(index: int, item: HarvestInput, zone: Zone | None, producer_id: int,
                 produced_on: date) -> Zone:
    """One input row: the zone is the producer's, can supply, and the harvest fits the dates."""
    if zone is None or zone.producer_id != producer_id:
        raise InvalidInput(_("Choose one of your own zones."), _input_field(index, "zone_id"))
    if zone.status is not ZoneStatus.ACTIVE:
        raise InvalidInput(_("Zone %(code)s is %(status)s and cannot supply a lot.",
                             code=zone.code, status=ZONE_STATUS_LABELS[zone.status].lower()),
                           _input_field(index, "zone_id"))
    if item.quantity_kg <= 0:
        raise InvalidInput(_("Enter the kilograms taken from this zone."),
                           _input_field(index, "quantity_kg"))
    if item.harvested_on > produced_on:
        raise InvalidInput(_("The harvest cannot be after the production date."),
                           _input_field(index, "harvested_on"))
    if (zone.standard is not Standard.NONE and zone.standard_expires_on is not None
            and zone.standard_expires_on < item.harvested_on):
        raise InvalidInput(
            _("Zone %(code)s's certificate %(number)s expired on %(date)s, before this harvest.",
              code=zone.code, number=zone.standard_certificate,
              date=zone.standard_expires_on.strftime("%d/%m/%Y")),
            _input_field(index, "harvested_on"))
    return zone


def _check_mass_balance(data: LotData, zones: dict[int, Zone]) -> None:
    """What each zone supplies in a season, this lot included, may not exceed its yield."""
    asked: dict[tuple[int, int, int], int] = defaultdict(int)
    first_row: dict[tuple[int, int, int], int] = {}
    for index, item in enumerate(data.inputs):
        zone = zones[item.zone_id]
        key = (zone.id, *season_of(item.harvested_on, zone.seasons_per_year))
        asked[key] += item.quantity_kg
        first_row.setdefault(key, index)
    for (zone_id, year, season), kilograms in asked.items():
        zone = zones[zone_id]
        start, end = season_bounds(year, season, zone.seasons_per_year)
        used = db.session.scalar(
            select(func.coalesce(func.sum(LotInput.quantity_kg), 0)).where(
                LotInput.zone_id == zone_id, LotInput.harvested_on.between(start, end)))
        left = max(zone.expected_yield_kg - used, 0)
        if kilograms > left:
            raise InvalidInput(
                _("Zone %(code)s yields at most %(yield)s kg in season %(season)s; "
                  "%(used)s kg already went to other lots, so %(asked)s kg is too much "
                  "(%(left)s kg left).",
                  code=zone.code, season=season_label(year, season, zone.seasons_per_year),
                  **{"yield": format_number(zone.expected_yield_kg)},
                  used=format_number(used), asked=format_number(kilograms),
                  left=format_number(left)),
                _input_field(first_row[(zone_id, year, season)], "quantity_kg"))


def season_label(year: int, season: int, seasons_per_year: int) -> str:
    """A season as people say it: "2026" or "2/3 of 2026"."""
    if seasons_per_year == 1:
        return str(year)
    return _("%(season)d/%(count)d of %(year)d", season=season, count=seasons_per_year,
             year=year)


def _new_token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def create_lot(data: LotData, actor: User, today: date | None = None) -> Lot:
    """Record a lot of one of the producer's products, drawing on its zones' harvests."""
    write_transaction()
    today = today or clock.today()
    product = db.session.get(Product, data.product_id)
    if product is None or not actor.is_member_of(product.producer_id):
        raise InvalidInput(_("Choose one of your products."), "product_id")
    _validate_lot_fields(data, today)
    code = data.code.strip()
    if db.session.scalar(select(Lot.id).where(Lot.product_id == product.id, Lot.code == code)):
        raise InvalidInput(_("This product already has a lot %(code)s.", code=code), "code")
    # Lock the zones (in id order, so two lots never deadlock): the mass balance read below
    # and the insert after it must not interleave with another lot drawing on the same zone.
    zone_ids = sorted({item.zone_id for item in data.inputs})
    zones = {zone.id: zone for zone in db.session.scalars(
        select(Zone).where(Zone.id.in_(zone_ids)).order_by(Zone.id).with_for_update()
        .execution_options(populate_existing=True))}
    for index, item in enumerate(data.inputs):
        _check_input(index, item, zones.get(item.zone_id), product.producer_id, data.produced_on)
    _check_mass_balance(data, zones)
    lot = Lot(product_id=product.id, code=code, token=_new_token(),
              produced_on=data.produced_on, expires_on=data.expires_on, quantity=data.quantity,
              unit=data.unit.strip(), created_by_id=actor.id,
              inputs=[LotInput(zone_id=i.zone_id, harvested_on=i.harvested_on,
                               quantity_kg=i.quantity_kg) for i in data.inputs])
    db.session.add(lot)
    db.session.flush()
    return lot


def get_lot(lot_id: int, actor: User) -> Lot:
    """A lot the actor may manage: its producer's members, or an officer (to recall)."""
    lot = db.session.get(Lot, lot_id)
    if lot is None:
        raise NotFound(_("No such lot."))
    producer_id = db.session.scalar(select(Product.producer_id).where(
        Product.id == lot.product_id))
    if not (actor.is_member_of(producer_id) or actor.has_role(Role.OFFICER)):
        raise Forbidden(_("This lot belongs to another producer."))
    return lot


def producer_lots(producer_id: int, page: int, per_page: int) -> Pagination:
    """One page of a producer's lots, newest first, with their products."""
    query = (select(Lot).join(Lot.product).options(contains_eager(Lot.product))
             .where(Product.producer_id == producer_id)
             .order_by(Lot.produced_on.desc(), Lot.id.desc()))
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


@dataclass(frozen=True)
class LotCounts:
    """How many lots a producer has made, and how many of them are recalled."""

    total: int
    recalled: int


def lot_counts(producer_id: int) -> LotCounts:
    """A producer's lots counted, all and recalled (one query)."""
    total, recalled = db.session.execute(
        select(func.count(Lot.id), func.count(Lot.recalled_at)).join(Lot.product)
        .where(Product.producer_id == producer_id)).one()
    return LotCounts(total, recalled)


def lock_lot(lot_id: int) -> None:
    """Hold the lot's row until commit, so actions on one lot take turns (plain SELECT … FOR
    UPDATE: a refresh would repeat the lot's eager outer joins, which PostgreSQL cannot lock);
    on SQLite, where FOR UPDATE means nothing, the transaction takes the write lock."""
    write_transaction()
    db.session.execute(select(Lot.id).where(Lot.id == lot_id).with_for_update())


def recall_lot(lot_id: int, reason: str, actor: User) -> Lot:
    """Recall a lot with a reason; its trace page says so at once, and no labels print."""
    lock_lot(lot_id)
    lot = get_lot(lot_id, actor)
    db.session.refresh(lot, ["recalled_at"])
    if lot.recalled:
        raise InvalidState(_("This lot was already recalled."))
    if not reason.strip():
        raise InvalidInput(_("Say why the lot is recalled; shoppers will read it."), "reason")
    lot.recalled_at = clock.utcnow()
    lot.recall_reason = reason.strip()
    lot.recalled_by_id = actor.id
    db.session.flush()
    lot_recalled.send(lot.id, actor=actor)
    return lot
