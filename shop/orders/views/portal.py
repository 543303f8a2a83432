"""The producers' view of selling in the portal: the order lines of their products, and
where one of their lots went (officers see any lot's, to recall it)."""

from flask import render_template, request
from flask_login import current_user

from shop.accounts.access import acting_producer_id, role_required
from shop.accounts.models import Role
from shop.core.pages import requested_page
from shop.orders.lot_trail import lot_trail as trail_of
from shop.orders.producer_lines import producer_order_lines
from shop.trace.lots import get_lot
from shop.trace.queries import load_lot_for_label
from shop.web.audiences import HomePanel, portal

LINES_PER_PAGE = 50
# The portal home's panel on selling (registered in create_app).
HOME_PANEL = HomePanel("orders/portal/_home_panel.html")


@portal.get("/orders")
@role_required(Role.PRODUCER)
def order_lines():
    """The order lines of the producer's products, newest first, with their lots."""
    page = producer_order_lines(acting_producer_id(), requested_page(request.args),
                                LINES_PER_PAGE)
    return render_template("orders/portal/lines.html", page=page)


@portal.get("/lots/<int:lot_id>/trail")
@role_required(Role.PRODUCER, Role.OFFICER)
def lot_trail(lot_id: int):
    """Where a lot went: the outlets holding it and the orders that took from it."""
    lot = load_lot_for_label(get_lot(lot_id, actor=current_user).id)
    return render_template("orders/portal/lot_trail.html", lot=lot, trail=trail_of(lot.id))
