"""The trade promotion officer's certificate registry: list, record, revoke."""

import io

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.core.errors import InvalidInput, InvalidState
from shop.core.gs1 import GS1Error
from shop.core.pages import requested_page
from shop.database import writes_on_post
from shop.extensions import db
from shop.ocop.listing_rule import STATUS_LABELS, Status
from shop.registry import services
from shop.registry.decisions.views import bp as decisions_bp
from shop.registry.export import REGISTRY_COLUMNS, REGISTRY_WIDTHS, registry_rows
from shop.registry.forms import (
    LEVEL_LABELS,
    CertificateForm,
    RevocationForm,
    band_hints,
)
from shop.registry.officer_views import bp as officers_bp
from shop.registry.spreadsheets import CSV_TYPE, XLSX_TYPE, csv_bytes, xlsx_bytes
from shop.trace.queries import lot_ref_by_url
from shop.web.forms import form_status, show_error

# Named "ocop" as before the registry had a package of its own: endpoint names stay.
bp = Blueprint("ocop", __name__, url_prefix="/registry")
writes_on_post(bp)
bp.register_blueprint(decisions_bp)
bp.register_blueprint(officers_bp)

PAGE_SIZE = 50
# The registry's tabs; "all" (no status) comes first and shows every certificate.
TABS = (Status.CURRENT, Status.EXPIRING, Status.EXPIRED, Status.REVOKED)


def _requested_status() -> Status | None:
    status_arg = request.args.get("status") or None
    if status_arg is not None and status_arg not in TABS:
        abort(400, _("There is no certificate status called “%(status)s”.", status=status_arg))
    return Status(status_arg) if status_arg else None


@bp.get("/")
@role_required(Role.OFFICER)
def registry():
    """Certificates by status, with a tab and a count for each status, 50 to a page."""
    status = _requested_status()
    page = services.registry_page(status, requested_page(request.args), PAGE_SIZE,
                                  actor=current_user)
    return render_template("registry/registry.html", page=page, status=status, tabs=TABS,
                           columns=REGISTRY_COLUMNS, status_labels=STATUS_LABELS,
                           level_labels=LEVEL_LABELS)


@bp.get("/export.<any(xlsx, csv):fmt>")
@role_required(Role.OFFICER)
def export(fmt: str):
    """The certificates the page shows (the same status, every page), as XLSX or CSV."""
    status = _requested_status()
    rows = registry_rows(services.registry_rows(status, current_user), dates_as_text=fmt == "csv")
    headers = [str(column) for column in REGISTRY_COLUMNS]
    if fmt == "xlsx":
        body, mimetype = xlsx_bytes(_("Certificates"), headers, rows, REGISTRY_WIDTHS), XLSX_TYPE
    else:
        body, mimetype = csv_bytes(headers, rows), CSV_TYPE
    name = f"ocop-registry-{status.value if status else 'all'}.{fmt}"
    return send_file(io.BytesIO(body), mimetype=mimetype, as_attachment=True, download_name=name)


@bp.get("/lots")
@role_required(Role.OFFICER)
def find_lot():
    """Open the lot a scanned trace link names (to recall it)."""
    link = request.args.get("link", "")
    try:
        ref = lot_ref_by_url(link)
    except GS1Error as error:
        flash(_("This is not a lot's trace link: %(reason)s", reason=error), "error")
        return redirect(url_for(".registry"))
    if ref is None:
        flash(_("No lot is on record for this link."), "error")
        return redirect(url_for(".registry"))
    return redirect(url_for("portal.lot", lot_id=ref.id))


@bp.route("/certificates/new", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def new_certificate():
    """Record a certificate for a product; it replaces the product's live one."""
    form = CertificateForm(services.product_choices(current_user),
                           product_id=request.args.get("product", type=int))
    if form.validate_on_submit():
        try:
            certificate = services.record_certificate(form.to_input(), actor=current_user)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Certificate %(number)s recorded.", number=certificate.number), "success")
            return redirect(url_for(".registry"))
    return render_template("registry/new_certificate.html", form=form, bands=band_hints(),
                           level_labels=LEVEL_LABELS), form_status(form)


@bp.route("/certificates/<int:certificate_id>/revoke", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def revoke(certificate_id: int):
    """Confirm and record a revocation decision; the product leaves the catalog at once."""
    form = RevocationForm()
    try:
        certificate = services.certificate_to_revoke(certificate_id, current_user)
        if form.validate_on_submit():
            services.revoke_certificate(certificate.id, form.to_input(), actor=current_user)
            db.session.commit()
            flash(_("Certificate %(number)s revoked; the product has left the catalog.",
                    number=certificate.number), "success")
            return redirect(url_for(".registry", status=Status.REVOKED.value))
    except InvalidState as error:
        flash(error.message, "error")
        return redirect(url_for(".registry", status=Status.REVOKED.value))
    except InvalidInput as error:
        show_error(form, error)
    return render_template("registry/revoke.html", form=form, certificate=certificate,
                           level_labels=LEVEL_LABELS), form_status(form)
