"""Officers' and admins' combo pages: curate combos for the outlets their office covers."""

from flask import Blueprint, render_template, url_for
from flask_login import current_user

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.combos import curation
from shop.combos.curation import Audience, Curator
from shop.combos.views import editing
from shop.database import writes_on_post

bp = Blueprint("combo_office", __name__, url_prefix="/office/combos")
writes_on_post(bp)


def _curator() -> Curator:
    return Curator(current_user, Audience.OFFICE)


@bp.get("/")
@role_required(Role.OFFICER)
def index():
    """Every combo the officer may curate, drafts included."""
    return render_template("combos/curate/index.html", combos=curation.curated_combos(
        _curator()), new_url=url_for(".new"), edit=lambda c: url_for(".edit", combo_id=c.id),
        outlet=None)


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def new():
    """Put a new combo together (a draft until published)."""
    form = editing.combo_form(_curator())
    done = editing.saved(form, lambda: curation.create_combo(form.to_input(), _curator()),
                         lambda combo: url_for(".edit", combo_id=combo.id))
    return done or editing.form_page(editing.form_urls(), form,
                                     status=400 if form.is_submitted() else 200)


@bp.route("/<int:combo_id>/edit", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def edit(combo_id: int):
    """Change a combo: names, story, price, components, outlets; photos and status below."""
    combo = curation.get_for_curation(combo_id, _curator())
    form = editing.combo_form(_curator(), combo)
    done = editing.saved(form, lambda: curation.update_combo(combo.id, form.to_input(),
                                                             _curator()),
                         lambda changed: url_for(".edit", combo_id=changed.id))
    return done or editing.form_page(editing.form_urls(combo.id), form, combo,
                                     status=400 if form.is_submitted() else 200)


@bp.post("/<int:combo_id>/photos")
@role_required(Role.OFFICER)
def add_photo(combo_id: int):
    """Upload a photo of the combo: checked, re-encoded and stored outside static/."""
    combo = curation.get_for_curation(combo_id, _curator())
    return editing.add_photo(combo, _curator(), editing.form_urls(combo.id),
                             url_for(".edit", combo_id=combo.id))


@bp.post("/<int:combo_id>/photos/<int:image_id>/remove")
@role_required(Role.OFFICER)
def remove_photo(combo_id: int, image_id: int):
    """Take a photo off the combo."""
    return editing.remove_photo(combo_id, image_id, _curator())


@bp.post("/<int:combo_id>/status")
@role_required(Role.OFFICER)
def status(combo_id: int):
    """Publish the combo, or take it back to draft."""
    combo = curation.get_for_curation(combo_id, _curator())
    return editing.set_status(combo, _curator(), editing.form_urls(combo.id),
                              url_for(".edit", combo_id=combo.id))
