"""Signing in: credentials, deactivated accounts, `next`, remember me."""

import pytest

from tests.factories import PASSWORD, UserFactory
from tests.web.accounts.pages import form_error, input_attributes, redirect_target

WRONG = "The email or password is incorrect."


def sign_in_with(client, email, password=PASSWORD, next_page=None, **extra):
    url = "/sign-in" + (f"?next={next_page}" if next_page else "")
    return client.post(url, data={"email": email, "password": password, **extra})


def test_the_form_asks_browsers_for_the_right_autofill(client):
    response = client.get("/sign-in")

    assert response.status_code == 200
    assert input_attributes(response, "email")["autocomplete"] == "email"
    assert input_attributes(response, "password")["autocomplete"] == "current-password"
    assert input_attributes(response, "remember")["type"] == "checkbox"


def test_the_right_password_signs_in_and_goes_home(client):
    UserFactory(email="binh@example.vn", name="Lê Văn Bình")

    response = sign_in_with(client, " Binh@Example.vn ")

    assert redirect_target(response)[0] == "/"
    home = client.get("/")
    assert "Welcome back, Lê Văn Bình." in home.text
    assert "Sign out" in home.text


def test_a_wrong_password_gets_the_generic_error_and_keeps_the_email(client):
    UserFactory(email="binh@example.vn")

    response = sign_in_with(client, "binh@example.vn", password="not-the-password")

    assert response.status_code == 200
    assert WRONG in form_error(response)
    assert input_attributes(response, "email")["value"] == "binh@example.vn"
    assert input_attributes(response, "password")["value"] == ""
    assert "Sign out" not in response.text


def test_an_unknown_email_gets_exactly_the_same_error(client):
    UserFactory(email="binh@example.vn")

    known = sign_in_with(client, "binh@example.vn", password="not-the-password")
    unknown = sign_in_with(client, "nobody@example.vn", password="not-the-password")

    assert form_error(unknown) == form_error(known)
    assert input_attributes(unknown, "email")["value"] == "nobody@example.vn"


def test_a_deactivated_account_cannot_sign_in(client):
    UserFactory(email="old@example.vn", active=False)

    response = sign_in_with(client, "old@example.vn")

    assert response.status_code == 200
    assert "This account has been deactivated." in form_error(response)
    assert "Sign out" not in client.get("/").text


def test_a_deactivated_account_loses_the_session_it_had(client, session):
    user = UserFactory(email="hoa@example.vn", name="Đỗ Thị Hoa")
    session.commit()
    sign_in_with(client, "hoa@example.vn")
    assert "Đỗ Thị Hoa" in client.get("/").text

    user.active = False
    session.commit()

    assert "Đỗ Thị Hoa" not in client.get("/").text


def test_sign_in_goes_on_to_a_page_of_this_site(client):
    UserFactory(email="binh@example.vn")

    response = sign_in_with(client, "binh@example.vn", next_page="/products?q=honey")

    assert response.headers["Location"] == "/products?q=honey"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil.example"])
def test_sign_in_never_sends_the_user_to_another_site(client, target):
    UserFactory(email="binh@example.vn")

    response = sign_in_with(client, "binh@example.vn", next_page=target)

    assert response.headers["Location"] == "/"


def test_remember_me_keeps_the_user_signed_in_after_the_browser_closes(client, session):
    UserFactory(email="binh@example.vn", name="Lê Văn Bình")
    session.commit()

    sign_in_with(client, "binh@example.vn", remember="y")
    client.delete_cookie("session")

    assert "Lê Văn Bình" in client.get("/").text


def test_without_remember_me_closing_the_browser_signs_out(client, session):
    UserFactory(email="binh@example.vn", name="Lê Văn Bình")
    session.commit()

    sign_in_with(client, "binh@example.vn")
    assert "Lê Văn Bình" in client.get("/").text
    client.delete_cookie("session")

    assert "Lê Văn Bình" not in client.get("/").text


def test_a_missing_field_is_named_on_that_field(client):
    response = client.post("/sign-in", data={"email": "binh@example.vn"})

    assert response.status_code == 200
    assert "Enter your password." in response.text
    assert WRONG not in response.text


def test_too_many_attempts_get_429_with_the_error_page(make_app):
    limited = make_app(RATELIMIT_ENABLED=True, SIGN_IN_RATE_LIMIT="3 per minute")
    client = limited.test_client()
    client.set_cookie("lang", "en")

    attempts = [sign_in_with(client, "who@example.vn", password="guess-guess-1")
                for _ in range(4)]

    assert [r.status_code for r in attempts] == [200, 200, 200, 429]
    refused = attempts[-1]
    assert "Please wait a few minutes and try again." in refused.text
    assert "Back to the home page" in refused.text
    assert int(refused.headers["Retry-After"]) > 0
    assert client.get("/sign-in").status_code == 200


def test_sign_up_has_its_own_rate_limit(make_app):
    limited = make_app(RATELIMIT_ENABLED=True, SIGN_UP_RATE_LIMIT="2 per minute")
    client = limited.test_client()

    statuses = [client.post("/sign-up", data={}).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_a_post_without_the_csrf_token_is_rejected(make_app, session):
    UserFactory(email="binh@example.vn")
    session.commit()
    client = make_app(WTF_CSRF_ENABLED=True).test_client()

    forged = sign_in_with(client, "binh@example.vn")
    page = client.get("/sign-in")
    token = input_attributes(page, "csrf_token")["value"]
    genuine = sign_in_with(client, "binh@example.vn", csrf_token=token)

    assert forged.status_code == 400
    assert genuine.status_code == 302


def test_one_client_cannot_lock_everyone_behind_its_address_out(make_app, session):
    """Failed attempts count per account; the far higher per-address limit is not reached."""
    UserFactory(email="binh@example.vn")
    session.commit()
    limited = make_app(RATELIMIT_ENABLED=True, SIGN_IN_RATE_LIMIT="3 per minute",
                       SIGN_IN_ADDRESS_RATE_LIMIT="50 per minute")
    guesser, neighbour = limited.test_client(), limited.test_client()  # one address

    guesses = [sign_in_with(guesser, "who@example.vn", password="guess-guess-1").status_code
               for _ in range(4)]

    assert guesses == [200, 200, 200, 429]
    assert sign_in_with(neighbour, "binh@example.vn").status_code == 302


def test_successful_sign_ins_do_not_count_against_the_account(make_app, session):
    UserFactory(email="binh@example.vn")
    session.commit()
    limited = make_app(RATELIMIT_ENABLED=True, SIGN_IN_RATE_LIMIT="2 per minute")

    statuses = [sign_in_with(limited.test_client(), "binh@example.vn").status_code
                for _ in range(4)]

    assert statuses == [302, 302, 302, 302]


def test_the_address_limit_still_stops_a_flood_over_many_accounts(make_app):
    limited = make_app(RATELIMIT_ENABLED=True, SIGN_IN_ADDRESS_RATE_LIMIT="5 per minute")
    client = limited.test_client()

    statuses = [sign_in_with(client, f"who{n}@example.vn", password="guess-guess-1").status_code
                for n in range(6)]

    assert statuses == [200] * 5 + [429]
