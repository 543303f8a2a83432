"""Signing out: a POST from the header's button, never a GET."""

from tests.factories import PASSWORD, UserFactory


def test_signing_out_ends_the_session_and_goes_home(client, session):
    UserFactory(email="binh@example.vn", name="Lê Văn Bình")
    session.commit()
    client.post("/sign-in", data={"email": "binh@example.vn", "password": PASSWORD,
                                   "remember": "y"})
    assert "Lê Văn Bình" in client.get("/").text

    response = client.post("/sign-out")

    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    home = client.get("/")
    assert "You have signed out." in home.text
    assert "Lê Văn Bình" not in home.text
    assert 'href="/sign-in' in home.text


def test_sign_out_by_get_is_not_allowed(client, sign_in):
    sign_in(UserFactory(name="Lê Văn Bình"))

    response = client.get("/sign-out")

    assert response.status_code == 405
    assert "GET" not in response.headers["Allow"]
    assert "Lê Văn Bình" in client.get("/").text
