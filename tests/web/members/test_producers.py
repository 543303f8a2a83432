"""Officers record and edit producers of their provinces."""

from sqlalchemy import select

from shop.extensions import db
from shop.producers.models import Producer, ProducerKind
from tests.factories import ProvinceFactory
from tests.web.members.conftest import provincial_officer


def form(province, **fields):
    return {"name": "HTX Cà phê Cầu Đất", "kind": "cooperative",
            "registration_number": " htx 5800 777 ", "address": "Thôn Trường Thọ, xã Xuân Trường",
            "province_id": province.id, "phone": "0263 3822 222", "email": "HTX@Example.vn",
            **fields}


def test_an_officer_records_a_producer_with_its_values_normalised(client, sign_in, lam_dong,
                                                                   officer_ld):
    sign_in(officer_ld)
    assert client.get("/office/producers/new").status_code == 200
    response = client.post("/office/producers/new", data=form(lam_dong))

    assert response.status_code == 302
    producer = db.session.scalar(select(Producer).where(Producer.name == "HTX Cà phê Cầu Đất"))
    assert (producer.registration_number, producer.phone, producer.email) == (
        "HTX5800777", "02633822222", "htx@example.vn")
    assert producer.kind is ProducerKind.COOPERATIVE
    assert "HTX Cà phê Cầu Đất" in client.get("/office/producers/").text


def test_a_registration_number_is_unique_whatever_its_spacing(client, sign_in, lam_dong,
                                                              officer_ld, producer):
    sign_in(officer_ld)
    response = client.post("/office/producers/new",
                           data=form(lam_dong, registration_number="5800 123 456"))
    assert response.status_code == 400
    assert "HTX Trà Cầu Đất already has this registration number" in response.text


def test_bad_values_name_their_field(client, sign_in, lam_dong, officer_ld):
    sign_in(officer_ld)
    response = client.post("/office/producers/new", data=form(lam_dong, phone="12345"))
    assert response.status_code == 400 and 'id="phone-error"' in response.text
    response = client.post("/office/producers/new", data=form(lam_dong, kind="guild"))
    assert response.status_code == 400 and "Choose a kind of producer" in response.text
    response = client.post("/office/producers/new", data=form(lam_dong, province_id="x"))
    assert response.status_code == 400 and 'id="province_id-error"' in response.text


def test_a_provincial_officer_acts_only_in_their_province(client, sign_in, producer):
    elsewhere = ProvinceFactory(name="Sơn La")
    sign_in(provincial_officer(elsewhere))
    assert "HTX Trà Cầu Đất" not in client.get("/office/producers/").text
    assert client.get(f"/office/producers/{producer.id}/edit").status_code == 403
    assert client.post("/office/producers/new",
                       data=form(producer.province)).status_code == 403


def test_an_officer_edits_a_producer(client, sign_in, producer, officer_ld):
    sign_in(officer_ld)
    response = client.post(f"/office/producers/{producer.id}/edit",
                           data=form(producer.province, name="HTX Trà Cầu Đất mới",
                                     registration_number="5800123456"))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Producer, producer.id).name == "HTX Trà Cầu Đất mới"
