"""Outlet staff's orders: a day's orders by state, an order with its lots, the next steps the
state machine allows, transfers received, the handover, the packing slip."""

from datetime import UTC, date, datetime

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.core import clock
from shop.core.errors import InvalidInput, InvalidState, NotFound
from shop.core.money import format_vnd
from shop.database import writes_on_post
from shop.extensions import db
from shop.orders import console
from shop.orders.models import Order
from shop.orders.payments import Recorded, hand_over, record_transfer
from shop.orders.slip import packing_slip_pdf
from shop.orders.states import STATE_LABELS, ActorKind, OrderState
from shop.orders.transitions import advance
from shop.outlets.models import Outlet
from shop.outlets.staff import staffed_outlet
from shop.payments.gateway import gateway_for
from shop.web.i18n import current_language

bp = Blueprint("order_console", __name__, url_prefix="/console/<slug>/orders")
writes_on_post(bp)


def local(instant: datetime) -> datetime:
    """An instant in the shop's zone (SQLite gives it back without its UTC offset)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(clock.SHOP_ZONE)


def _outlet(slug: str) -> Outlet:
    return staffed_outlet(slug, current_user)


def _staff_order(outlet: Outlet, number: str) -> console.StaffOrder:
    try:
        return console.staff_order(outlet.id, number)
    except NotFound:
        abort(404)


def _found(outlet: Outlet, number: str) -> Order:
    """The outlet's order for a POST (no lots or timeline needed); 404 for any other."""
    try:
        return console.outlet_order(outlet.id, number)
    except NotFound:
        abort(404)


@bp.get("/")
@role_required(Role.OUTLET_STAFF)
def orders(slug: str):
    """Today's orders by state; another day's with ?day=, every open one with ?show=open."""
    outlet = _outlet(slug)
    today = clock.today()
    if request.args.get("show") == "open":
        day, groups = None, console.open_orders(outlet.id)
    else:
        try:
            day = date.fromisoformat(request.args.get("day", "")) if request.args.get(
                "day") else today
        except ValueError:
            day = today
        groups = console.day_orders(outlet.id, day)
    return render_template("orders/console/orders.html", outlet=outlet, groups=groups,
                           day=day, today=today, local=local)


def _order_page(outlet: Outlet, page: console.StaffOrder, errors: dict | None = None,
                values: dict | None = None, status: int = 200):
    return render_template("orders/console/order.html", outlet=outlet, page=page,
                           errors=errors or {}, values=values or {}, local=local,
                           gateway_label=lambda method: gateway_for(method).label,
                           now=local(clock.utcnow())), status


@bp.get("/<number>")
@role_required(Role.OUTLET_STAFF)
def order(slug: str, number: str):
    """An order: lines and their lots, gift, contact, fulfilment, payments, timeline, steps."""
    outlet = _outlet(slug)
    page = _staff_order(outlet, number)
    if page.order.number != number:  # typed in lower case or with dashes
        return redirect(url_for(".order", slug=slug, number=page.order.number))
    return _order_page(outlet, page)


@bp.post("/<number>/step")
@role_required(Role.OUTLET_STAFF)
def step(slug: str, number: str):
    """Take one of the allowed steps (cancelling needs a reason, handing over a name)."""
    outlet = _outlet(slug)
    found = _found(outlet, number)
    target = request.form.get("target", "")
    try:
        if target == OrderState.PAID:
            raise InvalidState(_("Record the transfer with its amount and the bank's reference."),
                               "target")
        if target == OrderState.COMPLETED:
            payment = hand_over(found.id, request.form.get("collected_by", ""), current_user)
        else:
            advance(found, target, ActorKind.STAFF, current_user,
                    reason=request.form.get("reason", ""))
            payment = None
    except (InvalidInput, InvalidState) as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        flash(_("Cash received and the order handed over.") if payment is not None
              else _("The order is now “%(state)s”.", state=_state_label(found.state)),
              "success")
    return redirect(url_for(".order", slug=slug, number=found.number))


def _state_label(state: str) -> str:
    return str(STATE_LABELS[OrderState(state)])


def _received_at(text: str) -> datetime | None:
    """A datetime-local field, in the shop's zone; None when left empty."""
    if not text.strip():
        return None
    try:
        # Stored in UTC: SQLite keeps the wall time it is given, unconverted.
        return datetime.fromisoformat(text.strip()).replace(tzinfo=clock.SHOP_ZONE
                                                            ).astimezone(UTC)
    except ValueError:
        raise InvalidInput(_("Enter the date and time the money arrived."),
                           "received_at") from None


@bp.post("/<number>/transfer")
@role_required(Role.OUTLET_STAFF)
def transfer(slug: str, number: str):
    """Mark a transfer received: amount in đồng, when, the bank's reference."""
    outlet = _outlet(slug)
    found = _found(outlet, number)
    form = request.form
    try:
        amount = form.get("amount", "").replace(".", "").replace(",", "").replace(" ", "")
        if not amount.isdigit():
            raise InvalidInput(_("Enter the amount received in đồng, 1 or more."), "amount")
        outcome = record_transfer(found.id, int(amount), _received_at(form.get(
            "received_at", "")), form.get("reference", ""), current_user)
    except (InvalidInput, InvalidState) as error:
        db.session.rollback()
        # A field's error shows beside it; a refused step above the steps.
        key = error.field if isinstance(error, InvalidInput) and error.field else "form"
        return _order_page(outlet, _staff_order(outlet, found.number), {key: error.message},
                           form.to_dict(), 400)
    db.session.commit()
    flash(_message(outcome), "warning" if outcome.duplicate or outcome.shortfall
          or outcome.over else "success")
    return redirect(url_for(".order", slug=slug, number=found.number))


def _message(outcome: Recorded) -> str:
    """What recording a transfer did, in a sentence."""
    if outcome.duplicate:
        return _("This bank reference was recorded already: nothing changed.")
    if outcome.shortfall:
        return _("Transfer recorded, but %(amount)s is still owed: the order waits for it.",
                 amount=format_vnd(outcome.shortfall, current_language()))
    if outcome.over:
        return _("Transfer recorded: %(amount)s more than owed, to be refunded.",
                 amount=format_vnd(outcome.over, current_language()))
    return _("Transfer recorded: the order is paid.")


@bp.get("/<number>/slip.pdf")
@role_required(Role.OUTLET_STAFF)
def slip(slug: str, number: str):
    """The printable packing slip: each item with its lots, the gift message."""
    outlet = _outlet(slug)
    page = _staff_order(outlet, number)
    response = Response(packing_slip_pdf(outlet, page), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{page.order.number}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
