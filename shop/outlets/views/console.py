"""The outlet staff's console: their outlets' stock by product and lot, receiving, adjusting."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.catalog.models import Product
from shop.core import clock
from shop.core.errors import InvalidInput
from shop.database import writes_on_post
from shop.extensions import db
from shop.outlets import queries
from shop.outlets.forms import AdjustForm, ReceiveForm
from shop.outlets.models import Outlet
from shop.outlets.staff import staffed_outlet
from shop.outlets.stock import adjust as adjust_stock
from shop.outlets.stock import receive as receive_stock
from shop.web.forms import form_status, show_error
from shop.web.i18n import localized

bp = Blueprint("outlet_console", __name__, url_prefix="/console")
writes_on_post(bp)


def _own_outlet(slug: str) -> Outlet:
    """The outlet of this address, when the signed-in person is on its staff (or an admin)."""
    return staffed_outlet(slug, current_user)


@bp.get("/")
@role_required(Role.OUTLET_STAFF)
def home():
    """Straight to the one outlet a person works at; a choice when there are several."""
    ids = None if current_user.role is Role.ADMIN else current_user.outlet_ids
    outlets = queries.office_outlets(ids)
    if len(outlets) == 1:
        return redirect(url_for(".stock", slug=outlets[0].slug))
    return render_template("outlets/console/home.html", outlets=outlets)


@bp.get("/<slug>/stock")
@role_required(Role.OUTLET_STAFF)
def stock(slug: str):
    """Stock by product and lot with expiry dates; soon-to-expire and low stock marked."""
    outlet = _own_outlet(slug)
    return render_template("outlets/console/stock.html", outlet=outlet, today=clock.today(),
                           products=queries.outlet_stock(outlet.id))


def _product_choices(form: ReceiveForm) -> None:
    products = queries.receivable_products()
    form.product_id.choices = [("", _("Choose a product…"))] + [
        (p.id, localized(p, "name")) for p in products]
    chosen = form.product_id.data
    lots = queries.receivable_lots(chosen) if chosen else []
    form.lot_id.choices = [("", _("Choose a lot…") if chosen else _("Choose the product first"))
                           ] + [(lot.id, _("%(code)s, expires %(date)s", code=lot.code,
                                           date=lot.expires_on.strftime("%d/%m/%Y")))
                                for lot in lots]


@bp.route("/<slug>/receive", methods=["GET", "POST"])
@role_required(Role.OUTLET_STAFF)
def receive(slug: str):
    """Record a delivery: the product, one of its lots, how many units."""
    outlet = _own_outlet(slug)
    form = ReceiveForm() if request.method == "POST" else ReceiveForm(
        product_id=request.args.get("product_id", type=int))
    _product_choices(form)
    if request.method == "GET":
        return _receive_page(outlet, form, 200)
    if form.validate_on_submit():
        try:
            level = receive_stock(outlet.id, form.lot_id.data, form.quantity.data,
                                  current_user, product_id=form.product_id.data,
                                  note=form.note.data)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Received: %(count)d units on hand of this lot now.", count=level.on_hand),
                  "success")
            return redirect(url_for(".stock", slug=outlet.slug))
    return _receive_page(outlet, form, 400)


def _receive_page(outlet: Outlet, form: ReceiveForm, status: int):
    product = db.session.get(Product, form.product_id.data) if form.product_id.data else None
    return render_template("outlets/console/receive.html", outlet=outlet, form=form,
                           product=product), status


@bp.route("/<slug>/adjust", methods=["GET", "POST"])
@role_required(Role.OUTLET_STAFF)
def adjust(slug: str):
    """Correct one lot's stock with a reason: damage, expiry, a recount."""
    outlet = _own_outlet(slug)
    form = AdjustForm(lot_id=request.args.get("lot_id", type=int))
    form.lot_id.choices = [("", _("Choose a lot…"))] + [
        (entry.lot.id, f"{localized(item.product, 'name')} · {entry.lot.code} "
                       f"({_('%(count)d on hand', count=entry.on_hand)})")
        for item in queries.outlet_stock(outlet.id) for entry in item.lots]
    if form.validate_on_submit():
        try:
            adjust_stock(outlet.id, form.lot_id.data, form.delta.data, form.reason.data,
                         form.note.data, current_user)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Stock adjusted."), "success")
            return redirect(url_for(".stock", slug=outlet.slug))
    return render_template("outlets/console/adjust.html", outlet=outlet,
                           form=form), form_status(form)
