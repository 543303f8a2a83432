"""Who may open which portal page: members their own producer's data, officers a lot to recall."""

import pytest

from shop.accounts.models import Role
from tests.factories import LabelRunFactory, LotFactory, ProductFactory, UserFactory, ZoneFactory

PRODUCER_PAGES = ["/portal/", "/portal/zones", "/portal/zones/new", "/portal/lots",
                  "/portal/lots/new"]


@pytest.fixture
def lot(producer):
    return LotFactory(product=ProductFactory(producer=producer), code="LOT-42")


def test_anonymous_visitors_are_sent_to_sign_in(client, lot):
    zone = ZoneFactory()
    run = LabelRunFactory(lot=lot)
    for path in PRODUCER_PAGES + [f"/portal/zones/{zone.id}/edit", f"/portal/lots/{lot.id}",
                                  f"/portal/lots/{lot.id}/label.png", f"/portal/runs/{run.id}.pdf"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/sign-in?next="), path
    response = client.post(f"/portal/lots/{lot.id}/recall", data={"reason": "Mốc"})
    assert response.status_code == 302
    assert lot.recalled_at is None


def test_customers_may_not_open_the_portal(client, sign_in, lot):
    sign_in(UserFactory(role=Role.CUSTOMER))
    for path in PRODUCER_PAGES + [f"/portal/lots/{lot.id}", f"/portal/lots/{lot.id}/label.svg"]:
        assert client.get(path).status_code == 403, path
    assert client.post(f"/portal/lots/{lot.id}/recall", data={"reason": "x"}).status_code == 403
    assert lot.recalled_at is None


def test_a_member_cannot_open_another_producers_lot(member_client):
    theirs = LotFactory(code="THEIRS-1")
    run = LabelRunFactory(lot=theirs)
    for path in (f"/portal/lots/{theirs.id}", f"/portal/lots/{theirs.id}/label.png",
                 f"/portal/lots/{theirs.id}/label.svg", f"/portal/runs/{run.id}.pdf"):
        assert member_client.get(path).status_code == 403, path
    assert member_client.post(f"/portal/lots/{theirs.id}/runs",
                              data={"size": "medium", "count": "1", "kind": "lot"}
                              ).status_code == 403
    assert member_client.post(f"/portal/lots/{theirs.id}/recall",
                              data={"reason": "Mốc"}).status_code == 403
    assert theirs.recalled_at is None
    assert member_client.get("/portal/lots/999999").status_code == 404
    assert member_client.get("/portal/runs/999999.pdf").status_code == 404


def test_an_officer_may_open_a_lot_and_recall_it_but_not_print(client, sign_in, officer, lot):
    sign_in(officer)
    html = client.get(f"/portal/lots/{lot.id}").get_data(as_text=True)
    assert "Lot LOT-42" in html and "Recall this lot" in html
    assert "Print a sheet of labels" not in html and "label.png" not in html
    run = LabelRunFactory(lot=lot)
    for path in PRODUCER_PAGES + [f"/portal/lots/{lot.id}/label.png", f"/portal/runs/{run.id}.pdf"]:
        assert client.get(path).status_code == 403, path
    assert client.post(f"/portal/lots/{lot.id}/runs",
                       data={"size": "medium", "count": "1", "kind": "lot"}).status_code == 403

    response = client.post(f"/portal/lots/{lot.id}/recall",
                           data={"reason": "Kiểm tra phát hiện nấm mốc"})
    assert response.status_code == 302
    assert lot.recalled_by_id == officer.id
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Lot LOT-42 recalled." in html
    assert "Kiểm tra phát hiện nấm mốc" in html


def test_every_page_renders_in_vietnamese_the_default(member_client, producer, lot):
    member_client.delete_cookie("lang")
    zone = ZoneFactory(producer=producer)
    for path in PRODUCER_PAGES + [f"/portal/zones/{zone.id}/edit", f"/portal/lots/{lot.id}"]:
        response = member_client.get(path)
        assert response.status_code == 200, path
        assert '<html lang="vi">' in response.get_data(as_text=True)
