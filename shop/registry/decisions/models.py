"""Uploaded decision files and their imports."""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.accounts.models import User
from shop.core.clock import utcnow
from shop.core.models_base import Timestamped, enum_type
from shop.extensions import db
from shop.ocop.models import Level
from shop.places.models import Province


class DecisionFile(db.Model):
    """A file as uploaded, kept by the SHA-256 of its bytes: apply reads exactly what was
    previewed. In the database, so every app server sees it and it commits with its import."""

    __tablename__ = "decision_files"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DecisionImport(Timestamped, db.Model):
    """One upload of a decision's annex with the decision it carries; applied at most once.

    The same file applied under the same decision number is one import: a partial unique
    index allows one applied import per (digest, decision number).
    """

    __tablename__ = "decision_imports"
    __table_args__ = (
        Index("uq_decision_imports_applied", "digest", "decision_number", unique=True,
              sqlite_where=text("applied_at IS NOT NULL"),
              postgresql_where=text("applied_at IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(ForeignKey("decision_files.digest"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    file_format: Mapped[str] = mapped_column(String(4))
    decision_number: Mapped[str] = mapped_column(String(60))
    decided_on: Mapped[date] = mapped_column(Date)
    authority: Mapped[str] = mapped_column(String(200))
    level: Mapped[Level] = mapped_column(enum_type(Level))
    province_id: Mapped[int] = mapped_column(ForeignKey("provinces.id"), index=True)
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    rows: Mapped[int] = mapped_column(Integer, default=0)
    applied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    applied_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # What applying did, for the list of imports.
    new_producers: Mapped[int] = mapped_column(Integer, default=0)
    new_products: Mapped[int] = mapped_column(Integer, default=0)
    new_certificates: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)

    file: Mapped[DecisionFile] = relationship(lazy="raise_on_sql")
    province: Mapped[Province] = relationship(lazy="raise_on_sql")
    uploaded_by: Mapped[User] = relationship(lazy="raise_on_sql", foreign_keys=[uploaded_by_id])
