"""Registering and editing outlets: officers of the outlet's province (national ones: any)."""

from dataclasses import dataclass
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from shop.core.actors import Actor
from shop.core.errors import Forbidden, InvalidInput, NotFound
from shop.core.phones import normalize_phone
from shop.core.text import slugify
from shop.database import refused_if_taken, write_transaction
from shop.extensions import db
from shop.outlets import checks
from shop.outlets.hours import DAYS, parse_day
from shop.outlets.models import DeliveryFee, OpeningHours, Outlet, OutletKind, OutletStatus


@dataclass(frozen=True)
class OutletInput:
    """What an officer enters for an outlet; hours are one text per weekday, Monday first."""

    name_vi: str
    kind: OutletKind
    operator_name: str
    operator_tax_code: str
    street: str
    commune: str
    province_id: int | None
    latitude: Decimal | str | None
    longitude: Decimal | str | None
    phone: str
    hours: tuple[str, ...]
    name_en: str = ""
    slug: str = ""
    email: str = ""
    bank_bin: str | None = None
    bank_account: str = ""
    bank_account_name: str = ""
    offers_pickup: bool = True
    offers_delivery: bool = False
    # (province id, flat fee in đồng) for each province delivered to.
    delivery_fees: tuple[tuple[int, int], ...] = ()
    free_delivery_from_vnd: int | None = None
    accepts_vietqr: bool = False
    accepts_cash_pickup: bool = True
    accepts_cod: bool = False
    status: OutletStatus = OutletStatus.OPEN


def _check_oversight(actor: Actor, province_id: int) -> None:
    if not actor.oversees_province(province_id):
        raise Forbidden(_("Your office does not cover this province's outlets."))


def _names(data: OutletInput) -> dict:
    return {
        "name_vi": checks.required_text(data.name_vi, "name_vi", 200,
                                        _("Enter the outlet's name.")),
        "name_en": checks.optional_text(data.name_en, "name_en", 200),
        "operator_name": checks.required_text(
            data.operator_name, "operator_name", 200,
            _("Enter the organisation that runs the outlet.")),
        "operator_tax_code": checks.tax_code(data.operator_tax_code),
        "street": checks.required_text(data.street, "street", 200,
                                       _("Enter the street and number.")),
        "commune": checks.required_text(data.commune, "commune", 120,
                                        _("Enter the commune or ward.")),
    }


def _fulfilment(data: OutletInput) -> dict:
    """Pickup and delivery, what they cost, and the payments they allow, kept consistent."""
    if not (data.offers_pickup or data.offers_delivery):
        raise InvalidInput(_("Offer pickup, delivery or both."), "offers_pickup")
    fees: dict[int, int] = {}
    for index, (province_id, fee) in enumerate(data.delivery_fees):
        field = f"delivery-{index}-fee_vnd"
        checks.money(fee, field, checks.MAX_DELIVERY_FEE)
        if province_id in fees:
            raise InvalidInput(_("Each province takes one fee."), field)
        fees[checks.province(province_id).id] = fee
    if data.offers_delivery and not fees:
        raise InvalidInput(_("Give a fee for at least one province delivered to."),
                           "offers_delivery")
    if not (data.accepts_vietqr or data.accepts_cash_pickup or data.accepts_cod):
        raise InvalidInput(_("Accept at least one way of paying."), "accepts_vietqr")
    if data.accepts_cash_pickup and not data.offers_pickup:
        raise InvalidInput(_("Cash at pickup needs pickup."), "accepts_cash_pickup")
    if data.accepts_cod and not data.offers_delivery:
        raise InvalidInput(_("Cash on delivery needs delivery."), "accepts_cod")
    threshold = checks.money(data.free_delivery_from_vnd, "free_delivery_from_vnd")
    return {
        "offers_pickup": data.offers_pickup, "offers_delivery": data.offers_delivery,
        "free_delivery_from_vnd": threshold if data.offers_delivery else None,
        "accepts_vietqr": data.accepts_vietqr, "accepts_cash_pickup": data.accepts_cash_pickup,
        "accepts_cod": data.accepts_cod,
        "delivery_fees": fees if data.offers_delivery else {},
    }


