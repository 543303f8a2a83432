"""Product and product image tables."""

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, and_
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship, validates

from shop.core.models_base import Timestamped
from shop.extensions import db
from shop.ocop.models import Certificate, ProductGroup, ProductSubgroup
from shop.producers.models import Producer


class Product(Timestamped, db.Model):
    """A product a producer makes; it is sold only while its certificate is current."""

    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("price_vnd >= 0", name="price_not_negative"),
        Index("ix_products_price_vnd", "price_vnd"),
        Index("ix_products_created_at", "created_at"),
        # Substring search on folded text: a trigram index on PostgreSQL (SQLite scans).
        # fastupdate off: the catalog is read far more than written, so searches never
        # scan GIN's unsorted pending list.
        Index("ix_products_search_text_trgm", "search_text", postgresql_using="gin",
              postgresql_ops={"search_text": "gin_trgm_ops"},
              postgresql_with={"fastupdate": "off"}).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("product_groups.id"), index=True)
    subgroup_id: Mapped[int | None] = mapped_column(ForeignKey("product_subgroups.id"))
    price_vnd: Mapped[int] = mapped_column(Integer)
    unit_vi: Mapped[str] = mapped_column(String(60), default="")
    unit_en: Mapped[str] = mapped_column(String(60), default="")
    # Always a GTIN-14 (see _gtin14): unique across the 8-, 12-, 13- and 14-digit forms.
    gtin: Mapped[str | None] = mapped_column(String(14), unique=True)
    story_vi: Mapped[str] = mapped_column(Text, default="")
    story_en: Mapped[str] = mapped_column(Text, default="")
    # Sort key for names: folded Vietnamese name, so "Đ" sorts with "D".
    name_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    # Folded (no diacritics, đ -> d) names, producer, province and story; kept by catalog.indexing.
    search_text: Mapped[str] = mapped_column(Text, default="")

    producer: Mapped[Producer] = relationship(lazy="raise_on_sql")
    group: Mapped[ProductGroup] = relationship(lazy="raise_on_sql")
    subgroup: Mapped[ProductSubgroup | None] = relationship(lazy="raise_on_sql")
    images: Mapped[list["ProductImage"]] = relationship(
        back_populates="product", order_by="ProductImage.position", lazy="raise_on_sql",
        cascade="all, delete-orphan",
    )
    certificates: Mapped[list[Certificate]] = relationship(
        back_populates="product", order_by=Certificate.recognized_on.desc(), lazy="raise_on_sql",
        foreign_keys=[Certificate.product_id],
    )
    # The live (newest, not superseded) certificate, whatever its status today.
    certificate: Mapped[Certificate | None] = relationship(
        primaryjoin=lambda: and_(
            Certificate.product_id == Product.id, Certificate.superseded.is_(False)
        ),
        viewonly=True,
        uselist=False,
        lazy="raise_on_sql",
    )

    # The first photo's path, for product cards: loaded by catalog.listing.with_cover() in
    # the product query itself, where loading every photo took a second query per page.
    cover_path: Mapped[str | None] = query_expression()

    @validates("gtin")
    def _gtin14(self, _key: str, value: str | None) -> str | None:
        """Whatever form a GTIN comes in, store its GTIN-14 (checked by trace.gs1 where typed)."""
        digits = "".join(value.split()) if value else ""
        return digits.zfill(14) if digits else None

    def __repr__(self) -> str:
        return f"<Product {self.slug}>"


class ProductImage(db.Model):
    """A photo of a product, stored under the media folder (outside static/)."""

    __tablename__ = "product_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    path: Mapped[str] = mapped_column(String(200))
    alt_vi: Mapped[str] = mapped_column(String(200), default="")
    alt_en: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    product: Mapped[Product] = relationship(back_populates="images")
