"""Trade fairs, their booths and the products curated for them.

A fair keeps only which products were picked; whether each is shown is the listing rule's,
applied when the fair is read (shop.catalog.listing), so a revoked product leaves at once.
"""

import enum
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.catalog.models import Product
from shop.core.models_base import Timestamped, enum_type
from shop.extensions import db
from shop.places.models import Province
from shop.producers.models import Producer


class FairStatus(enum.StrEnum):
    """Draft (officers only) → published (public) → closed (public, in the past list)."""

    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


class Fair(Timestamped, db.Model):
    """A trade fair or exhibition (hội chợ, triển lãm) where OCOP products are shown."""

    __tablename__ = "fairs"
    __table_args__ = (
        CheckConstraint("starts_on <= ends_on", name="dates_in_order"),
        Index("ix_fairs_status_starts_on", "status", "starts_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    venue: Mapped[str] = mapped_column(String(300))
    province_id: Mapped[int] = mapped_column(ForeignKey("provinces.id"), index=True)
    organiser: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[FairStatus] = mapped_column(enum_type(FairStatus), default=FairStatus.DRAFT)

    province: Mapped[Province] = relationship(lazy="raise_on_sql")
    booths: Mapped[list["Booth"]] = relationship(
        back_populates="fair", order_by="Booth.code", lazy="raise_on_sql",
        cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<Fair {self.slug}>"


class Booth(db.Model):
    """A stand at a fair ("A-12"), given to one producer; its products are shown there."""

    __tablename__ = "fair_booths"
    __table_args__ = (
        UniqueConstraint("fair_id", "code", name="uq_fair_booths_code"),
        UniqueConstraint("fair_id", "producer_id", name="uq_fair_booths_producer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(12))
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)

    fair: Mapped[Fair] = relationship(back_populates="booths", lazy="raise_on_sql")
    producer: Mapped[Producer] = relationship(lazy="raise_on_sql")


class FairProduct(db.Model):
    """A product picked for a fair; it stands at its producer's booth."""

    __tablename__ = "fair_products"
    __table_args__ = (UniqueConstraint("fair_id", "product_id", name="uq_fair_products"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)


class ApplicationStatus(enum.StrEnum):
    """A producer's application to a fair: pending until an officer accepts or declines it."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class FairApplication(Timestamped, db.Model):
    """A producer asking to show some of its listed products at a fair."""

    __tablename__ = "fair_applications"
    __table_args__ = (
        # One open application (pending or accepted) per producer and fair; after a decline
        # the producer may apply again.
        Index("uq_fair_applications_open", "fair_id", "producer_id", unique=True,
              sqlite_where=text("status != 'declined'"),
              postgresql_where=text("status != 'declined'")),
        Index("ix_fair_applications_fair_status", "fair_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"))
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    status: Mapped[ApplicationStatus] = mapped_column(enum_type(ApplicationStatus),
                                                      default=ApplicationStatus.PENDING)
    applied_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str] = mapped_column(Text, default="")

    fair: Mapped[Fair] = relationship(lazy="raise_on_sql")
    producer: Mapped[Producer] = relationship(lazy="raise_on_sql")
    products: Mapped[list["FairApplicationProduct"]] = relationship(
        lazy="raise_on_sql", cascade="all, delete-orphan")


class FairApplicationProduct(db.Model):
    """A product a producer put forward in its application."""

    __tablename__ = "fair_application_products"
    __table_args__ = (UniqueConstraint("application_id", "product_id",
                                       name="uq_fair_application_products"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("fair_applications.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)

    product: Mapped[Product] = relationship(lazy="raise_on_sql")
