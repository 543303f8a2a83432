"""The shopper's pages: the cart, checkout, the order page (with its VietQR) and my orders."""

from datetime import date

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    has_request_context,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, user_logged_in

from shop.core import clock
from shop.core.errors import InvalidInput, InvalidState, NotFound
from shop.database import writes_on_post
from shop.extensions import db, limiter
from shop.orders import cart, queries
from shop.orders.lines import check_quantity
from shop.orders.models import LineKind
from shop.orders.numbers import parse_number
from shop.orders.placing import Checkout, new_idempotency_key, pickup_days, place_once
from shop.orders.states import ActorKind, OrderState, allowed
from shop.orders.transitions import advance, payment_view
from shop.payments import vietqr
from shop.payments.gateway import gateway_for
from shop.web.i18n import current_language

bp = Blueprint("orders", __name__)
writes_on_post(bp)
CART_KEY = "cart"
# A signed-in customer's cart count, kept in the session so the header costs no query.
COUNT_KEY = "cart_count"


def current_cart() -> cart.Contents:
    """The visitor's cart: the account's when signed in, else the session's."""
    if current_user.is_authenticated:
        return cart.of_user(current_user.id)
    return cart.from_session(session.get(CART_KEY))


def _save(contents: cart.Contents) -> None:
    if current_user.is_authenticated:
        cart.save_for_user(current_user.id, contents)
        db.session.commit()
        session[COUNT_KEY] = contents.count
    else:
        session[CART_KEY] = cart.to_session(contents)


@user_logged_in.connect
def _merge_guest_cart(_app, user, **_extra) -> None:
    """At sign-in, the guest's cart joins the account's (a signal: accounts imports nothing
    of orders)."""
    guest = cart.from_session(session.pop(CART_KEY, None))
    if guest.quantities:
        cart.save_for_user(user.id, cart.merged(cart.of_user(user.id), guest))
        db.session.commit()
    session[COUNT_KEY] = cart.of_user(user.id).count


def cart_count() -> dict:
    """For the header, rendered live around cached bodies: units in the visitor's cart."""
    if not has_request_context() or request.blueprint == "api":
        return {}  # mail rendered by a job, or the API: no visitor, no header
    if current_user.is_authenticated:
        return {"cart_count": session.get(COUNT_KEY, 0)}
    return {"cart_count": cart.from_session(session.get(CART_KEY)).count}


@bp.post("/cart/add")
def add_to_cart():
    """Add a product (or combo) from its page."""
    kind = request.form.get("kind", LineKind.PRODUCT)
    try:
        if kind not in set(LineKind):
            raise InvalidInput(_("Unknown item."), "kind")
        raw_id = request.form.get("item_id", "").strip()
        if not raw_id.isdigit() or not 0 < int(raw_id) < 2**31:
            raise InvalidInput(_("Unknown item."), "item_id")
        item_id = int(raw_id)
        quantity = check_quantity(request.form.get("quantity", "1"))
        _save(cart.add(current_cart(), kind, item_id, quantity))
    except (InvalidInput, InvalidState) as error:
        flash(error.message, "error")
        return redirect(request.referrer or url_for("orders.cart_page"))
    flash(_("Added to your cart."), "success")
    return redirect(url_for("orders.cart_page"))


@bp.route("/cart", methods=["GET", "POST"])
def cart_page():
    """The cart: lines, quantities, removal, and the outlet to buy from."""
    contents = current_cart()
    if request.method == "POST":
        try:
            if request.form.get("outlet_id"):
                cart.choose_outlet(contents, int(request.form["outlet_id"]))
            for key, value in request.form.items():
                if key.startswith("qty-"):
                    kind, _sep, item_id = key[4:].partition("-")
                    number = int(value) if value.strip().isdigit() else 0
                    cart.change(contents, kind, int(item_id or 0), number)
            if request.form.get("remove"):
                kind, _sep, item_id = request.form["remove"].partition("-")
                cart.change(contents, kind, int(item_id or 0), 0)
        except (InvalidInput, ValueError) as error:
            flash(getattr(error, "message", _("Choose one of the open outlets.")), "error")
        _save(contents)
        return redirect(url_for("orders.cart_page"))
    return render_template("orders/cart.html", cart=cart.view(contents))


