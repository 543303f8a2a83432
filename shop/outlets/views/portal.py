"""The producers' view of the outlets in the portal: their products' stock at each one."""

from flask import render_template

from shop.accounts.access import acting_producer_id, role_required
from shop.accounts.models import Role
from shop.core import clock
from shop.outlets.producer_stock import producer_stock
from shop.web.audiences import portal


@portal.get("/stock")
@role_required(Role.PRODUCER)
def stock():
    """The producer's products at each outlet, lot by lot: on hand, reserved, set aside."""
    return render_template("outlets/portal/stock.html", today=clock.today(),
                           rows=producer_stock(acting_producer_id()))
