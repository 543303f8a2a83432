"""Producer table."""

import enum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.core.models_base import Timestamped, enum_type
from shop.extensions import db
from shop.places.models import Province


class ProducerKind(enum.StrEnum):
    """The four kinds of OCOP producer."""

    COOPERATIVE = "cooperative"
    COMPANY = "company"
    COOPERATIVE_GROUP = "cooperative_group"
    HOUSEHOLD = "household"


class Producer(Timestamped, db.Model):
    """A cooperative, firm, cooperative group or household business making OCOP products."""

    __tablename__ = "producers"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ProducerKind] = mapped_column(enum_type(ProducerKind))
    registration_number: Mapped[str] = mapped_column(String(40), unique=True)
    address: Mapped[str] = mapped_column(String(300))
    province_id: Mapped[int] = mapped_column(ForeignKey("provinces.id"), index=True)
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(200), default="")

    province: Mapped[Province] = relationship(lazy="joined", innerjoin=True)

    def __repr__(self) -> str:
        return f"<Producer {self.slug}>"