def _checkout_from(form, outlet_id: int) -> Checkout:
    try:
        pickup_on = date.fromisoformat(form.get("pickup_on", "")) if form.get("pickup_on") \
            else None
    except ValueError:
        raise InvalidInput(_("Choose a pickup day."), "pickup_on") from None
    province = form.get("province_id", "")
    return Checkout(
        outlet_id=outlet_id, contact_name=form.get("contact_name", ""),
        contact_phone=form.get("contact_phone", ""),
        contact_email=form.get("contact_email", ""), fulfilment=form.get("fulfilment", ""),
        payment_method=form.get("payment_method", ""), pickup_on=pickup_on,
        street=form.get("street", ""), commune=form.get("commune", ""),
        province_id=int(province) if province.isdigit() else None,
        recipient_name=form.get("recipient_name", ""),
        recipient_phone=form.get("recipient_phone", ""),
        gift_message=form.get("gift_message", ""), language=current_language())


def _order_limit() -> str:
    return current_app.config["ORDER_RATE_LIMIT"]


@bp.route("/checkout", methods=["GET", "POST"])
# Placing is limited per client address, as in the API: a script cannot hold the stock.
@limiter.limit(_order_limit, methods=["POST"])
def checkout():
    """Contact, fulfilment, gift and payment; the server prices and places the order."""
    contents = current_cart()
    view = cart.view(contents)
    # A POST goes on to placing, which names what ran out since the form was shown.
    if view.outlet is None or not view.lines or (request.method == "GET" and not view.ready):
        flash(_("Choose an outlet that can supply everything in your cart first."), "error")
        return redirect(url_for("orders.cart_page"))
    errors, values = {}, request.form.to_dict()
    if request.method == "POST":
        try:
            order = place_once(_checkout_from(request.form, view.outlet.id),
                                contents.quantities, request.form.get("key", ""),
                                current_user if current_user.is_authenticated else None)
        except (InvalidInput, InvalidState) as error:
            db.session.rollback()
            errors[error.field or "items"] = error.message
            view = cart.view(contents)  # read again: the rollback expired what was loaded
        else:
            contents.quantities.clear()
            _save(contents)
            db.session.commit()
            return redirect(url_for("orders.order", number=order.number,
                                    t=order.access_token))
    else:
        values = {"key": new_idempotency_key(), "fulfilment": "pickup"}
        if current_user.is_authenticated:
            values.update(contact_name=current_user.name, contact_email=current_user.email)
    return render_template("orders/checkout.html", cart=view, values=values, errors=errors,
                           pickup_days=pickup_days(view.outlet, clock.today()),
                           gateway_for=gateway_for), 400 if errors else 200


def _page(number: str) -> queries.OrderPage:
    try:
        return queries.order_page(parse_number(number), request.args.get("t"),
                                  current_user.id if current_user.is_authenticated else None)
    except (InvalidInput, NotFound):
        abort(404)


@bp.get("/orders/<number>")
def order(number: str):
    """The order: lines with their lots' trace links, totals, timeline, how to pay."""
    page = _page(number)
    o = page.order
    instructions = (gateway_for(o.payment_method).instructions(payment_view(o, page.outlet))
                    if o.state not in (OrderState.CANCELLED, OrderState.COMPLETED) else None)
    can_cancel = any(t.target == OrderState.CANCELLED for t in allowed(
        o.state, o.fulfilment, o.payment_method, ActorKind.CUSTOMER))
    return render_template("orders/order.html", page=page, instructions=instructions,
                           can_cancel=can_cancel, token=request.args.get("t"))


@bp.get("/orders/<number>/qr.png")
def order_qr(number: str):
    """The VietQR image of an unpaid transfer order."""
    page = _page(number)
    if page.order.state != OrderState.AWAITING_PAYMENT:
        abort(404)
    details = gateway_for(page.order.payment_method).instructions(
        payment_view(page.order, page.outlet)).transfer
    if details is None:
        abort(404)
    response = Response(vietqr.qr_png(details.payload), mimetype="image/png")
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.post("/orders/<number>/cancel")
def cancel(number: str):
    """The customer cancels while the state machine allows it."""
    page = _page(number)
    try:
        advance(page.order, OrderState.CANCELLED, ActorKind.CUSTOMER,
                current_user if current_user.is_authenticated else None)
    except (InvalidInput, InvalidState) as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        flash(_("Your order is cancelled."), "success")
    return redirect(url_for("orders.order", number=page.order.number,
                            t=request.args.get("t")))


@bp.get("/account/orders")
@login_required
def my_orders():
    """A signed-in customer's orders."""
    return render_template("orders/my_orders.html",
                           orders=queries.customer_orders(current_user.id))
