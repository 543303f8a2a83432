"""Demo outlets, their staff, and stock received by lot from the demo's lots.

Everything goes through the outlets' services, so the demo keeps every rule staff meet:
only listed products' lots, never past expiry or a lot's size, FEFO sales.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from random import Random

from sqlalchemy import select

from shop.accounts.models import Membership, OrganisationKind, Role, User
from shop.catalog.listing import listed_product_ids
from shop.catalog.models import Product
from shop.demo.accounts import DEMO_ACCOUNTS
from shop.demo.outlets_data import OUTLETS, OutletRow
from shop.extensions import db
from shop.outlets.models import Outlet, OutletKind
from shop.outlets.queries import SOON_TO_EXPIRE
from shop.outlets.reservations import take_fefo
from shop.outlets.services import OutletInput, create_outlet
from shop.outlets.stock import adjust, receive
from shop.outlets.stock_models import MoveReason
from shop.places.models import Province
from shop.producers.models import Producer
from shop.trace.models import Lot

# Lots about to expire that each centre holds, for its staff to see marked.
SOON_AT_CENTRES = 5
# Outlets holding the lot that is recalled after they received it.
HOLDERS_OF_THE_RECALL = ("diem-ban-ocop-da-lat", "ttgt-ocop-ha-noi")


@dataclass(frozen=True)
class OutletsSummary:
    """What the outlets seed created, for the command to print."""

    outlets: int
    staff: int
    levels: int


def seed_outlets(provinces: dict[str, Province], users: dict[Role, User], to_recall: int,
                 today: date, rng: Random) -> OutletsSummary:
    """Create the outlets, put their staff on them and stock them from the demo's lots."""
    outlets = {row.slug: create_outlet(_input(row, provinces), users[Role.ADMIN])
               for row in OUTLETS}
    staff = _join_staff(outlets)
    stocker = _Stocker(today, rng)
    for row in OUTLETS:
        stocker.stock(outlets[row.slug], staff[row.slug], row)
    recalled = db.session.get(Lot, to_recall)
    for slug in HOLDERS_OF_THE_RECALL:
        stocker.receive(outlets[slug], staff[slug], recalled, rng.randint(4, 9))
    _counter_sales(outlets, staff, stocker, rng)
    return OutletsSummary(outlets=len(outlets), staff=sum(1 for a in DEMO_ACCOUNTS if a.outlets),
                          levels=len(stocker.stocked))


def _input(row: OutletRow, provinces: dict[str, Province]) -> OutletInput:
    bank_bin, account, name = row.bank or (None, "", "")
    return OutletInput(
        name_vi=row.name_vi, name_en=row.name_en, slug=row.slug, kind=row.kind,
        operator_name=row.operator, operator_tax_code=row.tax_code, street=row.street,
        commune=row.commune, province_id=provinces[row.province].id, latitude=row.latitude,
        longitude=row.longitude, phone=row.phone, email=row.email, hours=row.hours,
        bank_bin=bank_bin, bank_account=account, bank_account_name=name,
        offers_pickup=True, offers_delivery=bool(row.delivers),
        delivery_fees=tuple((provinces[p].id, fee) for p, fee in row.delivers),
        free_delivery_from_vnd=row.free_from, accepts_vietqr=row.bank is not None,
        accepts_cash_pickup=row.cash_at_pickup, accepts_cod=bool(row.delivers),
        status=row.status)


def _join_staff(outlets: dict[str, Outlet]) -> dict[str, User]:
    """Each staff account joins its outlets; the outlets' first staff member, by slug."""
    by_email = {u.email: u for u in db.session.scalars(select(User).where(
        User.email.in_([a.email for a in DEMO_ACCOUNTS if a.outlets])))}
    first: dict[str, User] = {}
    for account in DEMO_ACCOUNTS:
        for slug in account.outlets:
            user = by_email[account.email]
            user.memberships.append(Membership(kind=OrganisationKind.OUTLET,
                                               outlet_id=outlets[slug].id))
            first.setdefault(slug, user)
    db.session.flush()
    return first


class _Stocker:
    """Receives lots at outlets, keeping what all of them take within each lot's size."""

    def __init__(self, today: date, rng: Random) -> None:
        self.today, self.rng = today, rng
        self.left: dict[int, int] = {}
        self.stocked: set[tuple[int, int]] = set()
        rows = db.session.execute(
            select(Lot, Province.name).join(Product, Product.id == Lot.product_id)
            .join(Producer, Producer.id == Product.producer_id)
            .join(Province, Province.id == Producer.province_id)
            .where(Lot.product_id.in_(listed_product_ids(today)), Lot.recalled_at.is_(None),
                   Lot.expires_on >= today).order_by(Lot.id))
        self.by_province: dict[str, list[Lot]] = defaultdict(list)
        for lot, province in rows:
            self.by_province[province].append(lot)
            self.left[lot.id] = lot.quantity

    def receive(self, outlet: Outlet, staff: User, lot: Lot, units: int) -> None:
        """Receive up to `units` of the lot, as many as it has left."""
        units = min(units, self.left.get(lot.id, lot.quantity))
        if units > 0:
            receive(outlet.id, lot.id, units, staff, note=f"PN-{self.rng.randint(100, 999)}",
                    today=self.today)
            self.left[lot.id] = self.left.get(lot.id, lot.quantity) - units
            self.stocked.add((outlet.id, lot.id))

    def stock(self, outlet: Outlet, staff: User, row: OutletRow) -> None:
        """About `row.lots` lots: up to half from the province's own producers, the rest from
        elsewhere; a few units of some ("few left"), and at the centres the lots about to
        expire."""
        own = self.by_province.get(row.province, [])[:row.lots // 2]
        others = [lot for name, lots in self.by_province.items() if name != row.province
                  for lot in lots]
        chosen = own + self.rng.sample(others, min(row.lots - len(own), len(others)))
        if row.kind is OutletKind.CENTRE:
            soon = [lot for lots in self.by_province.values() for lot in lots
                    if lot.expires_on <= self.today + SOON_TO_EXPIRE and lot not in chosen]
            chosen += self.rng.sample(soon, min(SOON_AT_CENTRES, len(soon)))
        for lot in chosen:
            units = self.rng.choice((2, 3, 4)) if self.rng.random() < 0.2 else (
                self.rng.randint(6, 36))
            self.receive(outlet, staff, lot, units)


def _counter_sales(outlets: dict[str, Outlet], staff: dict[str, User], stocker: _Stocker,
                   rng: Random) -> None:
    """A few sales at the counter and a broken jar, so the ledger has more than deliveries."""
    for slug in ("ttgt-ocop-ha-noi", "diem-ban-ocop-hoi-an", "diem-ban-ocop-sa-pa"):
        outlet = outlets[slug]
        lots = [lot_id for outlet_id, lot_id in sorted(stocker.stocked) if outlet_id == outlet.id]
        for lot_id in rng.sample(lots, min(3, len(lots))):
            product_id = db.session.scalar(select(Lot.product_id).where(Lot.id == lot_id))
            take_fefo(outlet.id, product_id, 1, staff[slug], reason=MoveReason.SOLD,
                      today=stocker.today)
    hoi_an = outlets["diem-ban-ocop-hoi-an"]
    first = min(lot_id for outlet_id, lot_id in stocker.stocked if outlet_id == hoi_an.id)
    adjust(hoi_an.id, first, -1, MoveReason.ADJUSTED_DAMAGED, "Vỡ khi trưng bày",
           staff["diem-ban-ocop-hoi-an"])