def _validated(data: OutletInput) -> dict:
    """Every field checked and normalised, in the order the form shows them."""
    values = _names(data)
    values["kind"] = OutletKind(data.kind)
    values["slug"] = checks.slug(data.slug.strip() or slugify(values["name_vi"]))
    values["province_id"] = checks.province(data.province_id).id
    values["latitude"] = checks.coordinate(data.latitude, "latitude", checks.LATITUDES)
    values["longitude"] = checks.coordinate(data.longitude, "longitude", checks.LONGITUDES)
    values["phone"] = normalize_phone(data.phone)
    values["email"] = checks.email(data.email)
    if len(data.hours) != DAYS:
        raise InvalidInput(_("Give the hours of every weekday."), "hours_0")
    values["hours"] = [parse_day(text, weekday) for weekday, text in enumerate(data.hours)]
    bank = checks.bank_account(data.bank_bin, data.bank_account, data.bank_account_name)
    values["bank_bin"], values["bank_account"], values["bank_account_name"] = bank
    values.update(_fulfilment(data))
    if values["accepts_vietqr"] and values["bank_bin"] is None:
        raise InvalidInput(_("VietQR transfers need the outlet's bank account."), "bank_bin")
    values["status"] = OutletStatus(data.status)
    return values


def _apply(outlet: Outlet, values: dict) -> None:
    hours, fees = values.pop("hours"), values.pop("delivery_fees")
    for name, value in values.items():
        setattr(outlet, name, value)
    outlet.hours = [OpeningHours(weekday=weekday, opens_at=opens, closes_at=closes)
                    for weekday, spans in enumerate(hours) for opens, closes in spans]
    kept = {fee.province_id: fee for fee in outlet.delivery_fees}
    outlet.delivery_fees = [kept.get(province_id) or DeliveryFee(province_id=province_id)
                            for province_id in sorted(fees)]
    for fee in outlet.delivery_fees:
        fee.fee_vnd = fees[fee.province_id]


def _save(outlet: Outlet, values: dict) -> Outlet:
    with refused_if_taken(_("Another outlet has the address /outlets/%(slug)s.",
                            slug=values["slug"]), "slug"):
        _apply(outlet, values)
        db.session.add(outlet)
    return outlet


def create_outlet(data: OutletInput, actor: Actor) -> Outlet:
    """Register an outlet in a province the officer's office covers."""
    write_transaction()
    # Who may act is settled before any field is judged.
    _check_oversight(actor, checks.province(data.province_id).id)
    return _save(Outlet(hours=[], delivery_fees=[]), _validated(data))


def office_outlet(outlet_id: int, actor: Actor) -> Outlet:
    """An outlet the officer may manage, with its hours and fees loaded."""
    outlet = db.session.get(Outlet, outlet_id)
    if outlet is None:
        raise NotFound(_("No such outlet."))
    _check_oversight(actor, outlet.province_id)
    return load_outlet(outlet.id)


def load_outlet(outlet_id: int) -> Outlet:
    """An outlet with its province, bank, hours and delivery fees loaded."""
    return db.session.scalars(select(Outlet).where(Outlet.id == outlet_id).options(
        selectinload(Outlet.province), selectinload(Outlet.bank), selectinload(Outlet.hours),
        selectinload(Outlet.delivery_fees).selectinload(DeliveryFee.province))).one()


def update_outlet(outlet_id: int, data: OutletInput, actor: Actor) -> Outlet:
    """Change an outlet's record; moving it to another province needs that province too."""
    write_transaction()
    outlet = office_outlet(outlet_id, actor)
    _check_oversight(actor, checks.province(data.province_id).id)
    return _save(outlet, _validated(data))
