"""Signing up as a customer through the form."""

import re

from sqlalchemy import func, select

from shop.accounts.models import Role, User
from shop.extensions import db
from shop.mail.delivery import deliver_due
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


def delivered(settings, smtp) -> list:
    """What the worker delivers now, as the SMTP server received it."""
    deliver_due(settings)
    arrived, smtp.inbox[:] = list(smtp.inbox), []
    return arrived


def link_in(message, path: str) -> str:
    """The path of the link to `path` in a message's plain-text part."""
    url = re.search(rf"https://ocop\.example\.vn({path}\S*)", message.part("plain"))
    assert url, message.part("plain")
    return url.group(1)


def test_a_new_customer_is_asked_to_confirm_the_address_by_mail(client, settings, smtp):
    response = sign_up(client, email="  Lan@Example.VN ")

    assert response.status_code == 200
    assert "Check your inbox" in response.text and "lan@example.vn" in response.text
    assert 'action="/sign-out"' not in client.get("/").text
    [mail] = delivered(settings, smtp)
    assert mail.recipients == ["lan@example.vn"]
    assert mail.email["Subject"] == "Confirm your email address for OCOP Việt"
    assert "Hello Trần Thị Lan," in mail.part("plain")
    assert link_in(mail, "/confirm-email/") in mail.part("html")


def test_following_the_link_confirms_the_address_and_signs_in(client, settings, smtp):
    sign_up(client)
    [mail] = delivered(settings, smtp)

    response = client.get(link_in(mail, "/confirm-email/"))

    assert redirect_target(response)[0] == "/"
    home = client.get("/")
    assert "Your address is confirmed and your account is ready." in home.text
    assert 'action="/sign-out"' in home.text
    user = db.session.scalar(select(User).where(User.email == "lan@example.vn"))
    assert user.role is Role.CUSTOMER and user.email_confirmed_at is not None


def test_the_link_works_once(app, client, settings, smtp):
    sign_up(client)
    [mail] = delivered(settings, smtp)
    link = link_in(mail, "/confirm-email/")
    client.get(link)

    thief = app.test_client()
    thief.set_cookie("lang", "en")
    again = thief.get(link)

    assert redirect_target(again)[0] == "/sign-in"
    assert "already confirmed: please sign in" in thief.get("/sign-in").text
    assert 'action="/sign-out"' not in thief.get("/").text


def test_an_old_or_altered_link_is_refused_with_a_way_forward(client, settings, smtp,
                                                              time_machine):
    time_machine.move_to("2026-12-01T09:00:00+07:00", tick=False)
    sign_up(client)
    [mail] = delivered(settings, smtp)
    link = link_in(mail, "/confirm-email/")

    altered = client.get(link[:-3] + "abc")
    time_machine.move_to("2026-12-04T09:00:01+07:00", tick=False)
    expired = client.get(link)

    for response in (altered, expired):
        assert response.status_code == 400
        assert "This confirmation link is invalid or has expired." in response.text
        assert "we will send you a new link" in response.text
    assert 'action="/sign-out"' not in client.get("/").text


def test_an_unconfirmed_account_cannot_sign_in_and_gets_a_new_link(client, settings, smtp):
    sign_up(client)
    delivered(settings, smtp)

    refused = client.post("/sign-in", data={"email": "lan@example.vn", "password": PASSWORD})

    assert refused.status_code == 200
    assert "Please confirm your email address first" in refused.text
    [again] = delivered(settings, smtp)
    assert client.get(link_in(again, "/confirm-email/")).status_code == 302
    assert 'action="/sign-out"' in client.get("/").text


def test_a_registered_address_gets_the_same_answer_and_its_owner_a_reminder(
        client, settings, smtp):
    UserFactory(email="lan@example.vn", name="Trần Thị Lan")
    fresh = sign_up(client, email="hoa@example.vn")
    delivered(settings, smtp)

    taken = sign_up(client, email="LAN@example.VN", name="Someone Else")

    assert taken.status_code == fresh.status_code == 200
    assert taken.text.replace("lan@example.vn", "hoa@example.vn") == fresh.text
    assert user_count() == 2
    [reminder] = delivered(settings, smtp)
    assert reminder.recipients == ["lan@example.vn"]
    assert reminder.email["Subject"] == "You already have an OCOP Việt account"
    assert "Hello Trần Thị Lan," in reminder.part("plain")
    assert link_in(reminder, "/sign-in")


def test_a_second_sign_up_before_confirming_sends_a_new_link_not_a_second_account(
        client, settings, smtp):
    sign_up(client)
    delivered(settings, smtp)

    sign_up(client)

    assert user_count() == 1
    [again] = delivered(settings, smtp)
    assert "/confirm-email/" in again.part("plain")


def test_the_password_is_stored_hashed_with_scrypt(client):
    sign_up(client)

    stored = db.session.scalar(select(User.password_hash).where(User.email == "lan@example.vn"))
    assert stored.startswith("scrypt:")
    assert PASSWORD not in stored


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
