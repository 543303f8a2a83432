"""Fill an empty database with the demo data set, inside the caller's transaction."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from random import Random

from sqlalchemy import func, select

from shop.accounts.models import Role, User
from shop.catalog.listing import listed_products
from shop.catalog.models import Product
from shop.core.clock import utcnow
from shop.core.text import slugify
from shop.demo.accounts import EVERY_DEMO_ACCOUNT, MEMBER_OF, seed_accounts
from shop.demo.catalog import seed_producers, seed_products
from shop.demo.certificates import certify
from shop.demo.combos import seed_combos
from shop.demo.fairs import FairsSummary, seed_fairs
from shop.demo.members import seed_members
from shop.demo.orders import seed_orders
from shop.demo.outlets import OutletsSummary, seed_outlets
from shop.demo.reference import GROUPS, PROVINCES
from shop.demo.trace import TraceSummary, recall_demo_lot, seed_trace
from shop.extensions import db
from shop.ocop.models import ProductGroup, ProductSubgroup
from shop.places.models import Province
from shop.producers.models import Producer

# One fixed seed: every run on the same day gives the same data set.
DEMO_SEED = 20250706


@dataclass(frozen=True)
class SeedSummary:
    """What seeding created, for the command to print."""

    provinces: int
    producers: int
    products: int
    images: int
    listed: int
    fates: Counter
    trace: TraceSummary
    outlets: OutletsSummary
    combos: int
    fairs: FairsSummary
    orders: int


def existing_data() -> str | None:
    """Why the database is not empty enough to seed (products, producers or demo users), or None."""
    products = db.session.scalar(select(func.count()).select_from(Product))
    if products:
        return f"{products} products"
    producers = db.session.scalar(select(func.count()).select_from(Producer))
    if producers:
        return f"{producers} producers"
    emails = [account.email for account in EVERY_DEMO_ACCOUNT]
    if db.session.scalar(select(func.count()).select_from(User).where(User.email.in_(emails))):
        return "demo accounts"
    return None


def seed(media_root: Path, today: date) -> SeedSummary:
    """Create the whole demo data set dated relative to `today`; flushes, never commits."""
    rng = Random(DEMO_SEED)
    provinces = seed_provinces()
    groups, subgroups = seed_groups()
    producers = seed_producers(provinces, rng)
    member_of = next(p for p in producers if p.name == MEMBER_OF)
    users = seed_accounts(member_of, provinces)
    seeded = seed_products(producers, groups, subgroups, media_root, rng)
    fates = certify(seeded, users[Role.OFFICER], today, rng)
    trace = seed_trace(seeded, fates, users, today, rng)
    outlets = seed_outlets(provinces, users, trace.to_recall, today, rng)
    # After outlets received it: the recall sets its units aside there.
    recall_demo_lot(trace.to_recall, users)
    combos = seed_combos(users[Role.ADMIN], today, rng)
    fairs = seed_fairs(provinces, users, today)
    seed_members(member_of, users[Role.OFFICER], subgroups, media_root, utcnow())
    # A generator of their own, so the orders change nothing the other parts draw.
    orders = seed_orders(users, today, Random(DEMO_SEED + 1))
    listed = db.session.scalar(
        listed_products(today).with_only_columns(func.count(Product.id)))
    return SeedSummary(
        provinces=len(provinces), producers=len(producers), products=len(seeded),
        images=sum(len(s.product.images) for s in seeded), listed=listed,
        fates=Counter(fates), trace=trace, outlets=outlets, combos=combos, fairs=fairs,
        orders=orders,
    )


def seed_provinces() -> dict[str, Province]:
    """Create or update the 34 provincial units; return them by name."""
    existing = {p.code: p for p in db.session.scalars(select(Province))}
    provinces = {}
    for row in PROVINCES:
        province = existing.get(row.code) or Province(code=row.code)
        province.name, province.slug = row.name, slugify(row.name)
        province.former_names = row.former_names
        db.session.add(province)
        provinces[row.name] = province
    db.session.flush()
    return provinces


def seed_groups() -> tuple[dict[int, ProductGroup], dict[str, ProductSubgroup]]:
    """Create or update the six product groups and their sub-groups."""
    groups = {g.code: g for g in db.session.scalars(select(ProductGroup))}
    subgroups = {s.slug: s for s in db.session.scalars(select(ProductSubgroup))}
    for row in GROUPS:
        group = groups.setdefault(row.code, ProductGroup(code=row.code))
        group.slug, group.name_vi, group.name_en = row.slug, row.name_vi, row.name_en
        db.session.add(group)
        for sub in row.subgroups:
            subgroup = subgroups.setdefault(sub.slug, ProductSubgroup(slug=sub.slug))
            subgroup.group, subgroup.name_vi, subgroup.name_en = group, sub.name_vi, sub.name_en
            db.session.add(subgroup)
    db.session.flush()
    return groups, subgroups

