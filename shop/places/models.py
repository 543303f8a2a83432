"""Province table."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from shop.extensions import db


class Province(db.Model):
    """A provincial unit; `former_names` keeps pre-2025 names searchable."""

    __tablename__ = "provinces"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    former_names: Mapped[str] = mapped_column(String(400), default="")

    def __repr__(self) -> str:
        return f"<Province {self.slug}>"
