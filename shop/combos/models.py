"""Gift combos, their components, photos and the outlets that sell them."""

import enum

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.catalog.models import Product
from shop.core.models_base import Timestamped, enum_type
from shop.extensions import db
from shop.outlets.models import Outlet
from shop.places.models import Province


class Occasion(enum.StrEnum):
    """The seasons and reasons Vietnamese give OCOP gift sets for."""

    TET = "tet"  # Tết Nguyên Đán, the lunar new year
    MID_AUTUMN = "mid_autumn"  # Tết Trung thu
    WOMEN_MARCH = "women_8_3"  # 8/3, International Women's Day
    WOMEN_OCTOBER = "women_20_10"  # 20/10, Vietnamese Women's Day
    TEACHERS = "teachers_20_11"  # 20/11, Teachers' Day
    REGIONAL = "regional"  # a region's specialities, for visitors to take home


class ComboStatus(enum.StrEnum):
    """Draft combos are seen by their curators only; published ones are sold while listed."""

    DRAFT = "draft"
    PUBLISHED = "published"


class Combo(Timestamped, db.Model):
    """A gift set of two or more listed products sold as one, at its own price."""

    __tablename__ = "combos"
    __table_args__ = (
        CheckConstraint("price_vnd > 0", name="price_positive"),
        CheckConstraint("wrapping_fee_vnd IS NULL OR wrapping_fee_vnd >= 0",
                        name="wrapping_fee_not_negative"),
        Index("ix_combos_price_vnd", "price_vnd"),
        Index("ix_combos_created_at", "created_at"),
        Index("ix_combos_search_text_trgm", "search_text", postgresql_using="gin",
              postgresql_ops={"search_text": "gin_trgm_ops"}).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    story_vi: Mapped[str] = mapped_column(Text, default="")
    story_en: Mapped[str] = mapped_column(Text, default="")
    occasion: Mapped[Occasion] = mapped_column(enum_type(Occasion), index=True)
    # The region the set stands for, when it stands for one.
    province_id: Mapped[int | None] = mapped_column(ForeignKey("provinces.id"), index=True)
    price_vnd: Mapped[int] = mapped_column(Integer)
    offers_message_card: Mapped[bool] = mapped_column(default=True)
    offers_wrapping: Mapped[bool] = mapped_column(default=True)
    # None: wrapping is free (when offered).
    wrapping_fee_vnd: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[ComboStatus] = mapped_column(enum_type(ComboStatus),
                                                default=ComboStatus.DRAFT, index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    name_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    # Folded names, stories, occasion and province; kept by combos.indexing.
    search_text: Mapped[str] = mapped_column(Text, default="")

    province: Mapped[Province | None] = relationship(lazy="raise_on_sql")
    components: Mapped[list["ComboComponent"]] = relationship(
        back_populates="combo", order_by="ComboComponent.id", lazy="raise_on_sql",
        cascade="all, delete-orphan")
    images: Mapped[list["ComboImage"]] = relationship(
        back_populates="combo", order_by="ComboImage.position", lazy="raise_on_sql",
        cascade="all, delete-orphan")
    outlets: Mapped[list["ComboOutlet"]] = relationship(
        back_populates="combo", lazy="raise_on_sql", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<Combo {self.slug}>"


class ComboComponent(db.Model):
    """A product in a combo, and how many of it."""

    __tablename__ = "combo_components"
    __table_args__ = (
        UniqueConstraint("combo_id", "product_id"),
        CheckConstraint("quantity >= 1", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    combo_id: Mapped[int] = mapped_column(ForeignKey("combos.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1)

    combo: Mapped[Combo] = relationship(back_populates="components", lazy="raise_on_sql")
    product: Mapped[Product] = relationship(lazy="raise_on_sql")


class ComboImage(db.Model):
    """A photo of a combo, stored under the media folder (outside static/)."""

    __tablename__ = "combo_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    combo_id: Mapped[int] = mapped_column(ForeignKey("combos.id"), index=True)
    path: Mapped[str] = mapped_column(String(200))
    alt_vi: Mapped[str] = mapped_column(String(200), default="")
    alt_en: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    combo: Mapped[Combo] = relationship(back_populates="images", lazy="raise_on_sql")


class ComboOutlet(db.Model):
    """An outlet that sells the combo."""

    __tablename__ = "combo_outlets"

    combo_id: Mapped[int] = mapped_column(ForeignKey("combos.id"), primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"), primary_key=True,
                                           index=True)

    combo: Mapped[Combo] = relationship(back_populates="outlets", lazy="raise_on_sql")
    outlet: Mapped[Outlet] = relationship(lazy="raise_on_sql")
