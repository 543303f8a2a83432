"""Certificates coming due: 90 and 30 days before a certificate expires, its producer's
members and the officers of its province's office are mailed, once each.

National officers are not mailed: they would get every reminder in the country; the
registry's "Expiring within 90 days" tab is their list of re-evaluations due.
"""

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from shop.accounts.models import Membership, OrganisationKind, User
from shop.catalog.models import Product
from shop.core.clock import local_date
from shop.extensions import db
from shop.mail import enqueue
from shop.members.models import DueReminder
from shop.ocop.listing_rule import certificate_is_current
from shop.ocop.models import Certificate
from shop.producers.models import Producer

# The reminders, furthest first: a certificate first seen 20 days before its expiry gets the
# 30-day one only.
THRESHOLDS = (90, 30)


def threshold_for(expires_on: date, today: date) -> int | None:
    """The reminder due for a certificate expiring on `expires_on`: 30, 90 or None."""
    days_left = (expires_on - today).days
    due = [t for t in THRESHOLDS if days_left <= t]
    return min(due) if due else None


def _recipients(producer: Producer) -> list[str]:
    """The producer's active members, and the active officers of its province's office."""
    members = select(User.email).join(Membership, Membership.user_id == User.id).where(
        User.active.is_(True),
        ((Membership.kind == OrganisationKind.PRODUCER) & (Membership.producer_id == producer.id))
        | ((Membership.kind == OrganisationKind.OFFICE)
           & (Membership.province_id == producer.province_id)))
    return sorted(set(db.session.scalars(members)))


def _record(certificate_id: int, threshold: int, recipient: str, now: datetime) -> bool:
    """Record the reminder; False when it was sent before (the unique key decides)."""
    dialect = {"postgresql": postgresql, "sqlite": sqlite}[db.engine.dialect.name]
    # RETURNING says whether a row went in (the ORM's rowcount is not reliable on psycopg).
    return db.session.execute(dialect.insert(DueReminder).values(
        certificate_id=certificate_id, threshold_days=threshold, recipient=recipient,
        sent_at=now).on_conflict_do_nothing().returning(DueReminder.id)).first() is not None


def send_due_reminders(now: datetime) -> int:
    """Periodic job: queue each reminder due today not sent before; how many were queued."""
    today = local_date(now)
    due = db.session.execute(
        select(Certificate, Product, Producer)
        .join(Product, Product.id == Certificate.product_id)
        .join(Producer, Producer.id == Product.producer_id)
        .where(certificate_is_current(today),
               Certificate.expires_on <= today + timedelta(days=max(THRESHOLDS)))
        .order_by(Certificate.expires_on, Certificate.id)).all()
    queued = 0
    for certificate, product, producer in due:
        threshold = threshold_for(certificate.expires_on, today)
        for recipient in _recipients(producer):
            if _record(certificate.id, threshold, recipient, now):
                enqueue(recipient, "certificate_due", "vi", product=product.name_vi,
                        producer=producer.name, number=certificate.number,
                        expires_on=certificate.expires_on.strftime("%d/%m/%Y"),
                        days=(certificate.expires_on - today).days, stars=certificate.stars)
                queued += 1
    db.session.flush()
    return queued
