"""Producers apply to fairs with their listed products; officers accept or decline.

A member applies for their producer to an upcoming fair (a draft or a published one); an
officer whose office covers the producer's province (`Actor.oversees_province`) decides.
Accepting puts the products on the fair (and, when a code is given, the producer at a booth);
declining needs a reason, which the producer reads in the portal. Plain values in; flush.
"""

from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from shop.accounts.models import User
from shop.catalog.listing import listed_product_ids
from shop.catalog.models import Product
from shop.core import clock
from shop.core.actors import Actor
from shop.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from shop.core.text import check_text
from shop.core.urls import absolute_url
from shop.extensions import db
from shop.fairs import services
from shop.fairs.models import (
    ApplicationStatus,
    Booth,
    Fair,
    FairApplication,
    FairApplicationProduct,
    FairProduct,
    FairStatus,
)
from shop.mail import enqueue
from shop.producers.models import Producer

OPEN_FOR_APPLICATIONS = (FairStatus.DRAFT, FairStatus.PUBLISHED)
OPEN_STATUSES = (ApplicationStatus.PENDING, ApplicationStatus.ACCEPTED)
REASON_LIMIT = 2_000


@dataclass(frozen=True)
class Decision:
    """An officer's decision as typed: a booth code to give on acceptance (optional), or the
    reason for declining (required)."""

    booth_code: str = ""
    reason: str = ""


def _upcoming(fair: Fair, today: date) -> bool:
    return fair.status in OPEN_FOR_APPLICATIONS and fair.starts_on > today


def fairs_open_to(today: date | None = None) -> list[Fair]:
    """Fairs a producer may apply to: drafts and published ones not yet begun, soonest first."""
    today = today or clock.today()
    return list(db.session.scalars(
        select(Fair).where(Fair.status.in_(OPEN_FOR_APPLICATIONS), Fair.starts_on > today)
        .options(selectinload(Fair.province)).order_by(Fair.starts_on, Fair.id)))


def _loaded():
    return (joinedload(FairApplication.fair).joinedload(Fair.province),
            joinedload(FairApplication.producer).joinedload(Producer.province),
            selectinload(FairApplication.products).joinedload(FairApplicationProduct.product))


def producer_applications(producer_id: int) -> list[FairApplication]:
    """The producer's applications, newest first, with their fairs and products."""
    return list(db.session.scalars(
        select(FairApplication).where(FairApplication.producer_id == producer_id)
        .options(*_loaded()).order_by(FairApplication.created_at.desc(),
                                      FairApplication.id.desc())).unique())


def open_application(fair_id: int, producer_id: int) -> FairApplication | None:
    """The producer's pending or accepted application to the fair, if any."""
    return db.session.scalar(select(FairApplication).where(
        FairApplication.fair_id == fair_id, FairApplication.producer_id == producer_id,
        FairApplication.status.in_(OPEN_STATUSES)))


def fair_to_apply_to(fair_id: int, today: date | None = None) -> Fair:
    """An upcoming fair open to applications, or NotFound."""
    fair = db.session.scalar(select(Fair).where(Fair.id == fair_id)
                             .options(selectinload(Fair.province)))
    if fair is None or not _upcoming(fair, today or clock.today()):
        raise NotFound(_("This fair takes no applications."))
    return fair


def listed_products_of(producer_id: int, today: date | None = None) -> list[Product]:
    """The producer's products for sale today, by name: the ones it may bring to a fair."""
    return list(db.session.scalars(
        select(Product).where(Product.producer_id == producer_id,
                              Product.id.in_(listed_product_ids(today)))
        .order_by(Product.name_key, Product.id)))


def apply(fair_id: int, producer_id: int, product_ids: list[int], actor: Actor,
          today: date | None = None) -> FairApplication:
    """Apply for the producer to the fair with some of its products listed `today`."""
    if not actor.is_member_of(producer_id):
        raise Forbidden(_("You do not act for this producer."))
    fair = fair_to_apply_to(fair_id, today)
    if open_application(fair.id, producer_id) is not None:
        raise InvalidState(_("Your producer has already applied to this fair; the application "
                             "is shown below."))
    chosen = set(product_ids)
    if not chosen:
        raise InvalidInput(_("Choose at least one product."), "product_ids")
    allowed = {product.id for product in listed_products_of(producer_id, today)}
    if not chosen <= allowed:
        raise InvalidInput(_("Only your products for sale can be shown at a fair."),
                           "product_ids")
    application = FairApplication(
        fair_id=fair.id, producer_id=producer_id, applied_by_id=actor.id,
        status=ApplicationStatus.PENDING,
        products=[FairApplicationProduct(product_id=pid) for pid in sorted(chosen)])
    db.session.add(application)
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        # A colleague's application went in a moment earlier.
        raise InvalidState(_("Your producer has already applied to this fair; the application "
                             "is shown below.")) from None
    return application


def in_scope(applications: list[FairApplication], actor: Actor) -> list[FairApplication]:
    """The applications whose producers' provinces the officer's office covers."""
    return [a for a in applications if actor.oversees_province(a.producer.province_id)]


