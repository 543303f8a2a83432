"""User table and roles."""

import enum

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from shop.extensions import db
from shop.models_base import Timestamped, enum_type
from shop.producers.models import Producer


class Role(enum.StrEnum):
    """What a user is to the shop."""

    CUSTOMER = "customer"
    PRODUCER = "producer"
    OUTLET_STAFF = "outlet_staff"
    OFFICER = "officer"
    ADMIN = "admin"


class User(UserMixin, Timestamped, db.Model):
    """A person with an account; producer members belong to one producer."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_type(Role), default=Role.CUSTOMER)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)

    producer: Mapped[Producer | None] = relationship()

    @property
    def is_active(self) -> bool:
        """Flask-Login: a deactivated account cannot sign in."""
        return self.active

    def set_password(self, password: str) -> None:
        """Hash the password with scrypt (Werkzeug's default KDF)."""
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        """True when `password` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def has_role(self, *roles: Role) -> bool:
        """True when the user holds one of `roles`; admins hold every role."""
        return self.role is Role.ADMIN or self.role in roles

    def is_member_of(self, producer_id: int) -> bool:
        """True for a producer's own members, and for admins, who act for any producer."""
        return self.has_role(Role.ADMIN) or (
            self.role is Role.PRODUCER and self.producer_id == producer_id)
