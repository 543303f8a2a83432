"""Applying a planned import: new producers and products, then every certificate through the
registry's own `record_certificates`, in the caller's transaction."""

from collections import Counter
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute

from shop.accounts.models import User
from shop.catalog.models import Product
from shop.core.text import slugify
from shop.extensions import db
from shop.producers.models import Producer
from shop.registry.decisions.plans import Outcome, Plan
from shop.registry.services import record_certificates


def unique_slugs(column: InstrumentedAttribute, names: list[str]) -> list[str]:
    """A slug for each name, free in `column` and among themselves ("tra-shan", "tra-shan-2")."""
    bases = [slugify(name, max_length=100) or "ocop" for name in names]
    wanted = {index: base for index, base in enumerate(bases)}
    chosen: dict[int, str] = {}
    used: set[str] = set()
    suffix = 1
    while wanted:
        candidates = {i: base if suffix == 1 else f"{base}-{suffix}" for i, base in wanted.items()}
        taken = set(db.session.scalars(select(column).where(column.in_(set(candidates.values())))))
        for index, slug in candidates.items():
            if slug not in taken and slug not in used:
                chosen[index] = slug
                used.add(slug)
                del wanted[index]
        suffix += 1
    return [chosen[index] for index in range(len(names))]


def apply_plan(plan: Plan, actor: User, today: date) -> Counter:
    """Write what an error-free plan says; return how many rows had each outcome."""
    rows = [row for row in plan.rows if row.outcome is not Outcome.UNCHANGED]
    planned = list({row.new_producer.key: row.new_producer
                    for row in rows if row.new_producer}.values())
    producers = {}
    for new, slug in zip(planned, unique_slugs(Producer.slug, [p.name for p in planned]),
                         strict=True):
        producers[new.key] = Producer(
            slug=slug, name=new.name, kind=new.kind, registration_number=new.registration_number,
            address=new.address, province_id=new.province_id)
    db.session.add_all(producers.values())
    db.session.flush()
    fresh = [row for row in rows if row.new_product]
    for row, slug in zip(fresh, unique_slugs(Product.slug, [r.product_name for r in fresh]),
                         strict=True):
        new = row.new_product
        maker = row.producer or producers[row.new_producer.key]
        # Prices, units and stories are the producer's to fill in the portal.
        row.product = Product(slug=slug, name_vi=new.name, name_en="", producer=maker,
                              producer_id=maker.id, group_id=new.group_id, price_vnd=0,
                              gtin=new.gtin)
    db.session.add_all(row.product for row in fresh)
    db.session.flush()
    record_certificates([(row.product, replace(row.certificate, product_id=row.product.id))
                         for row in rows], actor, today)
    return plan.counts()
