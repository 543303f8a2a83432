"""A recalled lot's labels are no longer handed out: not by the portal, not at the public
label URL, not as an existing run's PDF, and not from the cache of rendered labels."""

import pytest

from shop.core import gs1
from tests.factories import LabelRunFactory, LotFactory, ProductFactory

REASON = "Phát hiện dư lượng thuốc trừ sâu."
REFUSED = "This lot has been recalled; its labels can no longer be printed."


@pytest.fixture
def lot(producer):
    product = ProductFactory(producer=producer, gtin=gs1.with_check_digit("893456789013"))
    return LotFactory(product=product, code="2026/03-R", quantity=12)


def recall(member_client, lot) -> None:
    response = member_client.post(f"/portal/lots/{lot.id}/recall", data={"reason": REASON})
    assert response.status_code == 302


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_the_public_label_is_gone_at_once_after_a_recall(client, member_client, lot, kind):
    before = client.get(f"/labels/lots/{lot.id}.{kind}")  # drawn, and now in the cache
    assert before.status_code == 200
    assert before.cache_control.public and before.cache_control.no_cache
    assert before.cache_control.max_age is None

    recall(member_client, lot)
    client.delete_cookie("session")
    after = client.get(f"/labels/lots/{lot.id}.{kind}")

    assert after.status_code == 410
    page = after.get_data(as_text=True)
    assert "Lot 2026/03-R was recalled: " + REASON in page
    assert "Its labels can no longer be printed." in page
    revalidated = client.get(f"/labels/lots/{lot.id}.{kind}",
                             headers={"If-None-Match": before.headers["ETag"]})
    assert revalidated.status_code == 410


def test_a_machine_asking_for_the_label_gets_problem_details(client, member_client, lot):
    recall(member_client, lot)
    client.delete_cookie("session")
    response = client.get(f"/labels/lots/{lot.id}.png", headers={"Accept": "application/json"})
    assert response.status_code == 410
    assert REASON in response.get_json()["detail"]


@pytest.mark.parametrize("path", ["/portal/lots/{id}/label.png", "/portal/lots/{id}/label.svg"])
def test_the_portal_refuses_a_recalled_lots_label(member_client, lot, path):
    assert member_client.get(path.format(id=lot.id)).status_code == 200
    recall(member_client, lot)

    response = member_client.get(path.format(id=lot.id))

    assert response.status_code == 302
    assert response.headers["Location"] == f"/portal/lots/{lot.id}"
    assert REFUSED in member_client.get(response.headers["Location"]).get_data(as_text=True)


def test_an_existing_runs_pdf_no_longer_downloads(member_client, member, lot):
    run = LabelRunFactory(lot=lot, serialised=False, count=3, created_by_id=member.id)
    assert member_client.get(f"/portal/runs/{run.id}.pdf").status_code == 200
    recall(member_client, lot)

    response = member_client.get(f"/portal/runs/{run.id}.pdf")

    assert response.status_code == 302
    assert response.headers["Location"] == f"/portal/lots/{lot.id}"
    assert REFUSED in member_client.get(response.headers["Location"]).get_data(as_text=True)
