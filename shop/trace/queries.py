"""Finding lots and units by their printed identifiers, with what a trace shows loaded at once."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from shop.catalog.models import Product
from shop.core import gs1
from shop.extensions import db
from shop.trace.models import Lot, LotInput, Unit, Zone


def _with_trace():
    """Loader options for everything a trace page, its API and EPCIS read: 3 queries in all."""
    return (
        joinedload(Lot.product).options(
            joinedload(Product.producer), joinedload(Product.certificate),
            selectinload(Product.images)),
        selectinload(Lot.inputs).joinedload(LotInput.zone).joinedload(Zone.province),
    )


def load_lot_for_label(lot_id: int) -> Lot | None:
    """A lot with what its label prints (product and certificate) in one query."""
    return db.session.scalar(select(Lot).where(Lot.id == lot_id).options(
        joinedload(Lot.product).joinedload(Product.certificate)))


def load_lot(lot_id: int) -> Lot | None:
    """A lot by id with its product, certificate, images, inputs and zones."""
    return db.session.scalar(select(Lot).where(Lot.id == lot_id).options(*_with_trace()))


def product_by_gtin(gtin14: str) -> Product | None:
    """The product carrying a GTIN (every GTIN is stored as its GTIN-14)."""
    return db.session.scalar(select(Product).where(Product.gtin == gtin14))


def lot_by_gtin(gtin14: str, code: str) -> Lot | None:
    """A lot by its product's GTIN and its lot number, as a Digital Link names it."""
    return db.session.scalar(
        select(Lot).join(Lot.product)
        .where(Product.gtin == gtin14, Lot.code == code)
        .options(*_with_trace()))


@dataclass(frozen=True)
class LotRef:
    """A lot found by a printed identifier (its id: the trace page's cache says the rest)."""

    id: int


# Built once: this runs on every scan, and building the statement cost more than running it.
_REF_QUERY = select(Lot.id).join(Product, Product.id == Lot.product_id)


def _ref(*where) -> LotRef | None:
    """One narrow query: the id of the lot the identifier names."""
    lot_id = db.session.connection().execute(_REF_QUERY.where(*where)).scalar()
    return None if lot_id is None else LotRef(lot_id)


def lot_ref_by_gtin(gtin14: str, code: str) -> LotRef | None:
    """The lot a Digital Link names by GTIN and lot number."""
    return _ref(Product.gtin == gtin14, Lot.code == code)


def lot_ref_by_token(token: str) -> LotRef | None:
    """The lot of a short trace URL (products without a GTIN)."""
    return _ref(Lot.token == token)


def lot_ref_by_serial(gtin14: str, serial: str) -> LotRef | None:
    """The lot of a serialised unit named by GTIN and serial alone (no lot in the link)."""
    unit_lot = select(Unit.lot_id).where(Unit.serial == serial).scalar_subquery()
    return _ref(Product.gtin == gtin14, Lot.id.in_(unit_lot))


def lot_ref_by_url(url: str) -> LotRef | None:
    """The lot a scanned or pasted trace URL names (Digital Link or /t/ link); raise GS1Error."""
    try:
        path = urlsplit(url.strip()).path
    except ValueError:  # a broken host, such as "http://[x/01/…"
        raise gs1.GS1Error(_l("This is not a web address.")) from None
    if "/t/" in path:
        return lot_ref_by_token(path.split("/t/", 1)[1].split("/")[0])
    if "/01/" not in path:
        raise gs1.GS1Error(_l("Paste the link of a lot's QR code (…/01/…/10/… or …/t/…)."))
    link = gs1.parse_path(path[path.index("/01/"):])
    if link.lot is not None:
        return lot_ref_by_gtin(link.gtin, link.lot)
    if link.serial is not None:
        return lot_ref_by_serial(link.gtin, link.serial)
    raise gs1.GS1Error(_l("This link names a product, not a lot."))


def product_lots(product_ids: list[int]) -> dict[int, list[Lot]]:
    """Each product's lots, newest first, in one query (for lists; product not loaded)."""
    lots: dict[int, list[Lot]] = {product_id: [] for product_id in product_ids}
    rows = db.session.scalars(select(Lot).where(Lot.product_id.in_(product_ids))
                              .order_by(Lot.produced_on.desc(), Lot.id.desc()))
    for lot in rows:
        lots[lot.product_id].append(lot)
    return lots
