"""Outlet points, their opening hours and delivery fees, and the banks they are paid through."""

import enum
from datetime import time
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.core.models_base import Timestamped, enum_type
from shop.extensions import db
from shop.places.models import Province


class OutletKind(enum.StrEnum):
    """What an outlet is: the names provinces give them in their OCOP plans."""

    CENTRE = "centre"  # trung tâm giới thiệu và bán sản phẩm OCOP
    POINT = "point"  # điểm bán hàng OCOP
    PARTNER = "partner"  # a partner shop selling OCOP products among others


class OutletStatus(enum.StrEnum):
    """Open sells; paused takes no orders for a while (stock kept); closed is for good."""

    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


class Bank(db.Model):
    """A NAPAS member bank, by the BIN that VietQR payloads carry (seeded by a migration)."""

    __tablename__ = "banks"

    bin: Mapped[str] = mapped_column(String(6), primary_key=True)
    short_name: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))

    def __repr__(self) -> str:
        return f"<Bank {self.short_name}>"


class Outlet(Timestamped, db.Model):
    """An OCOP outlet point or introduction-and-sales centre, run by an operator."""

    __tablename__ = "outlets"
    __table_args__ = (
        CheckConstraint("offers_pickup OR offers_delivery", name="some_fulfilment"),
        CheckConstraint("accepts_vietqr OR accepts_cash_pickup OR accepts_cod",
                        name="some_payment"),
        CheckConstraint("offers_pickup OR NOT accepts_cash_pickup", name="cash_needs_pickup"),
        CheckConstraint("offers_delivery OR NOT accepts_cod", name="cod_needs_delivery"),
        CheckConstraint("bank_bin IS NOT NULL OR NOT accepts_vietqr", name="vietqr_needs_bank"),
        CheckConstraint("free_delivery_from_vnd >= 0", name="threshold_not_negative"),
        CheckConstraint("latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180",
                        name="point_on_earth"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[OutletKind] = mapped_column(enum_type(OutletKind))
    operator_name: Mapped[str] = mapped_column(String(200))
    # Mã số thuế: 10 digits, or 10-3 for a branch ("0101234567-001").
    operator_tax_code: Mapped[str] = mapped_column(String(14))
    street: Mapped[str] = mapped_column(String(200))
    commune: Mapped[str] = mapped_column(String(120))
    province_id: Mapped[int] = mapped_column(ForeignKey("provinces.id"), index=True)
    latitude: Mapped[Decimal] = mapped_column(Numeric(9, 6))
    longitude: Mapped[Decimal] = mapped_column(Numeric(9, 6))
    # National form, digits only (shop.core.phones).
    phone: Mapped[str] = mapped_column(String(11))
    email: Mapped[str] = mapped_column(String(254), default="")
    bank_bin: Mapped[str | None] = mapped_column(ForeignKey("banks.bin"))
    bank_account: Mapped[str] = mapped_column(String(19), default="")
    bank_account_name: Mapped[str] = mapped_column(String(100), default="")
    offers_pickup: Mapped[bool] = mapped_column(default=True)
    offers_delivery: Mapped[bool] = mapped_column(default=False)
    # Orders of at least this total travel free; None: delivery is never free.
    free_delivery_from_vnd: Mapped[int | None] = mapped_column(Integer)
    accepts_vietqr: Mapped[bool] = mapped_column(default=False)
    accepts_cash_pickup: Mapped[bool] = mapped_column(default=True)
    accepts_cod: Mapped[bool] = mapped_column(default=False)
    status: Mapped[OutletStatus] = mapped_column(enum_type(OutletStatus),
                                                 default=OutletStatus.OPEN, index=True)

    province: Mapped[Province] = relationship(lazy="raise_on_sql")
    bank: Mapped[Bank | None] = relationship(lazy="raise_on_sql")
    hours: Mapped[list["OpeningHours"]] = relationship(
        order_by="(OpeningHours.weekday, OpeningHours.opens_at)", lazy="raise_on_sql",
        cascade="all, delete-orphan")
    delivery_fees: Mapped[list["DeliveryFee"]] = relationship(
        order_by="DeliveryFee.province_id", lazy="raise_on_sql", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<Outlet {self.slug}>"


class OpeningHours(db.Model):
    """One opening span on a weekday (0 Monday … 6 Sunday); a day without spans is closed.
    Two spans make a day with a midday break, as many Vietnamese shops keep."""

    __tablename__ = "outlet_hours"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("closes_at > opens_at", name="closes_after_opening"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id", ondelete="CASCADE"),
                                           index=True)
    weekday: Mapped[int] = mapped_column(SmallInteger)
    opens_at: Mapped[time] = mapped_column(Time)
    closes_at: Mapped[time] = mapped_column(Time)


class DeliveryFee(db.Model):
    """A province an outlet delivers to, at a flat fee in đồng."""

    __tablename__ = "outlet_delivery_fees"
    __table_args__ = (
        UniqueConstraint("outlet_id", "province_id", name="uq_outlet_delivery_fees_province"),
        CheckConstraint("fee_vnd >= 0", name="fee_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id", ondelete="CASCADE"))
    # Which outlets deliver to a shopper's province: the cart asks.
    province_id: Mapped[int] = mapped_column(ForeignKey("provinces.id"), index=True)
    fee_vnd: Mapped[int] = mapped_column(Integer)

    province: Mapped[Province] = relationship(lazy="raise_on_sql")
