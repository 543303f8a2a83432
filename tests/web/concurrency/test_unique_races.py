"""Two producers claiming one planting-area code or one GTIN at the same moment: one wins,
the other gets the field's error, never a server error (on SQLite and PostgreSQL)."""

from datetime import timedelta

import pytest

from shop.accounts import sessions
from shop.accounts.models import Role
from shop.extensions import db
from tests.factories import ProducerFactory, ProductFactory, ProvinceFactory, UserFactory
from tests.web.concurrency.support import at_once, client_of, rows_removed_after
from tests.web.trace.portal.test_zones import zone_form

pytestmark = pytest.mark.no_db


def two_members() -> list[tuple[str, int]]:
    """Two producers' members, signed in: (session token, the id of a product of theirs)."""
    members = []
    for _ in range(2):
        producer = ProducerFactory()
        member = UserFactory(role=Role.PRODUCER, producer=producer)
        product = ProductFactory(producer=producer, gtin=None)
        members.append((sessions.start_session(member, timedelta(hours=1)), product.id))
    db.session.commit()
    return members


def test_one_code_claimed_twice_at_once_is_registered_once(app):
    with rows_removed_after(app):
        with app.app_context():
            members = two_members()
            form = zone_form(ProvinceFactory(), code="vn-68-672-24820-07-26")
            db.session.commit()

        answers = at_once(2, lambda i: client_of(app, members[i][0]).post(
            "/portal/zones/new", data=form))

        assert sorted(answer.status_code for answer in answers) == [302, 400]
        refused = next(answer for answer in answers if answer.status_code == 400)
        assert "VN-68-672-24820-07-26 is already registered" in refused.get_data(as_text=True)


def test_one_gtin_claimed_twice_at_once_goes_to_one_product(app):
    with rows_removed_after(app):
        with app.app_context():
            members = two_members()

        def claim(index: int):
            token, product_id = members[index]
            return client_of(app, token).post(f"/portal/products/{product_id}", data={
                "story_vi": "Câu chuyện.", "story_en": "A story.", "price_vnd": "120000",
                "gtin": "8934563138165"})

        answers = at_once(2, claim)

        assert sorted(answer.status_code for answer in answers) == [302, 400]
        refused = next(answer for answer in answers if answer.status_code == 400)
        assert "already carries the GTIN" in refused.get_data(as_text=True)
