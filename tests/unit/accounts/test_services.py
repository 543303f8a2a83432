"""Registering customers and checking credentials, without a request."""

import re

import pytest
from sqlalchemy import func, select

from shop.accounts import services
from shop.accounts.models import Role, User
from shop.core.errors import Forbidden, InvalidInput
from shop.extensions import db
from shop.mail.models import MailMessage
from tests.factories import PASSWORD, UserFactory

LINKS = services.MailLinks(language="vi", sign_in_url="https://ocop.example.vn/sign-in",
                           confirm_url=lambda token: f"https://ocop.example.vn/c/{token}")


def queued() -> list[MailMessage]:
    return list(db.session.scalars(select(MailMessage).order_by(MailMessage.id)))


def registered(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def test_a_new_customer_is_registered_unconfirmed_and_mailed_a_link(session):
    services.sign_up("  Trần Thị Lan ", "  Lan@Example.VN ", PASSWORD, LINKS)

    user = registered("lan@example.vn")
    assert (user.name, user.role, user.active, user.email_confirmed_at) == (
        "Trần Thị Lan", Role.CUSTOMER, True, None)
    [mail] = queued()
    assert (mail.to_address, mail.template, mail.language) == (
        "lan@example.vn", "confirm_email", "vi")
    token = re.search(r"https://ocop\.example\.vn/c/(\S+)", mail.text_body).group(1)
    assert services.confirm_email(token) is user and user.email_confirmed_at is not None


def test_the_password_is_kept_only_as_an_scrypt_hash(session):
    services.sign_up("Lan", "lan@example.vn", PASSWORD, LINKS)
    user = registered("lan@example.vn")

    assert user.password_hash.startswith("scrypt:")
    assert PASSWORD not in user.password_hash
    assert user.check_password(PASSWORD)
    assert not user.check_password(PASSWORD.upper())


def test_a_taken_email_is_answered_alike_and_its_owner_reminded(session):
    UserFactory(email="lan@example.vn")

    services.sign_up("Lan", "LAN@example.vn", PASSWORD, LINKS)

    # The caller's transaction is still usable after the unique constraint refused the row.
    assert session.scalar(select(func.count()).select_from(User)) == 1
    assert [(m.to_address, m.template) for m in queued()] == [("lan@example.vn", "account_exists")]


def test_a_password_shorter_than_ten_characters_is_refused(session):
    with pytest.raises(InvalidInput) as refused:
        services.sign_up("Lan", "lan@example.vn", "123456789", LINKS)

    assert refused.value.field == "password"
    # Vietnamese is the default language, so a service speaks it outside a request too.
    assert refused.value.message == "Dùng ít nhất 10 ký tự."
    assert session.scalar(select(func.count()).select_from(User)) == 0
    assert queued() == []


def test_ten_characters_are_enough(session):
    services.sign_up("Lan", "lan@example.vn", "1234567890", LINKS)

    assert registered("lan@example.vn") is not None


def test_an_unconfirmed_account_is_refused_once_the_password_is_right(session):
    user = UserFactory(email="new@example.vn", email_confirmed_at=None)

    assert services.authenticate("new@example.vn", "wrong password") is None
    with pytest.raises(services.Unconfirmed) as refused:
        services.authenticate("new@example.vn", PASSWORD)
    assert refused.value.user is user


def test_the_right_credentials_give_the_user(session):
    user = UserFactory(email="binh@example.vn")

    assert services.authenticate(" BINH@example.vn", PASSWORD) is user


def test_a_wrong_password_or_unknown_email_gives_nobody(session):
    UserFactory(email="binh@example.vn")

    assert services.authenticate("binh@example.vn", PASSWORD + "!") is None
    assert services.authenticate("nobody@example.vn", PASSWORD) is None


def test_a_deactivated_account_is_refused_only_once_the_password_is_right(session):
    UserFactory(email="old@example.vn", active=False)

    assert services.authenticate("old@example.vn", "wrong password") is None
    with pytest.raises(Forbidden):
        services.authenticate("old@example.vn", PASSWORD)
