"""Outlet staff import their bank's statement: upload, preview what each line would do, apply
all of it at once. Applying the same statement again changes nothing."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.core.errors import InvalidInput, NotFound
from shop.database import writes_on_post
from shop.extensions import db
from shop.orders import statements
from shop.outlets.staff import staffed_outlet
from shop.payments.statements import MAX_STATEMENT_BYTES, LineStatus

bp = Blueprint("statement_console", __name__, url_prefix="/console/<slug>/statements")
writes_on_post(bp)


def _page(outlet, status: int = 200, **context):
    context.setdefault("problems", [])
    return render_template("payments/console/statement.html", outlet=outlet,
                           statuses=LineStatus, **context), status


def _error(outlet, error: InvalidInput):
    return _page(outlet, 400, error=error.message,
                 problems=getattr(error, "problems", [])[1:])


@bp.route("/", methods=["GET", "POST"])
@role_required(Role.OUTLET_STAFF)
def statement(slug: str):
    """Upload a statement CSV; the preview lists matched, short, over, unmatched and
    already-imported lines, and offers to apply them."""
    outlet = staffed_outlet(slug, current_user)
    if request.method == "GET":
        return _page(outlet)
    upload = request.files.get("statement")
    if upload is None or not upload.filename:
        return _page(outlet, 400, error=_("Choose the statement file (CSV) to upload."))
    data = upload.read(MAX_STATEMENT_BYTES + 1)
    try:
        found = statements.preview(outlet.id, data)
        kept = statements.keep(outlet.id, upload.filename, data, current_user)
    except InvalidInput as error:  # StatementError is one, with each problem listed
        db.session.rollback()
        return _error(outlet, error)
    db.session.commit()
    return _page(outlet, reconciliation=found, file_name=kept.file_name, upload_id=kept.id)


@bp.post("/<int:upload_id>/apply")
@role_required(Role.OUTLET_STAFF)
def apply(slug: str, upload_id: int):
    """Record the previewed statement (matched again now, under locks), all or nothing."""
    outlet = staffed_outlet(slug, current_user)
    try:
        kept = statements.kept(outlet.id, upload_id)
    except NotFound:
        abort(404)
    try:
        applied = statements.apply(outlet.id, kept.content, current_user)
    except InvalidInput as error:
        db.session.rollback()
        return _error(outlet, error)
    db.session.commit()
    if applied.recorded:
        flash(_("Statement imported. Transfers recorded: %(lines)d; orders paid: %(orders)d.",
                lines=applied.recorded, orders=len(applied.paid)), "success")
    else:
        flash(_("Nothing new in this statement: nothing changed."), "warning")
    return redirect(url_for("order_console.orders", slug=outlet.slug, show="open"))
