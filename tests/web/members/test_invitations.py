"""Invitations: mailed, followed once within 7 days, joining the producer they name; members
removed lose access at once."""

from datetime import timedelta

from sqlalchemy import func, select

from shop.accounts.models import User, UserSession
from shop.extensions import db
from tests.factories import PASSWORD, ProducerFactory, UserFactory
from tests.web.members.conftest import delivered, link_in


def invite(client, producer, email="lan@example.vn"):
    return client.post(f"/office/producers/{producer.id}/invitations",
                       data={"invite-email": email})


def test_an_officer_invites_and_the_person_signs_up_and_joins(
        client, sign_in, producer, officer_ld, settings, smtp, app):
    sign_in(officer_ld)
    assert invite(client, producer, " Lan@Example.VN ").status_code == 302
    [mail] = delivered(settings, smtp)
    assert mail.recipients == ["lan@example.vn"]
    assert mail.email["Subject"] == "You are invited to join HTX Trà Cầu Đất on OCOP Việt"
    join = link_in(mail, "/join/")
    assert join in mail.part("html")

    newcomer = app.test_client()
    newcomer.set_cookie("lang", "en")
    page = newcomer.get(join)
    assert "Join HTX Trà Cầu Đất" in page.text and "lan@example.vn" in page.text
    joined = newcomer.post(join, data={"name": "Trần Thị Lan", "password": PASSWORD,
                                       "confirm": PASSWORD})
    assert joined.status_code == 302 and joined.headers["Location"] == "/portal/"
    assert "HTX Trà Cầu Đất" in newcomer.get("/portal/").text
    user = db.session.scalar(select(User).where(User.email == "lan@example.vn"))
    assert user.producer_ids == [producer.id]


def test_the_token_is_stored_only_as_its_hash(client, sign_in, producer, officer_ld,
                                              settings, smtp):
    sign_in(officer_ld)
    invite(client, producer)
    token = link_in(delivered(settings, smtp)[0], "/join/").rpartition("/")[2]
    from shop.members.models import Invitation
    stored = db.session.scalar(select(Invitation.token_hash))
    assert token not in stored and len(stored) == 64


def test_a_link_works_once(client, sign_in, producer, officer_ld, settings, smtp, app):
    sign_in(officer_ld)
    invite(client, producer)
    join = link_in(delivered(settings, smtp)[0], "/join/")
    someone = app.test_client()
    someone.post(join, data={"name": "Lan", "password": PASSWORD, "confirm": PASSWORD})

    again = app.test_client()
    again.set_cookie("lang", "en")
    response = again.get(join)
    assert response.status_code == 409
    assert "already been used" in response.text
    member = sign_in(UserFactory(), app.test_client())
    assert member.post(join + "/accept").status_code == 409


def test_a_link_expires_after_seven_days(client, sign_in, producer, officer_ld, settings,
                                         smtp, app, time_machine):
    sign_in(officer_ld)
    invite(client, producer)
    join = link_in(delivered(settings, smtp)[0], "/join/")
    time_machine.shift(timedelta(days=7) - timedelta(seconds=1))
    assert app.test_client().get(join).status_code == 200
    time_machine.shift(timedelta(seconds=1))

    late = app.test_client()
    late.set_cookie("lang", "en")
    response = late.post(join, data={"name": "Lan", "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 409
    assert "expired" in response.text
    assert db.session.scalar(select(func.count()).select_from(User)
                             .where(User.email == "lan@example.vn")) == 0


def test_a_signed_in_person_joins_the_producer_the_link_names_only(
        client, sign_in, producer, officer_ld, settings, smtp, app):
    other = ProducerFactory(province=producer.province)
    sign_in(officer_ld)
    invite(client, producer, "minh@example.vn")
    join = link_in(delivered(settings, smtp)[0], "/join/")
    minh = UserFactory(email="minh@example.vn", producer=other)
    browser = sign_in(minh, app.test_client())

    assert browser.post(join + "/accept").status_code == 302
    db.session.expire_all()
    assert sorted(db.session.get(User, minh.id).producer_ids) == sorted([other.id, producer.id])


def test_an_unknown_token_is_refused(client):
    response = client.get("/join/not-a-token")
    assert response.status_code == 404
    assert "not valid" in response.text


def test_an_officer_of_another_province_may_not_invite(client, sign_in, producer):
    from tests.factories import ProvinceFactory
    from tests.web.members.conftest import provincial_officer
    sign_in(provincial_officer(ProvinceFactory()))
    assert invite(client, producer).status_code == 403


def test_a_bad_address_is_refused_on_the_email_field(client, sign_in, producer, officer_ld):
    sign_in(officer_ld)
    response = invite(client, producer, "lan@")
    assert response.status_code == 400
    assert 'id="invite-email-error"' in response.text


def test_members_invite_colleagues_from_the_portal(client, sign_in, producer, settings, smtp):
    sign_in(UserFactory(producer=producer))
    assert client.get("/portal/members").status_code == 200
    response = client.post("/portal/members", data={"email": "hoa@example.vn"})
    assert response.status_code == 302
    [mail] = delivered(settings, smtp)
    assert mail.recipients == ["hoa@example.vn"]
    assert "hoa@example.vn" in client.get("/portal/members").text


def test_a_removed_member_is_refused_at_the_next_request(client, sign_in, producer, app):
    colleague = UserFactory(producer=producer)
    removed = UserFactory(producer=producer)
    other_browser = sign_in(removed, app.test_client())
    assert other_browser.get("/portal/").status_code == 200
    sign_in(colleague)
    membership_id = removed.memberships[0].id

    assert client.post(f"/portal/members/{membership_id}/remove").status_code == 302
    response = other_browser.get("/portal/")
    assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in")
    assert db.session.scalar(select(func.count()).select_from(UserSession)
                             .where(UserSession.user_id == removed.id)) == 0


def test_a_member_of_another_producer_cannot_remove_members(client, sign_in, producer):
    member = UserFactory(producer=producer)
    sign_in(UserFactory(producer=ProducerFactory()))
    response = client.post(f"/portal/members/{member.memberships[0].id}/remove")
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(User, member.id).producer_ids == [producer.id]
