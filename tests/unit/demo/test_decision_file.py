"""The demo's recognition decision file imports cleanly into the demo data set."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from shop.accounts.models import User
from shop.catalog.listing import is_listed
from shop.catalog.models import Product
from shop.demo import decision
from shop.demo.accounts import PROVINCIAL_OFFICER
from shop.demo.seed import seed
from shop.extensions import db
from shop.ocop.models import Level
from shop.places.models import Province
from shop.registry.decisions import services
from shop.registry.decisions.plans import Outcome
from tests.unit.registry.imports_support import LIMITS

TODAY = date(2026, 3, 16)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


def test_the_file_holds_the_rows_of_the_module():
    sheet = load_workbook(decision.DECISION_FILE, read_only=True).worksheets[0]
    rows = [list(values) for values in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == decision.TITLE[0] and rows[1][0] == decision.TITLE[1]
    assert [[v if v is not None else "" for v in row] for row in rows[3:]] == \
        decision.annex_rows()


def test_the_provincial_officer_imports_it_into_the_demo(app):
    seed(Path(app.config["MEDIA_ROOT"]), TODAY)
    officer = db.session.scalar(select(User).where(User.email == PROVINCIAL_OFFICER.email))
    province = db.session.scalar(select(Province).where(Province.name == decision.PROVINCE))
    data = services.DecisionInput(number=decision.NUMBER, decided_on=TODAY,
                                  authority=decision.AUTHORITY, level=Level.PROVINCE,
                                  province_id=province.id)
    record = services.upload_decision(decision.DECISION_FILE.read_bytes(),
                                      decision.DECISION_FILE.name, data, officer, LIMITS)
    plan = services.plan_for(record, officer, LIMITS)
    assert plan.errors == []
    assert plan.counts() == {Outcome.NEW_PRODUCER: 12, Outcome.NEW_PRODUCT: 2,
                             Outcome.SUPERSEDES: 6}
    revoked_rose = db.session.scalar(select(Product).where(Product.name_vi == "Hồng cổ Đà Lạt"))
    assert not is_listed(revoked_rose.id)
    services.apply_import(record.id, officer, LIMITS)
    assert (record.new_producers, record.new_products, record.new_certificates) == (6, 14, 20)
    assert is_listed(revoked_rose.id)  # recognised again, after its revocation
    names = [row[0] for row in decision.ROWS]
    products = db.session.scalars(select(Product).where(Product.name_vi.in_(names))).all()
    # The 14 new products wait for their producers' prices; the six renewals stay for sale.
    assert len(products) == 20
    assert sorted(is_listed(p.id) for p in products) == [False] * 14 + [True] * 6
    assert all(p.price_vnd == 0 for p in products if not is_listed(p.id))
