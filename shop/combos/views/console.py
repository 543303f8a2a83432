"""Outlet staff's combo pages: curate the combos of their own outlets only."""

from flask import Blueprint, g, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.combos import curation
from shop.combos.curation import Audience, Curator
from shop.combos.views import editing
from shop.core.errors import Forbidden, NotFound
from shop.database import writes_on_post
from shop.extensions import db
from shop.outlets.models import Outlet

bp = Blueprint("combo_console", __name__, url_prefix="/console/<outlet_slug>/combos")
writes_on_post(bp)


@bp.url_defaults
def _keep_outlet(endpoint: str, values: dict) -> None:
    """Links within the console stay at the outlet of the page."""
    if "outlet_slug" not in values and "console_outlet" in g:
        values["outlet_slug"] = g.console_outlet.slug


@bp.url_value_preprocessor
def _outlet_of_path(_endpoint: str | None, values: dict | None) -> None:
    g.console_outlet_slug = (values or {}).pop("outlet_slug", None)


def _curator() -> Curator:
    """The staff member at the outlet of the path (its own staff, or an admin)."""
    if "console_outlet" not in g:
        outlet = db.session.scalar(select(Outlet).where(Outlet.slug == g.console_outlet_slug))
        if outlet is None:
            raise NotFound(_("No outlet has this address."))
        if not current_user.is_staff_of(outlet.id):
            raise Forbidden(_("You are not on this outlet's staff."))
        g.console_outlet = outlet
    return Curator(current_user, Audience.CONSOLE, g.console_outlet.id)


@bp.get("/")
@role_required(Role.OUTLET_STAFF)
def index():
    """The combos this outlet sells, drafts included."""
    curator = _curator()
    return render_template("combos/curate/index.html", combos=curation.curated_combos(curator),
                           new_url=url_for(".new"), outlet=g.console_outlet,
                           edit=lambda c: url_for(".edit", combo_id=c.id))


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.OUTLET_STAFF)
def new():
    """Put a new combo together for this outlet (a draft until published)."""
    curator = _curator()
    form = editing.combo_form(curator)
    if not form.is_submitted():
        form.outlet_ids.data = [curator.outlet_id]
    done = editing.saved(form, lambda: curation.create_combo(form.to_input(), curator),
                         lambda combo: url_for(".edit", combo_id=combo.id))
    return done or editing.form_page(editing.form_urls(), form,
                                     status=400 if form.is_submitted() else 200)


@bp.route("/<int:combo_id>/edit", methods=["GET", "POST"])
@role_required(Role.OUTLET_STAFF)
def edit(combo_id: int):
    """Change a combo this outlet sells; photos and status below."""
    curator = _curator()
    combo = curation.get_for_curation(combo_id, curator)
    form = editing.combo_form(curator, combo)
    done = editing.saved(form, lambda: curation.update_combo(combo.id, form.to_input(), curator),
                         lambda changed: url_for(".edit", combo_id=changed.id))
    return done or editing.form_page(editing.form_urls(combo.id), form, combo,
                                     status=400 if form.is_submitted() else 200)


@bp.post("/<int:combo_id>/photos")
@role_required(Role.OUTLET_STAFF)
def add_photo(combo_id: int):
    """Upload a photo of the combo: checked, re-encoded and stored outside static/."""
    curator = _curator()
    combo = curation.get_for_curation(combo_id, curator)
    return editing.add_photo(combo, curator, editing.form_urls(combo.id),
                             url_for(".edit", combo_id=combo.id))


@bp.post("/<int:combo_id>/photos/<int:image_id>/remove")
@role_required(Role.OUTLET_STAFF)
def remove_photo(combo_id: int, image_id: int):
    """Take a photo off the combo."""
    return editing.remove_photo(combo_id, image_id, _curator())


@bp.post("/<int:combo_id>/status")
@role_required(Role.OUTLET_STAFF)
def status(combo_id: int):
    """Publish the combo, or take it back to draft."""
    curator = _curator()
    combo = curation.get_for_curation(combo_id, curator)
    return editing.set_status(combo, curator, editing.form_urls(combo.id),
                              url_for(".edit", combo_id=combo.id))
