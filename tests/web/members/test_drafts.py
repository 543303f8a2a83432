"""Producers propose new products: drafts, shown nowhere public, seen by officers in scope."""

from sqlalchemy import select

from shop.catalog.models import Product
from shop.extensions import db
from tests.factories import (
    ProducerFactory,
    ProductGroupFactory,
    ProductSubgroupFactory,
    ProvinceFactory,
    UserFactory,
)
from tests.web.members.conftest import provincial_officer


def propose(client, group, subgroup=None, **fields):
    return client.post("/portal/products/new", data={
        "name_vi": "Trà ô long Cầu Đất", "name_en": "Cau Dat oolong tea", "group_id": group.id,
        "subgroup_id": subgroup.id if subgroup else "", "price_vnd": 180000,
        "story_vi": "Trồng ở độ cao 1.650 m.", "story_en": "", "gtin": "", **fields})


def test_a_draft_is_saved_and_shown_nowhere_public(client, sign_in, producer, app):
    group = ProductGroupFactory()
    subgroup = ProductSubgroupFactory(group=group)
    sign_in(UserFactory(producer=producer))
    assert client.get("/portal/products/new").status_code == 200
    response = propose(client, group, subgroup)

    assert response.status_code == 302
    draft = db.session.scalar(select(Product).where(Product.name_vi == "Trà ô long Cầu Đất"))
    assert draft.producer_id == producer.id and draft.subgroup_id == subgroup.id
    public = app.test_client()
    assert public.get(f"/products/{draft.slug}").status_code in (404, 410)
    assert draft.slug not in public.get("/sitemap.xml").text
    assert draft.slug not in public.get("/products?q=long").text
    assert public.get(f"/api/v1/products/{draft.slug}").status_code == 404
    assert draft.slug not in public.get("/api/v1/products?q=long").text


def test_a_subgroup_of_another_group_is_refused(client, sign_in, producer):
    group = ProductGroupFactory()
    sign_in(UserFactory(producer=producer))
    response = propose(client, group, ProductSubgroupFactory(group=ProductGroupFactory()))
    assert response.status_code == 400 and 'id="subgroup_id-error"' in response.text
    response = propose(client, group, price_vnd=10)
    assert response.status_code == 400 and 'id="price_vnd-error"' in response.text
    response = propose(client, group, gtin="12345")
    assert response.status_code == 400 and 'id="gtin-error"' in response.text


def test_officers_see_the_drafts_of_their_provinces(client, sign_in, producer, officer_ld):
    group = ProductGroupFactory()
    sign_in(UserFactory(producer=producer))
    propose(client, group)
    sign_in(UserFactory(producer=ProducerFactory(province=ProvinceFactory())))
    propose(client, group, name_vi="Mật ong bạc hà")

    sign_in(officer_ld)
    page = client.get("/office/producers/drafts").text
    assert "Trà ô long Cầu Đất" in page and "Mật ong bạc hà" not in page
    sign_in(provincial_officer(ProvinceFactory()))
    assert "Trà ô long Cầu Đất" not in client.get("/office/producers/drafts").text