def fair_applications(fair_id: int, actor: Actor) -> list[FairApplication]:
    """The fair's applications the officer may decide or has seen decided, pending first."""
    pending_first = (FairApplication.status != ApplicationStatus.PENDING)
    return in_scope(list(db.session.scalars(
        select(FairApplication).where(FairApplication.fair_id == fair_id)
        .options(*_loaded()).order_by(pending_first, FairApplication.created_at,
                                      FairApplication.id)).unique()), actor)


def pending_counts(actor: Actor) -> list[tuple[Fair, int]]:
    """Fairs with applications pending in the officer's scope, and how many, soonest first."""
    rows = db.session.execute(
        select(Producer.province_id, FairApplication.fair_id, func.count())
        .join(Producer, Producer.id == FairApplication.producer_id)
        .where(FairApplication.status == ApplicationStatus.PENDING)
        .group_by(Producer.province_id, FairApplication.fair_id))
    counts: dict[int, int] = {}
    for province_id, fair_id, count in rows:
        if actor.oversees_province(province_id):
            counts[fair_id] = counts.get(fair_id, 0) + count
    if not counts:
        return []
    fairs = db.session.scalars(select(Fair).where(Fair.id.in_(counts))
                               .order_by(Fair.starts_on, Fair.id))
    return [(fair, counts[fair.id]) for fair in fairs]


def _pending(application_id: int, actor: Actor) -> FairApplication:
    application = db.session.scalar(select(FairApplication)
                                    .where(FairApplication.id == application_id)
                                    .options(*_loaded()).with_for_update(of=FairApplication))
    if application is None:
        raise NotFound(_("No application has this number."))
    if not actor.oversees_province(application.producer.province_id):
        raise Forbidden(_("This producer is in a province your office does not cover."))
    if application.status is not ApplicationStatus.PENDING:
        raise InvalidState(_("This application has already been decided."))
    return application


def _decided(application: FairApplication, status: ApplicationStatus, actor: Actor,
             now: datetime | None) -> None:
    application.status = status
    application.decided_by_id = actor.id
    application.decided_at = now or clock.utcnow()
    applicant = db.session.get(User, application.applied_by_id) if application.applied_by_id \
        else None
    if applicant is None:
        return
    fair = application.fair
    booth = db.session.scalar(select(Booth.code).where(
        Booth.fair_id == fair.id, Booth.producer_id == application.producer_id))
    # In Vietnamese, as the certificate reminders: a member's language is not recorded.
    enqueue(applicant.email, "fair_decision", "vi", fair=fair.name_vi,
            producer=application.producer.name, accepted=status is ApplicationStatus.ACCEPTED,
            reason=application.reason, booth=booth, url=absolute_url("portal.fairs"),
            dates=f"{fair.starts_on:%d/%m/%Y} – {fair.ends_on:%d/%m/%Y}")


def accept(application_id: int, decision: Decision, actor: Actor,
           now: datetime | None = None) -> FairApplication:
    """Accept: the products join the fair; a booth code given puts the producer at it."""
    application = _pending(application_id, actor)
    fair_id, producer_id = application.fair_id, application.producer_id
    has_booth = db.session.scalar(select(Booth.id).where(
        Booth.fair_id == fair_id, Booth.producer_id == producer_id))
    if decision.booth_code.strip() and not has_booth:
        services.add_booth_for(fair_id, decision.booth_code, producer_id)
    picked = set(db.session.scalars(select(FairProduct.product_id).where(
        FairProduct.fair_id == fair_id)))
    for chosen in application.products:
        if chosen.product_id not in picked:
            db.session.add(FairProduct(fair_id=fair_id, product_id=chosen.product_id))
    _decided(application, ApplicationStatus.ACCEPTED, actor, now)
    db.session.flush()
    return application


def decline(application_id: int, decision: Decision, actor: Actor,
            now: datetime | None = None) -> FairApplication:
    """Decline, with the reason the producer will read."""
    application = _pending(application_id, actor)
    reason = check_text(decision.reason.strip(), "reason", multiline=True)
    if not reason:
        raise InvalidInput(_("Say why the application is declined: the producer reads it."),
                           "reason")
    if len(reason) > REASON_LIMIT:
        raise InvalidInput(_("At most %(limit)d characters.", limit=REASON_LIMIT), "reason")
    application.reason = reason
    _decided(application, ApplicationStatus.DECLINED, actor, now)
    db.session.flush()
    return application


def fair_for_office(fair_id: int) -> Fair:
    """Any fair by its number, for an officer's page of its applications, or NotFound."""
    fair = db.session.scalar(select(Fair).where(Fair.id == fair_id)
                             .options(selectinload(Fair.province)))
    if fair is None:
        raise NotFound(_("No fair has this number."))
    return fair


def fair_id_of(application_id: int) -> int:
    """The fair an application is for, or NotFound."""
    fair_id = db.session.scalar(select(FairApplication.fair_id)
                                .where(FairApplication.id == application_id))
    if fair_id is None:
        raise NotFound(_("No application has this number."))
    return fair_id


def pending_count(fair_id: int, actor: Actor) -> int:
    """How many of the fair's applications await the officer's decision."""
    rows = db.session.execute(
        select(Producer.province_id, func.count())
        .join(FairApplication, FairApplication.producer_id == Producer.id)
        .where(FairApplication.fair_id == fair_id,
               FairApplication.status == ApplicationStatus.PENDING)
        .group_by(Producer.province_id))
    return sum(count for province_id, count in rows if actor.oversees_province(province_id))
