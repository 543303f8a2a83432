"""What the lot rule tests share: dates, the inputs they build, how a refusal is checked."""

from datetime import date

import pytest
from sqlalchemy import func, select

from shop.core.errors import InvalidInput
from shop.extensions import db
from shop.trace.lots import HarvestInput, LotData, create_lot
from shop.trace.models import Lot
from tests.factories import LotFactory, LotInputFactory, ProductFactory

TODAY = date(2026, 3, 16)
PRODUCED = date(2026, 3, 10)
HARVESTED = date(2026, 3, 1)


def draw(zone, kilograms: int, harvested_on: date = date(2026, 2, 1), product=None) -> Lot:
    """An existing lot of the zone's producer that drew `kilograms` from `zone`."""
    product = product or ProductFactory(producer=zone.producer)
    lot = LotFactory(product=product, harvest=None)
    LotInputFactory(lot=lot, zone=zone, harvested_on=harvested_on, quantity_kg=kilograms)
    return lot


def lot_data(product, *inputs: HarvestInput, **changes) -> LotData:
    values = dict(product_id=product.id, code="L2603-01", produced_on=PRODUCED,
                  expires_on=date(2027, 3, 10), quantity=1_000, unit="hộp", inputs=inputs)
    return LotData(**(values | changes))


def take(zone, kilograms: int, harvested_on: date = HARVESTED) -> HarvestInput:
    return HarvestInput(zone_id=zone.id, harvested_on=harvested_on, quantity_kg=kilograms)


def refusal(data: LotData, actor) -> InvalidInput:
    before = db.session.scalar(select(func.count()).select_from(Lot))
    with pytest.raises(InvalidInput) as refused:
        create_lot(data, actor)
    assert db.session.scalar(select(func.count()).select_from(Lot)) == before
    return refused.value
