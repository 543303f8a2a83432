"""Ordering: place an order for pickup or delivery at an outlet, and read it with its token."""

from flask import current_app, request
from flask_babel import gettext as _
from flask_openapi3 import Tag

from shop.api import ordering
from shop.api.http import api_blueprint, error_responses
from shop.api.order_schemas import OrderIn, OrderOut, OrderPath
from shop.api.problems import PROBLEM_JSON, problem
from shop.core.errors import InvalidInput, NotFound
from shop.extensions import db, limiter
from shop.orders.numbers import parse_number

bp = api_blueprint("api_orders", __name__, Tag(
    name="Orders", description="Orders for pickup or delivery at an OCOP outlet, priced by the"
                               " shop, held from first-expiry lots, paid by VietQR or cash."))
_PROBLEM = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
_FIELDS = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ValidationProblem"}}}
PLACE_RESPONSES = {
    "409": {"description": "An item cannot be sold now (\"only 3 left\", or no longer "
                           "certified), or the outlet is not taking orders: each one named.",
            "content": _FIELDS},
    "422": {"description": "A field is missing or not valid: each one named.",
            "content": _FIELDS},
    "429": {"description": "Too many orders from this client for now.", "content": _PROBLEM},
}
NOT_FOUND = {"404": {"description": "No order has this number and token.",
                     "content": _PROBLEM}}
TOKEN = [{"orderToken": []}]


def _order_limit() -> str:
    return current_app.config["ORDER_RATE_LIMIT"]


def _too_many_orders() -> str:
    return _("Too many orders from here for now: please wait a little and try again.")


def _refusal(refused: ordering.OrderRefused):
    return problem(refused.status, refused.detail, errors=[
        {"name": error.name, "reason": error.reason} for error in refused.errors])


@bp.post("/orders", operation_id="placeOrder", responses={201: OrderOut, **PLACE_RESPONSES},
         description="Prices, fees and totals come from the shop's current data, never from"
                     " the request. Sending the same idempotency key again answers with the"
                     " order it made. Rate-limited per client.")
@limiter.limit(_order_limit, error_message=_too_many_orders)
def place_order(body: OrderIn):
    """Place an order; 201 with its number, lines and lots, totals and how to pay."""
    try:
        order = ordering.place(body)
    except ordering.OrderRefused as refused:
        db.session.rollback()
        return _refusal(refused)
    # Built before the commit, from what placing left in the session: after it, every
    # object would be read again.
    document = ordering.placed_document(order).model_dump(mode="json")
    db.session.commit()
    return document, 201


def _bearer() -> str:
    scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


@bp.get("/orders/<number>", operation_id="getOrder", security=TOKEN,
        responses={200: OrderOut, **error_responses(), **NOT_FOUND})
def get_order(path: OrderPath):
    """An order, read with its access token (`Authorization: Bearer …`): a wrong token and
    an unknown number are the same 404."""
    not_found = NotFound(_("No order has this number and token."))
    try:
        number = parse_number(path.number)
    except InvalidInput:
        raise not_found from None
    try:
        # The token is compared in constant time (secrets.compare_digest, i.e. hmac's).
        document = ordering.order_document(number, _bearer() or None)
    except NotFound:
        raise not_found from None
    response = current_app.make_response(document.model_dump(mode="json"))
    response.headers["Cache-Control"] = "private, no-store"
    return response
