"""What the office's and the console's combo pages share: the form, its page, saving.

Both audiences curate through the same services; only the Curator (who, from where) and the
endpoints differ, so each audience's module stays a list of thin routes.
"""

from collections.abc import Callable

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from shop.combos import curation
from shop.combos.forms import ComboForm, PhotoForm, StatusForm
from shop.combos.models import Combo
from shop.core.errors import InvalidInput
from shop.extensions import db
from shop.places.models import Province
from shop.uploads import MAX_PHOTO_BYTES
from shop.web.forms import form_status, show_error


def form_urls(combo_id: int | None = None) -> dict:
    """The form page's links, in the blueprint that serves it (office or console)."""
    if combo_id is None:
        return {"action": url_for(".new"), "back": url_for(".index")}
    return {"action": url_for(".edit", combo_id=combo_id), "back": url_for(".index"),
            "photos": url_for(".add_photo", combo_id=combo_id),
            "status": url_for(".status", combo_id=combo_id),
            "remove_photo": lambda image_id: url_for(".remove_photo", combo_id=combo_id,
                                                     image_id=image_id)}


def combo_form(curator: curation.Curator, combo: Combo | None = None, **kwargs) -> ComboForm:
    """The combo form with its choices: listed products, the curator's outlets, provinces."""
    provinces = list(db.session.scalars(select(Province).order_by(Province.name)))
    return ComboForm(curation.choosable_products(), curation.choosable_outlets(curator),
                     provinces, combo, **kwargs)


def form_page(urls: dict, form: ComboForm, combo: Combo | None = None,
              photo_form: PhotoForm | None = None, status: int = 200):
    """The combo's page for its curators: the form, its photos, its status."""
    return render_template(
        "combos/curate/form.html", form=form, combo=combo, urls=urls,
        photo_form=photo_form or PhotoForm(formdata=None),
        status_form=StatusForm(formdata=None), max_photos=curation.MAX_PHOTOS,
        max_photo_mb=MAX_PHOTO_BYTES // (1024 * 1024)), status


def saved(form: ComboForm, save: Callable[[], Combo], edit_url: Callable[[Combo], str]):
    """Save a valid form through `save`: the redirect to the combo's page, or None (the form
    is shown again, with the service's error on its field)."""
    if not form.validate_on_submit():
        return None
    try:
        combo = save()
    except InvalidInput as error:
        form.show_error(error)
        return None
    db.session.commit()
    flash(_("Combo %(name)s saved.", name=combo.name_vi), "success")
    return redirect(edit_url(combo))


def add_photo(combo: Combo, curator: curation.Curator, urls: dict, edit_url: str):
    """Store an uploaded photo, or show the page again with what went wrong."""
    form = PhotoForm()
    if form.validate_on_submit():
        try:
            curation.add_photo(combo.id, form.photo.data.stream, form.alt_vi.data,
                               form.alt_en.data, curator,
                               media_root=current_app.config["MEDIA_ROOT"])
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Photo added."), "success")
            return redirect(edit_url)
    return form_page(urls, combo_form(curator, combo, formdata=None), combo, form, 400)


def set_status(combo: Combo, curator: curation.Curator, urls: dict, edit_url: str):
    """Publish or withdraw the combo; a refusal says why on the page."""
    form = StatusForm()
    if form.validate_on_submit():
        try:
            curation.set_status(combo.id, form.status.data, curator)
        except InvalidInput as error:
            db.session.rollback()
            fresh = curation.get_for_curation(combo.id, curator)
            page_form = combo_form(curator, fresh, formdata=None)
            page_form.form_errors.append(error.message)
            return form_page(urls, page_form, fresh, status=400)
        db.session.commit()
        flash(_("Combo published.") if form.status.data.value == "published"
              else _("Combo taken back to draft."), "success")
        return redirect(edit_url)
    return form_page(urls, combo_form(curator, combo, formdata=None), combo,
                     status=form_status(form))


def remove_photo(combo_id: int, image_id: int, curator: curation.Curator):
    """Take a photo off the combo, back to its form."""
    curation.remove_photo(combo_id, image_id, curator)
    db.session.commit()
    flash(_("Photo removed."), "success")
    return redirect(url_for(".edit", combo_id=combo_id))
