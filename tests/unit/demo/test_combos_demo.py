"""The demo's gift combos: at least 12 with stories, from several producers, sold at the demo
outlets; one with a certificate ending soon, one off sale because of a revocation."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from shop.catalog.models import Product
from shop.combos.models import Combo, ComboComponent, Occasion
from shop.combos.selling import combo_offers, for_sale_combo_ids
from shop.demo.seed import seed
from shop.extensions import db
from shop.ocop.models import Certificate

TODAY = date(2026, 3, 16)


@pytest.fixture
def seeded(app, time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    return seed(Path(app.config["MEDIA_ROOT"]), TODAY)


def test_the_demo_combos(seeded):
    combos = db.session.scalars(select(Combo).options(
        selectinload(Combo.components).selectinload(ComboComponent.product),
        selectinload(Combo.outlets))).all()
    assert seeded.combos == len(combos) >= 12
    assert {Occasion.TET, Occasion.MID_AUTUMN, Occasion.REGIONAL} <= {c.occasion for c in combos}
    for combo in combos:
        assert combo.story_vi and combo.story_en and combo.outlets
        assert len(combo.components) >= 2
        assert len({c.product.producer_id for c in combo.components}) >= 2
    for_sale = set(db.session.scalars(for_sale_combo_ids(TODAY)))
    off_sale = [c.slug for c in combos if c.id not in for_sale]
    assert off_sale == ["qua-ha-long"]

    ends = db.session.scalars(
        select(Certificate.expires_on).join(ComboComponent,
                                            ComboComponent.product_id == Certificate.product_id)
        .join(Product, Product.id == ComboComponent.product_id)
        .where(Certificate.superseded.is_(False),
               ComboComponent.combo_id.in_(for_sale))).all()
    assert any(end <= TODAY + timedelta(days=90) for end in ends)
    in_stock = [c for c in combos if c.id in for_sale and combo_offers(c.id, today=TODAY)]
    assert len(in_stock) >= 8
