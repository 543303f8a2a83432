"""Zone and listing text with invisible or direction-changing characters is refused on its
field, and nothing is saved."""

import pytest
from sqlalchemy import select

from shop.extensions import db
from shop.trace.models import Zone
from tests.factories import ProductFactory, ProvinceFactory
from tests.web.portal import error_of
from tests.web.trace.portal.test_zones import zone_form

INVISIBLE = "\u200b\u200b\u200b"
OVERRIDE = "Đồi chè \u202egnol Ô"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("name", INVISIBLE, "only of invisible characters"),
    ("name", OVERRIDE, "change the direction of the text"),
    ("crop", "\u2067Chè\u2069", "change the direction of the text"),
    ("variety", INVISIBLE, "only of invisible characters"),
    ("commune", "Xã\x1bXuân", "control characters"),
    ("district", "\u3164", "only of invisible characters"),
])
def test_a_zone_with_hidden_characters_is_refused_on_the_field(member_client, producer, field,
                                                                 value, message):
    province = ProvinceFactory()
    response = member_client.post("/portal/zones/new",
                                  data=zone_form(province, **{field: value}))
    assert response.status_code == 400
    assert message in error_of(response.text, field)
    assert db.session.scalars(select(Zone).where(Zone.producer_id == producer.id)).all() == []


@pytest.mark.parametrize(("field", "value"), [("story_vi", INVISIBLE),
                                              ("story_en", "Green \u202etea")])
def test_a_story_with_hidden_characters_is_refused_on_the_field(member_client, producer, field,
                                                                value):
    product = ProductFactory(producer=producer, story_vi="Chè xanh.", gtin=None)
    response = member_client.post(f"/portal/products/{product.id}", data={
        "price_vnd": "185000", "gtin": "", "story_vi": "Chè xanh.", "story_en": "Green tea.",
        field: value})
    assert response.status_code == 400
    assert error_of(response.text, field)
    db.session.refresh(product)
    assert product.story_vi == "Chè xanh."


def test_a_story_keeps_its_line_breaks(member_client, producer):
    product = ProductFactory(producer=producer, gtin=None)
    response = member_client.post(f"/portal/products/{product.id}", data={
        "price_vnd": "185000", "gtin": "", "story_vi": "Chè xanh.\r\n\r\nHái tay.",
        "story_en": ""})
    assert response.status_code == 302
