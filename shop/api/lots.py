"""Production lots: a lot's trace as JSON, by id or by the GTIN and lot of its Digital Link,
and its events as an EPCIS 2.0 document.

Every lot on record answers, recalled ones and those of products no longer for sale
included: whoever holds the package must be able to read the warnings.
"""

import json

from flask import Response, current_app
from flask_babel import gettext as _
from flask_openapi3 import Tag

from shop.api import serializers
from shop.api.http import api_blueprint, error_responses
from shop.api.problems import PROBLEM_JSON, problem
from shop.api.schemas import LotPath, LotQuery, LotTrace
from shop.core import clock, gs1
from shop.core.errors import NotFound
from shop.core.urls import public_host
from shop.trace import epcis, queries
from shop.trace.models import Lot
from shop.trace.report import build_report

bp = api_blueprint("api_lots", __name__, Tag(
    name="Lots", description="Production lots and their trace: origin zones, certificate,"
                             " recalls and warnings, and EPCIS 2.0 events."))


def _not_found(description: str) -> dict:
    # http.error_responses describes its 404 for products; a lot's 404 says what is missing.
    return {"404": {"description": description, "content": {
        PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}}


EPCIS_RESPONSE = {"200": {
    "description": "The lot's events as a GS1 EPCIS 2.0 document (JSON-LD).",
    "content": {epcis.MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/EPCISDocument"}}},
}}


def _load(lot_id: int) -> Lot:
    lot = queries.load_lot(lot_id)
    if lot is None:
        raise NotFound(_("No such lot."))
    return lot


def _trace(lot: Lot) -> dict:
    return serializers.lot_trace(build_report(lot, clock.today())).model_dump(mode="json")


def _invalid_digital_link(query: LotQuery) -> Response | None:
    """A 400 problem naming the GTIN and/or lot that break GS1's rules, else None."""
    errors = []
    for name, check in (("gtin", gs1.normalize_gtin), ("lot", gs1.validate_lot)):
        try:
            check(getattr(query, name))
        except gs1.GS1Error as error:
            errors.append({"name": name, "reason": str(error)})
    if not errors:
        return None
    return problem(400, _("Some parameters are not valid."), title=_("Invalid parameters"),
                   errors=errors)


@bp.get("/lots", operation_id="findLot",
        responses={200: LotTrace, **error_responses(),
                   **_not_found("No lot of the product with this GTIN has this number.")},
        description="What a GS1 Digital Link /01/{gtin}/10/{lot} names. The GTIN may be given"
                    " in any of its lengths (8, 12, 13 or 14 digits).")
def find_lot(query: LotQuery):
    """The trace of the lot with this GTIN and lot number."""
    invalid = _invalid_digital_link(query)
    if invalid is not None:
        return invalid
    gtin = gs1.normalize_gtin(query.gtin)
    lot = queries.lot_by_gtin(gtin, query.lot)
    if lot is None:
        raise NotFound(_("No lot %(lot)s of the product with GTIN %(gtin)s is on record.",
                         lot=query.lot, gtin=gtin))
    return _trace(lot)


@bp.get("/lots/<lot_id>", operation_id="getLot",
        responses={200: LotTrace, **error_responses(), **_not_found("No lot has this id.")})
def get_lot(path: LotPath):
    """The trace of a lot: origin zones, product, certificate, notices and journey."""
    return _trace(_load(path.lot_id))


@bp.get("/lots/<lot_id>/epcis", operation_id="getLotEpcis",
        responses={**EPCIS_RESPONSE, **error_responses(), **_not_found("No lot has this id.")},
        description="Harvest ObjectEvents (ADD, kilograms per zone), a TransformationEvent"
                    " (harvests in, the lot out), the commissioning ObjectEvent (ADD, with the"
                    " lot number, expiry and planting-area codes as ILMD) and, for a recalled"
                    " lot, an ObjectEvent with disposition \"recalled\". Times are in Vietnam"
                    " (+07:00); events known only by their date are stamped 00:00.")
def get_lot_epcis(path: LotPath):
    """A lot's traceability events as a GS1 EPCIS 2.0 document."""
    lot = _load(path.lot_id)
    document = epcis.lot_document(lot, public_host(), clock.utcnow())
    return current_app.response_class(json.dumps(document, ensure_ascii=False),
                                      mimetype=epcis.MEDIA_TYPE)
