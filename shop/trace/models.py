"""Raw-material zones, production lots and their inputs, serialised units, label runs, scans."""

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.accounts.models import User
from shop.catalog.models import Product
from shop.core.clock import utcnow
from shop.core.models_base import Timestamped, enum_type
from shop.extensions import db
from shop.places.models import Province
from shop.producers.models import Producer


class CropCycle(enum.StrEnum):
    """Perennial crops (trees, tea) need 1 ha for a planting-area code, annual ones 0.1 ha."""

    PERENNIAL = "perennial"
    ANNUAL = "annual"


class Standard(enum.StrEnum):
    """The farming standard a zone is run under."""

    VIETGAP = "vietgap"
    GLOBALGAP = "globalgap"
    ORGANIC = "organic"
    NONE = "none"


class ZoneStatus(enum.StrEnum):
    """A planting-area code is issued (active), suspended or cancelled."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


class Zone(Timestamped, db.Model):
    """A raw-material zone (vùng nguyên liệu) identified by its planting-area code."""

    __tablename__ = "zones"
    __table_args__ = (
        CheckConstraint("area_ha > 0", name="area_positive"),
        CheckConstraint("expected_yield_kg > 0", name="yield_positive"),
        CheckConstraint("seasons_per_year BETWEEN 1 AND 4", name="seasons_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    crop: Mapped[str] = mapped_column(String(120))
    variety: Mapped[str] = mapped_column(String(120), default="")
    cycle: Mapped[CropCycle] = mapped_column(enum_type(CropCycle))
    area_ha: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    commune: Mapped[str] = mapped_column(String(120))
    district: Mapped[str] = mapped_column(String(120), default="")
    province_id: Mapped[int] = mapped_column(ForeignKey("provinces.id"), index=True)
    latitude: Mapped[Decimal | None] = mapped_column(Numeric(9, 6))
    longitude: Mapped[Decimal | None] = mapped_column(Numeric(9, 6))
    standard: Mapped[Standard] = mapped_column(enum_type(Standard), default=Standard.NONE)
    standard_certificate: Mapped[str] = mapped_column(String(60), default="")
    standard_expires_on: Mapped[date | None] = mapped_column(Date)
    # Expected harvest per season; what the zone's lots draw in a season may not exceed it.
    expected_yield_kg: Mapped[int] = mapped_column(Integer)
    seasons_per_year: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[ZoneStatus] = mapped_column(enum_type(ZoneStatus), default=ZoneStatus.ACTIVE)

    producer: Mapped[Producer] = relationship(lazy="raise_on_sql")
    province: Mapped[Province] = relationship(lazy="raise_on_sql")

    def __repr__(self) -> str:
        return f"<Zone {self.code}>"


class Lot(Timestamped, db.Model):
    """A production lot of a product: what one lot number on a package stands for."""

    __tablename__ = "lots"
    __table_args__ = (
        UniqueConstraint("product_id", "code", name="uq_lots_product_code"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("expires_on >= produced_on", name="expiry_after_production"),
        Index("ix_lots_produced_on", "produced_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    code: Mapped[str] = mapped_column(String(20))
    # The short, non-GS1 trace path (/t/<token>) for products without a GTIN.
    token: Mapped[str] = mapped_column(String(16), unique=True)
    produced_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(30))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recalled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    recall_reason: Mapped[str] = mapped_column(Text, default="")
    recalled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    product: Mapped[Product] = relationship(lazy="raise_on_sql")
    inputs: Mapped[list["LotInput"]] = relationship(
        back_populates="lot", order_by="LotInput.harvested_on", lazy="raise_on_sql",
        cascade="all, delete-orphan",
    )
    recalled_by: Mapped[User | None] = relationship(foreign_keys=[recalled_by_id],
                                                    lazy="raise_on_sql")

    @property
    def recalled(self) -> bool:
        """True once the lot has been recalled."""
        return self.recalled_at is not None

    def __repr__(self) -> str:
        return f"<Lot {self.code}>"


class LotInput(db.Model):
    """Raw material a lot drew from one zone: harvest date and kilograms."""

    __tablename__ = "lot_inputs"
    __table_args__ = (
        CheckConstraint("quantity_kg > 0", name="quantity_positive"),
        # Mass balance sums a zone's harvests by date.
        Index("ix_lot_inputs_zone_harvest", "zone_id", "harvested_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id", ondelete="CASCADE"), index=True)
    zone_id: Mapped[int] = mapped_column(ForeignKey("zones.id"))
    harvested_on: Mapped[date] = mapped_column(Date)
    quantity_kg: Mapped[int] = mapped_column(Integer)

    lot: Mapped[Lot] = relationship(back_populates="inputs")
    zone: Mapped[Zone] = relationship(lazy="raise_on_sql")


class LabelRun(db.Model):
    """One print of a lot's labels: its size, count, and for serialised runs the serials."""

    __tablename__ = "label_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), index=True)
    size: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(Integer)
    serialised: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    lot: Mapped[Lot] = relationship(lazy="raise_on_sql")


class Unit(db.Model):
    """A serialised unit: one random serial printed on one package, with its scan counter."""

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("lot_id", "serial", name="uq_units_lot_serial"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"))
    run_id: Mapped[int] = mapped_column(ForeignKey("label_runs.id"), index=True)
    serial: Mapped[str] = mapped_column(String(20), index=True)
    scan_count: Mapped[int] = mapped_column(Integer, default=0)
    first_scanned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_scanned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    lot: Mapped[Lot] = relationship(lazy="raise_on_sql")
    run: Mapped[LabelRun] = relationship(lazy="raise_on_sql")


class Scan(db.Model):
    """One resolve of a code; no personal data: what was asked and when."""

    __tablename__ = "scans"

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    # A serial asked for that was never issued: kept to spot counterfeits.
    unknown_serial: Mapped[str | None] = mapped_column(String(20))
    scanned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
