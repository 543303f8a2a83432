"""Who may open a role-protected page: the officer registry at /registry/."""

from shop.accounts.models import Role
from tests.factories import PASSWORD, UserFactory
from tests.web.accounts.pages import redirect_target


def test_a_customer_is_forbidden(client, sign_in):
    sign_in(UserFactory(role=Role.CUSTOMER))

    response = client.get("/registry/")

    assert response.status_code == 403
    assert "You may not open this page" in response.text


def test_an_officer_is_let_through(client, sign_in):
    sign_in(UserFactory(role=Role.OFFICER))

    response = client.get("/registry/")

    assert response.status_code not in (302, 403)


def test_an_admin_is_let_through(client, sign_in):
    sign_in(UserFactory(role=Role.ADMIN))

    assert client.get("/registry/").status_code not in (302, 403)


def test_an_anonymous_visitor_is_sent_to_sign_in_and_told_why(client):
    response = client.get("/registry/")

    assert response.status_code == 302
    path, query = redirect_target(response)
    assert path == "/sign-in"
    assert query["next"] == ["/registry/"]
    assert "Please sign in to open this page." in client.get(response.headers["Location"]).text


def test_after_signing_in_the_officer_is_back_on_the_page_they_asked_for(client):
    UserFactory(email="officer@example.vn", role=Role.OFFICER)
    to_sign_in = client.get("/registry/").headers["Location"]

    response = client.post(to_sign_in, data={"email": "officer@example.vn",
                                              "password": PASSWORD})

    assert response.headers["Location"] == "/registry/"
