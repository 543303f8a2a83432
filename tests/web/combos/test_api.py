"""The combos' API: components, price beside the sum of its parts, outlets in bands, and the
listing rule followed at once."""

from tests.unit.combos.conftest import revoke


def test_a_combo_as_json(client, combo):
    body = client.get("/api/v1/combos/qua-tet-tay-bac").get_json()
    assert body["price_vnd"] == 350_000 and body["parts_price_vnd"] == 420_000
    assert body["saving_vnd"] == 70_000
    assert [(c["slug"], c["quantity"]) for c in body["components"]] == [
        ("tra-shan-tuyet", 2), ("mat-ong-bac-ha", 1)]
    assert body["outlets"] == [{"slug": "diem-ban-da-lat", "name": "Đà Lạt OCOP outlet",
                                "band": "in_stock",
                                "url": "https://ocop.example.vn/outlets/diem-ban-da-lat"}]


def test_the_list_and_the_combo_follow_a_revocation_at_once(client, combo, honey):
    assert [c["slug"] for c in client.get("/api/v1/combos").get_json()["items"]] == [
        "qua-tet-tay-bac"]
    revoke(honey)
    assert client.get("/api/v1/combos").get_json()["items"] == []
    response = client.get("/api/v1/combos/qua-tet-tay-bac")
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"


def test_tet_without_accents_finds_the_tet_combo(client, combo):
    assert client.get("/api/v1/combos?q=tet").get_json()["total"] == 1
    assert client.get("/api/v1/combos?q=xyz").get_json()["total"] == 0
