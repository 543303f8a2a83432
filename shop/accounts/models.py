"""Users, their memberships of organisations, and their signed-in sessions."""

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from shop.core.models_base import Timestamped, enum_type
from shop.extensions import db
from shop.producers.models import Producer


class Role(enum.StrEnum):
    """What a user is to the shop."""

    CUSTOMER = "customer"
    PRODUCER = "producer"
    OUTLET_STAFF = "outlet_staff"
    OFFICER = "officer"
    ADMIN = "admin"


class OrganisationKind(enum.StrEnum):
    """The kinds of organisation a person can belong to."""

    PRODUCER = "producer"
    OUTLET = "outlet"
    OFFICE = "office"


# The role a membership of each kind of organisation gives.
MEMBERSHIP_ROLES = {
    OrganisationKind.PRODUCER: Role.PRODUCER,
    OrganisationKind.OUTLET: Role.OUTLET_STAFF,
    OrganisationKind.OFFICE: Role.OFFICER,
}


class Membership(Timestamped, db.Model):
    """A person's place in one organisation: a producer's member, an outlet's staff, or an
    officer of a province's OCOP office (no province: the national office)."""

    __tablename__ = "memberships"
    __table_args__ = (
        CheckConstraint(
            "(kind = 'producer') = (producer_id IS NOT NULL)"
            " AND (kind = 'outlet') = (outlet_id IS NOT NULL)"
            " AND (kind = 'office' OR province_id IS NULL)", name="one_organisation"),
        # One membership per person and producer (or outlet); NULLs are distinct, so partial
        # indexes.
        Index("uq_memberships_user_producer", "user_id", "producer_id", unique=True,
              sqlite_where=db.text("producer_id IS NOT NULL"),
              postgresql_where=db.text("producer_id IS NOT NULL")),
        Index("uq_memberships_user_outlet", "user_id", "outlet_id", unique=True,
              sqlite_where=db.text("outlet_id IS NOT NULL"),
              postgresql_where=db.text("outlet_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[OrganisationKind] = mapped_column(enum_type(OrganisationKind))
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id"), index=True)
    # An outlet's staff: the table belongs to shop.outlets, named here by its key alone so
    # that accounts imports nothing above it.
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    province_id: Mapped[int | None] = mapped_column(ForeignKey("provinces.id"))

    producer: Mapped[Producer | None] = relationship(lazy="raise_on_sql")

    @property
    def role(self) -> Role:
        """The role this membership gives its holder."""
        return MEMBERSHIP_ROLES[self.kind]


class User(UserMixin, Timestamped, db.Model):
    """A person with an account, belonging to organisations through memberships."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_type(Role), default=Role.CUSTOMER)
    active: Mapped[bool] = mapped_column(default=True)
    # Set when the person followed the link mailed to them; until then they cannot sign in.
    email_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    # Loaded with the user (one query), so every permission check on a page is free.
    memberships: Mapped[list[Membership]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by=Membership.id)

    # The signed-in session this user object was loaded for (see shop.accounts.sessions).
    session_token = None  # str | None; not a column

    @property
    def is_active(self) -> bool:
        """Flask-Login: a deactivated account cannot sign in."""
        return self.active

    def get_id(self) -> str | None:
        """Flask-Login: the session's token, so that ending the session on the server ends it
        in every cookie holding it."""
        return self.session_token

    def set_password(self, password: str) -> None:
        """Hash the password with scrypt (Werkzeug's default KDF)."""
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        """True when `password` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def has_role(self, *roles: Role) -> bool:
        """True when the account or one of its memberships holds one of `roles`; admins hold
        every role."""
        if self.role is Role.ADMIN or self.role in roles:
            return True
        return any(membership.role in roles for membership in self.memberships)

    def is_member_of(self, producer_id: int) -> bool:
        """True for a producer's own members, and for admins, who act for any producer."""
        return self.role is Role.ADMIN or producer_id in self.producer_ids

    @property
    def producer_ids(self) -> list[int]:
        """The producers this person is a member of, oldest membership first."""
        return [m.producer_id for m in self.memberships if m.kind is OrganisationKind.PRODUCER]

    def is_staff_of(self, outlet_id: int) -> bool:
        """True for an outlet's own staff, and for admins, who act for any outlet."""
        return self.role is Role.ADMIN or outlet_id in self.outlet_ids

    @property
    def outlet_ids(self) -> list[int]:
        """The outlets this person works at, oldest membership first."""
        return [m.outlet_id for m in self.memberships if m.kind is OrganisationKind.OUTLET]

    def oversees_province(self, province_id: int) -> bool:
        """True for admins, officers of the national office or of this province's, and
        officer accounts belonging to no office (the registry's officers, national)."""
        if self.role is Role.ADMIN:
            return True
        offices = [m.province_id for m in self.memberships if m.kind is OrganisationKind.OFFICE]
        if offices:
            return None in offices or province_id in offices
        return self.role is Role.OFFICER


class UserSession(db.Model):
    """A signed-in session; the cookie holds its token, the database only the token's hash."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(lazy="raise_on_sql")
