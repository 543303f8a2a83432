"""The demo's outlets: centres and tourist points in several provinces, staffed, stocked by lot,
one holding the recalled lot set aside and unsellable."""

from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shop.accounts.models import User
from shop.demo.accounts import DEMO_ACCOUNTS
from shop.demo.seed import seed
from shop.extensions import db
from shop.outlets.availability import availability_by_product, holders_of_lot, sellable
from shop.outlets.models import Outlet, OutletKind
from shop.outlets.stock_models import BUCKETS, StockLevel, StockMove
from shop.places.models import Province
from shop.trace.models import Lot

TODAY = date(2026, 3, 16)


@pytest.fixture
def seeded(app, time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    return seed(Path(app.config["MEDIA_ROOT"]), TODAY)


def test_the_demo_outlets_are_staffed_and_stocked_by_the_rules(seeded):
    outlets = db.session.scalars(select(Outlet)).all()
    provinces = {o.id: db.session.get(Province, o.province_id).name for o in outlets}
    assert len(outlets) >= 6 and len(set(provinces.values())) >= 4
    centres = {provinces[o.id] for o in outlets if o.kind is OutletKind.CENTRE}
    assert {"Hà Nội", "Thành phố Hồ Chí Minh"} <= centres
    assert seeded.outlets.outlets == len(outlets)

    users = {u.email: u for u in db.session.scalars(select(User))}
    slugs = {o.id: o.slug for o in outlets}
    for account in DEMO_ACCOUNTS:
        assert {slugs[i] for i in users[account.email].outlet_ids} == set(account.outlets)
    assert all(any(o.id in u.outlet_ids for u in users.values()) for o in outlets)

    check_the_ledger()
    check_the_recalled_lot(outlets)
    soon = db.session.scalar(select(func.count()).select_from(StockLevel).join(
        Lot, Lot.id == StockLevel.lot_id).where(
        Lot.expires_on.between(TODAY, TODAY + timedelta(days=30)), StockLevel.on_hand > 0))
    assert soon >= 2


def check_the_ledger():
    sums = defaultdict(int)
    for move in db.session.scalars(select(StockMove)):
        sums[move.outlet_id, move.lot_id, BUCKETS[move.reason].value] += move.quantity
    for level in db.session.scalars(select(StockLevel)):
        key = (level.outlet_id, level.lot_id)
        assert (level.on_hand, level.reserved, level.held) == tuple(
            sums[*key, bucket] for bucket in ("on_hand", "reserved", "held"))
    for lot in db.session.scalars(select(Lot)):
        received = sum(total for (_, lot_id, bucket), total in sums.items()
                       if lot_id == lot.id and bucket == "on_hand" and total > 0)
        assert received <= lot.quantity


def check_the_recalled_lot(outlets):
    [recalled] = db.session.scalars(select(Lot).where(Lot.recalled_at.is_not(None))).all()
    holders = holders_of_lot(recalled.id)
    assert holders and all(h.held == h.on_hand - h.reserved > 0 for h in holders)
    for holding in holders:
        assert sellable(holding.outlet.id, [recalled.product_id])[recalled.product_id] == sum(
            level.on_hand - level.reserved - level.held for level in db.session.scalars(
                select(StockLevel).join(Lot, Lot.id == StockLevel.lot_id).where(
                    StockLevel.outlet_id == holding.outlet.id,
                    Lot.product_id == recalled.product_id, Lot.id != recalled.id)))
    assert availability_by_product([recalled.product_id])[recalled.product_id] < len(outlets)
