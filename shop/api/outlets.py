"""Outlets: where OCOP products can be bought, their hours, delivery and payment, stock bands."""

from flask_babel import gettext as _
from flask_openapi3 import Tag

from shop.api.http import api_blueprint, error_responses
from shop.api.outlet_schemas import (
    Address,
    BankAccount,
    Delivery,
    DeliveryFee,
    Location,
    OpeningDay,
    OpeningSpan,
    Operator,
    OutletDetail,
    OutletList,
    OutletPath,
    OutletQuery,
    OutletSummary,
    ProductAvailability,
)
from shop.api.problems import PROBLEM_JSON
from shop.api.serializers import province_ref
from shop.core.errors import NotFound
from shop.core.urls import absolute_url
from shop.outlets import queries
from shop.outlets.hours import DAYS
from shop.outlets.links import map_url
from shop.outlets.models import Outlet

bp = api_blueprint("api_outlets", __name__, Tag(
    name="Outlets", description="OCOP outlet points and introduction-and-sales centres: where"
                                " to buy, and what they have (as bands, never counts)."))
NOT_FOUND = {"404": {"description": "No open or paused outlet has this slug.", "content": {
    PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}}


def _payment_methods(outlet: Outlet) -> list[str]:
    return [name for name, accepted in (("vietqr", outlet.accepts_vietqr),
                                        ("cash_at_pickup", outlet.accepts_cash_pickup),
                                        ("cash_on_delivery", outlet.accepts_cod)) if accepted]


def _fields(outlet: Outlet) -> dict:
    days = queries.spans_by_day(outlet)
    bank = outlet.bank
    return {
        "slug": outlet.slug, "name": outlet.name_vi, "name_vi": outlet.name_vi,
        "name_en": outlet.name_en, "kind": outlet.kind, "status": outlet.status,
        "operator": Operator(name=outlet.operator_name, tax_code=outlet.operator_tax_code),
        "address": Address(street=outlet.street, commune=outlet.commune,
                           province=province_ref(outlet.province)),
        "location": Location(latitude=float(outlet.latitude), longitude=float(outlet.longitude),
                             map_url=map_url(outlet)),
        "phone": outlet.phone, "email": outlet.email or None,
        "hours": [OpeningDay(weekday=day + 1, spans=[
            OpeningSpan(opens=f"{opens:%H:%M}", closes=f"{closes:%H:%M}")
            for opens, closes in days.get(day, [])]) for day in range(DAYS)],
        "pickup": outlet.offers_pickup,
        "delivery": Delivery(
            provinces=[DeliveryFee(province=province_ref(fee.province), fee_vnd=fee.fee_vnd)
                       for fee in outlet.delivery_fees],
            free_from_vnd=outlet.free_delivery_from_vnd),
        "payment_methods": _payment_methods(outlet),
        "bank_account": BankAccount(bin=bank.bin, bank=bank.short_name,
                                    account_number=outlet.bank_account,
                                    account_name=outlet.bank_account_name) if bank else None,
        "url": absolute_url("outlets.outlet", slug=outlet.slug),
    }


@bp.get("/outlets", operation_id="listOutlets",
        responses={200: OutletList, **error_responses()})
def list_outlets(query: OutletQuery):
    """Open and paused outlets, by province and name; closed ones are gone."""
    items = [OutletSummary(**_fields(o)) for o in queries.public_outlets(query.province)]
    return OutletList(items=items).model_dump(mode="json")


@bp.get("/outlets/<slug>", operation_id="getOutlet",
        responses={200: OutletDetail, **error_responses(), **NOT_FOUND})
def get_outlet(path: OutletPath):
    """One outlet with the listed products it carries, each in a band of stock."""
    outlet = queries.public_outlet(path.slug)
    if outlet is None:
        raise NotFound(_("No outlet has this address."))
    stock = [ProductAvailability(slug=p.slug, name=p.name_vi, price_vnd=p.price_vnd,
                                 band=band, url=absolute_url("catalog.product", slug=p.slug))
             for p, band in queries.offer(outlet.id)]
    return OutletDetail(**_fields(outlet), stock=stock).model_dump(mode="json")
