"""Sessions end on the server: a copied cookie stops working after sign-out, a password
change, "sign out everywhere" or a removed membership."""

from shop.accounts.models import Membership, OrganisationKind
from tests.factories import PASSWORD, ProducerFactory, UserFactory

NEW_PASSWORD = "một-mật-khẩu-mới-hơn-2026"


def signed_in_browser(app, email, remember=False):
    browser = app.test_client()
    browser.set_cookie("lang", "en")
    form = {"email": email, "password": PASSWORD} | ({"remember": "y"} if remember else {})
    assert browser.post("/sign-in", data=form).status_code == 302
    return browser


def signed_out_browser(app):
    browser = app.test_client()
    browser.set_cookie("lang", "en")
    return browser


def copy_of(app, browser):
    """Another browser holding the same cookies, as a thief who copied them would."""
    thief = app.test_client()
    for name in ("session", "remember_token"):
        cookie = browser.get_cookie(name)
        if cookie is not None:
            thief.set_cookie(name, cookie.value)
    return thief


def signed_in(browser) -> bool:
    """The header offers to sign out only to a signed-in visitor."""
    return 'action="/sign-out"' in browser.get("/").text


def test_a_copied_session_cookie_is_dead_after_sign_out(app, session):
    UserFactory(email="binh@example.vn", name="Lê Văn Bình")
    session.commit()
    browser = signed_in_browser(app, "binh@example.vn")
    thief = copy_of(app, browser)
    assert signed_in(thief)

    browser.post("/sign-out")

    assert not signed_in(thief)


def test_a_copied_remember_me_cookie_is_dead_after_sign_out(app, session):
    UserFactory(email="binh@example.vn", name="Lê Văn Bình")
    session.commit()
    browser = signed_in_browser(app, "binh@example.vn", remember=True)
    thief = app.test_client()
    thief.set_cookie("remember_token", browser.get_cookie("remember_token").value)
    assert signed_in(thief)

    browser.post("/sign-out")

    assert not signed_in(thief)


def test_each_sign_in_gets_its_own_remember_me_token(app, session):
    UserFactory(email="binh@example.vn")
    session.commit()
    first = signed_in_browser(app, "binh@example.vn", remember=True)
    second = signed_in_browser(app, "binh@example.vn", remember=True)

    assert first.get_cookie("remember_token").value != second.get_cookie("remember_token").value
    first.post("/sign-out")
    assert signed_in(second)  # signing out on one device leaves the other alone


def test_changing_the_password_signs_out_every_other_device(app, session):
    UserFactory(email="binh@example.vn", name="Lê Văn Bình")
    session.commit()
    laptop = signed_in_browser(app, "binh@example.vn")
    phone = signed_in_browser(app, "binh@example.vn", remember=True)

    response = laptop.post("/account/security", data={
        "current": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})

    assert response.status_code == 302
    assert "Every other device has been signed out." in laptop.get("/account/security").text
    assert signed_in(laptop)
    assert not signed_in(phone)
    old = signed_out_browser(app).post("/sign-in", data={"email": "binh@example.vn",
                                                         "password": PASSWORD})
    assert old.status_code == 200 and "The email or password is incorrect." in old.text
    new = signed_out_browser(app).post("/sign-in", data={"email": "binh@example.vn",
                                                   "password": NEW_PASSWORD})
    assert new.status_code == 302


def test_a_wrong_current_password_changes_nothing_and_says_so(app, session):
    UserFactory(email="binh@example.vn")
    session.commit()
    laptop = signed_in_browser(app, "binh@example.vn")
    phone = signed_in_browser(app, "binh@example.vn")

    response = laptop.post("/account/security", data={
        "current": "not-my-password", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})

    assert response.status_code == 400
    assert "This is not your current password." in response.text
    assert signed_in(phone)
    assert app.test_client().post("/sign-in", data={
        "email": "binh@example.vn", "password": PASSWORD}).status_code == 302


def test_sign_out_everywhere_ends_every_session(app, session):
    UserFactory(email="binh@example.vn", name="Lê Văn Bình")
    session.commit()
    laptop = signed_in_browser(app, "binh@example.vn")
    phone = signed_in_browser(app, "binh@example.vn", remember=True)

    response = laptop.post("/account/sign-out-everywhere")

    assert response.status_code == 302
    assert "You have been signed out on every device." in laptop.get("/").text
    assert not signed_in(laptop)
    assert not signed_in(phone)


def test_a_member_removed_from_the_producer_loses_the_portal_on_the_next_request(
        app, session):
    producer = ProducerFactory(name="HTX Chè Tân Cương")
    member = UserFactory(email="mai@example.vn", role="producer", producer=producer)
    session.commit()
    browser = signed_in_browser(app, "mai@example.vn")
    assert browser.get("/portal/").status_code == 200

    member.memberships.clear()
    session.commit()

    assert browser.get("/portal/").status_code == 403
    assert browser.get("/portal/zones").status_code == 403


def test_a_person_in_two_producers_chooses_which_one_to_act_for(app, session):
    tea = ProducerFactory(name="HTX Chè Tân Cương")
    honey = ProducerFactory(name="HTX Mật ong Bắc Hà")
    member = UserFactory(email="mai@example.vn", role="customer", producer=tea)
    member.memberships.append(Membership(kind=OrganisationKind.PRODUCER, producer_id=honey.id))
    session.commit()
    browser = signed_in_browser(app, "mai@example.vn")
    assert "HTX Chè Tân Cương" in browser.get("/portal/").text

    browser.post("/portal/producer", data={"producer": honey.id})

    assert "<h1>HTX Mật ong Bắc Hà</h1>" in browser.get("/portal/").text
    assert browser.post("/portal/producer", data={
        "producer": ProducerFactory().id}).status_code == 403
