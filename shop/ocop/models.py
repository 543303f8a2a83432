"""Product groups and OCOP certificates."""

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.core.models_base import Timestamped, enum_type
from shop.extensions import db


class ProductGroup(db.Model):
    """One of the six OCOP product groups (ngành hàng)."""

    __tablename__ = "product_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[int] = mapped_column(SmallInteger, unique=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name_vi: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))

    subgroups: Mapped[list["ProductSubgroup"]] = relationship(
        back_populates="group", order_by="ProductSubgroup.id"
    )


class ProductSubgroup(db.Model):
    """A sub-group within a product group (e.g. tea and coffee within beverages)."""

    __tablename__ = "product_subgroups"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("product_groups.id"), index=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name_vi: Mapped[str] = mapped_column(String(160))
    name_en: Mapped[str] = mapped_column(String(160))

    group: Mapped[ProductGroup] = relationship(back_populates="subgroups")


class Level(enum.StrEnum):
    """The council level that recognised a certificate."""

    DISTRICT = "district"
    PROVINCE = "province"
    NATIONAL = "national"


class Certificate(Timestamped, db.Model):
    """An OCOP recognition decision for one product, valid 36 months unless revoked.

    A product keeps its history of certificates; only the newest is live
    (`superseded` is false), which a partial unique index enforces.
    """

    __tablename__ = "certificates"
    __table_args__ = (
        CheckConstraint("stars BETWEEN 1 AND 5", name="stars_range"),
        CheckConstraint("score BETWEEN 0 AND 100", name="score_range"),
        CheckConstraint("expires_on > recognized_on", name="expiry_after_recognition"),
        Index(
            "uq_certificates_live_product",
            "product_id",
            unique=True,
            sqlite_where=text("NOT superseded"),
            postgresql_where=text("NOT superseded"),
        ),
        Index("ix_certificates_listing", "superseded", "expires_on", "stars"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    number: Mapped[str] = mapped_column(String(60))
    authority: Mapped[str] = mapped_column(String(200))
    level: Mapped[Level] = mapped_column(enum_type(Level))
    score: Mapped[int] = mapped_column(SmallInteger)
    score_a: Mapped[int | None] = mapped_column(SmallInteger)
    score_b: Mapped[int | None] = mapped_column(SmallInteger)
    score_c: Mapped[int | None] = mapped_column(SmallInteger)
    stars: Mapped[int] = mapped_column(SmallInteger)
    recognized_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date, index=True)
    superseded: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    revoked_on: Mapped[date | None] = mapped_column(Date)
    revocation_number: Mapped[str | None] = mapped_column(String(60))
    revocation_reason: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    product: Mapped["Product"] = relationship(  # noqa: F821
        back_populates="certificates", foreign_keys=[product_id]
    )
