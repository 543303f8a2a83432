"""The officers' decision imports: upload with the decision, preview, apply, and the list.

A blueprint nested in the registry's ("ocop"), so its pages live under /registry/imports and
its POSTs take the registry's write lock."""

import io
from pathlib import PurePath

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.core.errors import InvalidInput, InvalidState
from shop.core.pages import requested_page
from shop.extensions import db
from shop.registry.decisions import services
from shop.registry.decisions.columns import COLUMNS, template_headers
from shop.registry.decisions.forms import DecisionImportForm
from shop.registry.decisions.plans import OUTCOME_LABELS
from shop.registry.spreadsheets import CSV_TYPE, XLSX_TYPE, csv_bytes, xlsx_bytes
from shop.web.forms import show_error

bp = Blueprint("decisions", __name__, url_prefix="/imports")
PAGE_SIZE = 50


def _limits():
    return services.limits(current_app.config)


@bp.get("/")
@role_required(Role.OFFICER)
def index():
    """The imports of the officer's provinces, newest first."""
    page = services.imports_page(current_user, requested_page(request.args), PAGE_SIZE)
    return render_template("registry/imports.html", page=page)


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def new():
    """Upload an annex with its decision; a good file goes on to its preview."""
    form = DecisionImportForm(services.provinces_for(current_user))
    if form.validate_on_submit():
        upload = form.file.data
        # One byte past the cap is enough to know the file is too large.
        content = upload.stream.read(current_app.config["DECISION_IMPORT_MAX_BYTES"] + 1)
        try:
            record = services.upload_decision(content, PurePath(upload.filename or "").name,
                                              form.to_input(), current_user, _limits())
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            return redirect(url_for(".preview", import_id=record.id))
    status = 400 if form.is_submitted() else 200
    return render_template("registry/import_new.html", form=form, columns=COLUMNS), status


@bp.get("/<int:import_id>")
@role_required(Role.OFFICER)
def preview(import_id: int):
    """What each row will do, and every error by row and column; or what applying did."""
    record = services.import_for(import_id, current_user)
    plan = earlier = None
    if record.applied_at is None:
        plan = services.plan_for(record, current_user, _limits())
        earlier = services.applied_as(record)
    return render_template("registry/import_preview.html", record=record, plan=plan,
                           earlier=earlier, outcome_labels=OUTCOME_LABELS)


@bp.post("/<int:import_id>/apply")
@role_required(Role.OFFICER)
def apply(import_id: int):
    """Apply every row in one transaction, or none when any row has an error."""
    try:
        record = services.apply_import(import_id, current_user, _limits())
    except (InvalidInput, InvalidState) as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        flash(_("Decision %(number)s applied: %(count)d certificates recorded.",
                number=record.decision_number, count=record.new_certificates), "success")
    return redirect(url_for(".preview", import_id=import_id))


@bp.get("/template-<any(vi, en):language>.<any(xlsx, csv):fmt>")
@role_required(Role.OFFICER)
def template(language: str, fmt: str):
    """The annex template, its headers in Vietnamese or English."""
    headers = template_headers(language)
    if fmt == "xlsx":
        body, mimetype = xlsx_bytes("OCOP", headers, [], widths=[6, 40, 36, 16, 40, 16, 20,
                                                                 16, 8, 8]), XLSX_TYPE
    else:
        body, mimetype = csv_bytes(headers, []), CSV_TYPE
    name = f"{'mau-quyet-dinh-ocop' if language == 'vi' else 'ocop-decision-template'}.{fmt}"
    return send_file(io.BytesIO(body), mimetype=mimetype, as_attachment=True,
                     download_name=name)
