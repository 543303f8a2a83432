"""Two members of one producer applying to the same fair at the same moment: one application,
the other member told it exists, never a server error (on SQLite and PostgreSQL)."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from shop.accounts import sessions
from shop.accounts.models import Role
from shop.extensions import db
from shop.fairs import services
from shop.fairs.models import FairApplication
from tests.factories import ProducerFactory, ProductFactory, UserFactory
from tests.unit.fairs.support import fair_input
from tests.web.concurrency.support import at_once, client_of, rows_removed_after

pytestmark = pytest.mark.no_db


def test_two_members_applying_at_once_make_one_application(app):
    with rows_removed_after(app):
        with app.app_context():
            producer = ProducerFactory()
            product = ProductFactory(producer=producer)
            fair = services.create_fair(fair_input(producer.province, slug="hoi-cho-dua"),
                                        UserFactory(role=Role.ADMIN))
            tokens = [sessions.start_session(UserFactory(role=Role.PRODUCER, producer=producer),
                                             timedelta(hours=1)) for _ in range(2)]
            db.session.commit()
            fair_id, product_id = fair.id, product.id

        answers = at_once(2, lambda i: client_of(app, tokens[i]).post(
            f"/portal/fairs/{fair_id}/apply", data={"product_ids": [str(product_id)]},
            follow_redirects=True))

        assert [answer.status_code for answer in answers] == [200, 200]
        pages = sorted(answer.get_data(as_text=True) for answer in answers)
        assert sum("Your producer has already applied to this fair" in p for p in pages) == 1
        assert sum("Application sent" in p for p in pages) == 1
        with app.app_context():
            assert db.session.scalar(select(func.count()).select_from(FairApplication).where(
                FairApplication.fair_id == fair_id)) == 1
