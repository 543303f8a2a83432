"""Signing up as a customer through the form."""

import pytest
from sqlalchemy import func, select

from shop.accounts.models import Role, User
from shop.extensions import db
from tests.factories import PASSWORD, UserFactory
from tests.web.accounts.pages import field_error, input_attributes, redirect_target


def sign_up(client, next_page=None, **fields):
    form = {"name": "Trần Thị Lan", "email": "lan@example.vn",
            "password": PASSWORD, "confirm": PASSWORD, **fields}
    url = "/sign-up" + (f"?next={next_page}" if next_page else "")
    return client.post(url, data=form)


def user_count() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def test_the_form_asks_browsers_for_the_right_autofill(client):
    response = client.get("/sign-up")

    assert response.status_code == 200
    assert input_attributes(response, "name")["autocomplete"] == "name"
    assert input_attributes(response, "email")["autocomplete"] == "email"
    assert input_attributes(response, "password")["autocomplete"] == "new-password"
    assert input_attributes(response, "confirm")["autocomplete"] == "new-password"


def test_a_new_customer_is_signed_in_and_lands_on_the_home_page(client):
    response = sign_up(client, email="  Lan@Example.VN ")

    assert response.status_code == 302
    assert redirect_target(response)[0] == "/"
    home = client.get("/")
    assert "Trần Thị Lan" in home.text
    assert "Sign out" in home.text
    user = db.session.scalar(select(User).where(User.email == "lan@example.vn"))
    assert user.role is Role.CUSTOMER


def test_sign_up_goes_on_to_a_page_of_this_site(client):
    response = sign_up(client, next_page="/products?q=honey")

    assert response.headers["Location"] == "/products?q=honey"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil.example"])
def test_sign_up_never_sends_the_customer_to_another_site(client, target):
    response = sign_up(client, next_page=target)

    assert response.headers["Location"] == "/"


def test_the_password_is_stored_hashed_with_scrypt(client):
    sign_up(client)

    stored = db.session.scalar(select(User.password_hash).where(User.email == "lan@example.vn"))
    assert stored.startswith("scrypt:")
    assert PASSWORD not in stored


def test_a_taken_email_is_refused_whatever_its_case_and_the_form_keeps_what_was_typed(client):
    UserFactory(email="lan@example.vn")

    response = sign_up(client, name="Trần Thị Lan", email="LAN@example.VN")

    assert response.status_code == 200
    assert field_error(response, "email") == "An account with this email already exists."
    assert input_attributes(response, "name")["value"] == "Trần Thị Lan"
    assert input_attributes(response, "email")["value"] == "lan@example.vn"
    assert input_attributes(response, "email")["aria-invalid"] == "true"
    assert input_attributes(response, "password")["value"] == ""
    assert user_count() == 1
    assert "Sign out" not in response.text


def test_a_short_password_is_refused_on_the_password_field(client):
    response = sign_up(client, password="short-123", confirm="short-123")

    assert response.status_code == 200
    assert field_error(response, "password") == "Use between 10 and 256 characters."
    assert input_attributes(response, "email")["value"] == "lan@example.vn"
    assert user_count() == 0


def test_a_mistyped_confirmation_is_refused_on_the_confirmation_field(client):
    response = sign_up(client, confirm=PASSWORD + "x")

    assert field_error(response, "confirm") == "The two passwords do not match."
    assert field_error(response, "password") == ""
    assert user_count() == 0


def test_an_email_without_a_domain_is_refused(client):
    response = sign_up(client, email="lan@")

    assert field_error(response, "email").startswith("Enter a valid email address")
    assert user_count() == 0


def test_every_missing_field_is_named(client):
    response = client.post("/sign-up", data={})

    assert field_error(response, "name") == "Enter your name."
    assert field_error(response, "email") == "Enter your email address."
    assert field_error(response, "password") == "Choose a password."
    assert "Please correct the highlighted fields." in response.text


def test_a_signed_in_customer_is_sent_on_from_the_sign_up_page(client, sign_in):
    sign_in(UserFactory())

    response = client.get("/sign-up?next=/products")

    assert response.headers["Location"] == "/products"
