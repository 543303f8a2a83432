"""Officers' producer pages: the producers of their provinces, their records, members and
invitations, and the draft products awaiting evaluation."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.accounts.offices import officer_scope
from shop.catalog.drafts import drafts_in
from shop.core.errors import InvalidInput
from shop.database import writes_on_post
from shop.extensions import db
from shop.members import invitations, membership
from shop.members.forms import InviteForm, ProducerForm
from shop.members.views import join_url
from shop.places.models import Province
from shop.producers import records
from shop.producers.models import Producer
from shop.web.forms import form_status, show_error
from shop.web.i18n import current_language

bp = Blueprint("producer_office", __name__, url_prefix="/office/producers")
writes_on_post(bp)


def _form(producer: Producer | None = None) -> ProducerForm:
    scope = officer_scope(current_user)
    stmt = select(Province).order_by(Province.name)
    if scope is not None:
        stmt = stmt.where(Province.id.in_(sorted(scope)))
    return ProducerForm(list(db.session.scalars(stmt)), producer)


def _invite_form(**kwargs) -> InviteForm:
    # Prefixed: the producer's own email field shares the page.
    return InviteForm(prefix="invite", **kwargs)


def _page(form: ProducerForm, producer: Producer | None = None,
          invite_form: InviteForm | None = None, status: int = 200):
    people = membership.members_of(producer.id) if producer else []
    pending = invitations.open_invitations(producer.id) if producer else []
    return render_template("members/office/form.html", form=form, producer=producer,
                           members=people, pending=pending,
                           remove_endpoint=".remove_member",
                           remove_args={"producer_id": producer.id} if producer else {},
                           invite_form=invite_form or _invite_form(formdata=None)), status


@bp.get("/")
@role_required(Role.OFFICER)
def index():
    """The producers of the officer's provinces, searchable by name or registration number."""
    query = request.args.get("q", "")[:100]
    return render_template("members/office/index.html", query=query,
                           producers=records.producers_in(officer_scope(current_user), query))


def _saved(form: ProducerForm, save, message: str):
    if not form.validate_on_submit():
        return None
    try:
        producer = save(form.to_input())
    except InvalidInput as error:
        show_error(form, error)
        return None
    db.session.commit()
    flash(message % {"name": producer.name}, "success")
    return redirect(url_for(".edit", producer_id=producer.id))


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def new():
    """Record a producer organisation."""
    form = _form()
    saved = _saved(form, lambda data: records.create_producer(data, current_user),
                   _("Producer %(name)s recorded."))
    return saved or _page(form, status=form_status(form))


@bp.route("/<int:producer_id>/edit", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def edit(producer_id: int):
    """Change a producer's record; its members and invitations below."""
    producer = records.office_producer(producer_id, current_user)
    form = _form(producer)
    saved = _saved(form, lambda data: records.update_producer(producer.id, data, current_user),
                   _("Producer %(name)s saved."))
    return saved or _page(form, producer, status=form_status(form))


@bp.post("/<int:producer_id>/invitations")
@role_required(Role.OFFICER)
def invite(producer_id: int):
    """Mail an invitation to join the producer."""
    producer = records.office_producer(producer_id, current_user)
    invite_form = _invite_form()
    if invite_form.validate_on_submit():
        try:
            invitations.invite(producer.id, invite_form.email.data, current_user,
                               current_language(), join_url)
        except InvalidInput as error:
            show_error(invite_form, error)
        else:
            db.session.commit()
            flash(_("Invitation sent to %(email)s.", email=invite_form.email.data), "success")
            return redirect(url_for(".edit", producer_id=producer.id))
    return _page(_form(producer), producer, invite_form, status=400)


@bp.post("/<int:producer_id>/members/<int:membership_id>/remove")
@role_required(Role.OFFICER)
def remove_member(producer_id: int, membership_id: int):
    """Remove a member: their access and open sessions end at once."""
    records.office_producer(producer_id, current_user)
    name = membership.remove_member(membership_id, current_user, producer_id=producer_id)
    db.session.commit()
    flash(_("%(name)s is no longer a member.", name=name), "success")
    return redirect(url_for(".edit", producer_id=producer_id))


@bp.get("/drafts")
@role_required(Role.OFFICER)
def drafts():
    """New products proposed by producers of the officer's provinces, awaiting evaluation."""
    return render_template("members/office/drafts.html",
                           drafts=drafts_in(officer_scope(current_user)))
