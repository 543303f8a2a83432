"""write_transaction() on a real SQLite transaction (outside the test's savepoint)."""

import flask_migrate
import pytest
from sqlalchemy import func, select

from shop.database import write_transaction
from shop.extensions import db
from shop.places.models import Province

pytestmark = pytest.mark.no_db


@pytest.fixture
def fresh_sqlite(make_app, tmp_path):
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'shop.sqlite3'}")
    with app.app_context():
        flask_migrate.upgrade()
        db.session.remove()
        yield app
        db.session.remove()


def provinces() -> int:
    return db.session.scalar(select(func.count()).select_from(Province))


def test_a_unit_of_work_that_has_written_keeps_its_writes(fresh_sqlite):
    """Like the demo seed: provinces first, then a service that declares it will write."""
    db.session.add(Province(code="68", slug="lam-dong", name="Lâm Đồng"))
    db.session.flush()

    write_transaction()
    db.session.add(Province(code="01", slug="ha-noi", name="Hà Nội"))
    db.session.rollback()

    assert provinces() == 0  # nothing was committed behind the caller's back


def test_reads_before_the_declaration_are_left_behind_and_writes_follow(fresh_sqlite):
    assert provinces() == 0  # a read opens the transaction without the lock

    write_transaction()
    db.session.add(Province(code="68", slug="lam-dong", name="Lâm Đồng"))
    db.session.commit()

    assert provinces() == 1
