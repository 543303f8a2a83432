"""Registering and editing raw-material zones in the producer portal."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from shop.extensions import db
from shop.trace.models import CropCycle, Standard, Zone, ZoneStatus
from tests.factories import ProvinceFactory, ZoneFactory
from tests.web.portal import error_of, selected, typed


@pytest.fixture
def province():
    return ProvinceFactory(name="Lâm Đồng")


def zone_form(province, **changes) -> dict:
    return {"code": "vn-68-672-24820-03-25", "name": "Đồi chè Cầu Đất", "crop": "Chè",
            "variety": "Ô long", "cycle": "perennial", "area_ha": "2.5",
            "commune": "Xã Xuân Trường", "district": "Đà Lạt", "province_id": str(province.id),
            "latitude": "11.845", "longitude": "108.556", "standard": "vietgap",
            "standard_certificate": "VG-2025-118", "standard_expires_on": "2027-01-31",
            "expected_yield_kg": "12000", "seasons_per_year": "1"} | changes


def zones_of(producer) -> list[Zone]:
    return list(db.session.scalars(select(Zone).where(Zone.producer_id == producer.id)))


def test_registering_a_zone_lists_it(member_client, producer, province):
    response = member_client.post("/portal/zones/new", data=zone_form(province))
    assert response.status_code == 302
    assert response.headers["Location"] == "/portal/zones"
    (zone,) = zones_of(producer)
    assert zone.code == "VN-68-672-24820-03-25"
    assert (zone.area_ha, zone.latitude) == (Decimal("2.5"), Decimal("11.845"))
    assert (zone.standard, zone.status) == (Standard.VIETGAP, ZoneStatus.ACTIVE)
    page = member_client.get("/portal/zones").get_data(as_text=True)
    assert "Zone VN-68-672-24820-03-25 registered." in page
    assert "Đồi chè Cầu Đất" in page and "Chè · Ô long" in page and "2.5 ha" in page
    assert "VietGAP" in page and "valid until Jan 31, 2027" in page


def test_a_malformed_code_is_shown_on_the_code_and_keeps_what_was_typed(member_client,
                                                                          producer, province):
    response = member_client.post("/portal/zones/new",
                                  data=zone_form(province, code="VN-68-672-01"))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert error_of(html, "code").startswith("A planting-area code looks like "
                                             "VN-24-213-07573-01-22")
    assert typed(html, "code") == "VN-68-672-01"
    assert typed(html, "name") == "Đồi chè Cầu Đất"
    assert typed(html, "area_ha") == "2.5"
    assert typed(html, "latitude") == "11.845"
    assert typed(html, "standard_expires_on") == "2027-01-31"
    assert selected(html, "province_id") == str(province.id)
    assert selected(html, "standard") == "vietgap"
    assert zones_of(producer) == []


@pytest.mark.parametrize(("cycle", "area", "accepted"), [
    ("annual", "0.09", False), ("annual", "0.1", True),
    ("perennial", "0.99", False), ("perennial", "1", True),
])
def test_the_minimum_area_depends_on_the_crop_cycle(member_client, producer, province,
                                                    cycle, area, accepted):
    response = member_client.post("/portal/zones/new",
                                  data=zone_form(province, cycle=cycle, area_ha=area))
    html = response.get_data(as_text=True)
    if accepted:
        assert response.status_code == 302
        assert [(z.cycle, z.area_ha) for z in zones_of(producer)] == [
            (CropCycle(cycle), Decimal(area))]
    else:
        assert response.status_code == 400
        minimum = {"annual": "0.1", "perennial": "1"}[cycle]
        assert error_of(html, "area_ha") == (f"A zone of {cycle} crops needs at least "
                                             f"{minimum} ha.")
        assert typed(html, "area_ha") == area
        assert zones_of(producer) == []


def test_a_code_registered_by_anyone_is_refused(member_client, producer, province):
    ZoneFactory(code="VN-68-672-24820-03-25")
    response = member_client.post("/portal/zones/new", data=zone_form(province))
    assert response.status_code == 400
    assert error_of(response.get_data(as_text=True), "code") == (
        "The planting-area code VN-68-672-24820-03-25 is already registered.")
    assert zones_of(producer) == []


def test_missing_and_malformed_numbers_are_refused_before_the_service(member_client,
                                                                       producer, province):
    response = member_client.post("/portal/zones/new", data=zone_form(
        province, province_id="", area_ha="lots", latitude="NaN", longitude="Infinity",
        expected_yield_kg=""))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert error_of(html, "province_id") == "Choose a province."
    assert error_of(html, "area_ha") == "Not a valid decimal value."
    assert error_of(html, "latitude") == error_of(html, "longitude") == "Enter a number."
    assert error_of(html, "expected_yield_kg")
    assert typed(html, "area_ha") == "lots"
    assert typed(html, "latitude") == "NaN"
    assert zones_of(producer) == []


def test_editing_a_zone_can_suspend_it(member_client, producer):
    zone = ZoneFactory(producer=producer, code="VN-68-001-00001-01-24")
    html = member_client.get(f"/portal/zones/{zone.id}/edit").get_data(as_text=True)
    assert typed(html, "code") == "VN-68-001-00001-01-24"
    assert typed(html, "area_ha") == "2.50"
    assert typed(html, "latitude") == "11.845000"
    assert selected(html, "status") == "active"
    assert selected(html, "province_id") == str(producer.province_id)
    form = {name: value for name, value in zone_form(zone.province).items()} | {
        "code": zone.code, "name": "Vườn chè mới", "status": "suspended"}
    response = member_client.post(f"/portal/zones/{zone.id}/edit", data=form)
    assert response.status_code == 302
    assert (zone.name, zone.status) == ("Vườn chè mới", ZoneStatus.SUSPENDED)
    page = member_client.get("/portal/zones").get_data(as_text=True)
    assert "Zone VN-68-001-00001-01-24 saved." in page
    assert "Suspended" in page


def test_an_edit_breaking_a_rule_changes_nothing(member_client, producer):
    zone = ZoneFactory(producer=producer, name="Vườn cũ")
    form = zone_form(zone.province, code=zone.code, name="Vườn mới", standard_certificate="",
                     status="active")
    response = member_client.post(f"/portal/zones/{zone.id}/edit", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert error_of(html, "standard_certificate") == (
        "Enter the number of the VietGAP certificate.")
    assert typed(html, "name") == "Vườn mới"
    db.session.refresh(zone)
    assert zone.name == "Vườn cũ"


def test_the_list_warns_of_an_expired_standard_certificate(member_client, producer):
    ZoneFactory(producer=producer, standard_certificate="VG-OLD",
                standard_expires_on=date(2026, 2, 28))
    ZoneFactory(producer=producer, standard=Standard.NONE, standard_certificate="",
                standard_expires_on=None)
    page = member_client.get("/portal/zones").get_data(as_text=True)
    assert '<span class="status status-expired">expired on Feb 28, 2026</span>' in page
    assert "No standard" in page


def test_the_list_shows_only_the_producers_own_zones(member_client, producer):
    ZoneFactory(producer=producer, name="Vườn của tôi")
    ZoneFactory(name="Vườn của người khác")
    page = member_client.get("/portal/zones").get_data(as_text=True)
    assert "Vườn của tôi" in page and "Vườn của người khác" not in page


def test_another_producers_zone_cannot_be_opened_or_changed(member_client, province):
    zone = ZoneFactory(name="Vườn của người khác")
    assert member_client.get(f"/portal/zones/{zone.id}/edit").status_code == 403
    response = member_client.post(f"/portal/zones/{zone.id}/edit",
                                  data=zone_form(province, code=zone.code, status="cancelled"))
    assert response.status_code == 403
    assert zone.status is ZoneStatus.ACTIVE
    assert member_client.get("/portal/zones/999999/edit").status_code == 404
