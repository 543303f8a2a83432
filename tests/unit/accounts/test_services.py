"""Registering customers and checking credentials, without a request."""

import pytest
from sqlalchemy import func, select

from shop.accounts import services
from shop.accounts.models import Role, User
from shop.errors import Forbidden, InvalidInput
from tests.factories import PASSWORD, UserFactory


def test_a_registered_customer_is_active_with_a_normalised_email(session):
    user = services.register_customer("  Trần Thị Lan ", "  Lan@Example.VN ", PASSWORD)

    assert user.id is not None
    assert (user.name, user.email, user.role, user.active) == (
        "Trần Thị Lan", "lan@example.vn", Role.CUSTOMER, True)


def test_the_password_is_kept_only_as_an_scrypt_hash(session):
    user = services.register_customer("Lan", "lan@example.vn", PASSWORD)

    assert user.password_hash.startswith("scrypt:")
    assert PASSWORD not in user.password_hash
    assert user.check_password(PASSWORD)
    assert not user.check_password(PASSWORD.upper())


def test_a_taken_email_is_refused_on_the_email_field_whatever_its_case(session):
    UserFactory(email="lan@example.vn")

    with pytest.raises(InvalidInput) as refused:
        services.register_customer("Lan", "LAN@example.vn", PASSWORD)

    assert refused.value.field == "email"
    # Vietnamese is the default language, so a service speaks it outside a request too.
    assert refused.value.message == "Email này đã được dùng cho một tài khoản khác."
    # The caller's transaction is still usable after the refusal.
    assert session.scalar(select(func.count()).select_from(User)) == 1


def test_a_password_shorter_than_ten_characters_is_refused(session):
    with pytest.raises(InvalidInput) as refused:
        services.register_customer("Lan", "lan@example.vn", "123456789")

    assert refused.value.field == "password"
    assert session.scalar(select(func.count()).select_from(User)) == 0


def test_ten_characters_are_enough(session):
    assert services.register_customer("Lan", "lan@example.vn", "1234567890").id is not None


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
