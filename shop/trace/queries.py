"""Finding lots and units by their printed identifiers, with what a trace shows loaded at once."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from shop.catalog.models import Product
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


def _gtin_forms(gtin14: str) -> list[str]:
    """A GTIN-14 and the shorter forms a product may be stored under (13, 12 and 8 digits)."""
    return [gtin14[cut:] for cut in (0, 1, 2, 6) if gtin14[:cut].strip("0") == ""]


def load_lot(lot_id: int) -> Lot | None:
    """A lot by id with its product, certificate, images, inputs and zones."""
    return db.session.scalar(select(Lot).where(Lot.id == lot_id).options(*_with_trace()))


def product_by_gtin(gtin14: str) -> Product | None:
    """The product carrying a GTIN (stored in any of its lengths)."""
    return db.session.scalar(select(Product).where(Product.gtin.in_(_gtin_forms(gtin14))))


def lot_by_gtin(gtin14: str, code: str) -> Lot | None:
    """A lot by its product's GTIN and its lot number, as a Digital Link names it."""
    return db.session.scalar(
        select(Lot).join(Lot.product)
        .where(Product.gtin.in_(_gtin_forms(gtin14)), Lot.code == code)
        .options(*_with_trace()))


def lot_by_token(token: str) -> Lot | None:
    """A lot by the token of its short trace URL (products without a GTIN)."""
    return db.session.scalar(select(Lot).where(Lot.token == token).options(*_with_trace()))


def lot_by_serial(gtin14: str, serial: str) -> Lot | None:
    """The lot of a serialised unit named by GTIN and serial alone (no lot in the link)."""
    return db.session.scalar(
        select(Lot).join(Unit, Unit.lot_id == Lot.id).join(Lot.product)
        .where(Product.gtin.in_(_gtin_forms(gtin14)), Unit.serial == serial)
        .options(*_with_trace()))


def product_lots(product_ids: list[int]) -> dict[int, list[Lot]]:
    """Each product's lots, newest first, in one query (for lists; product not loaded)."""
    lots: dict[int, list[Lot]] = {product_id: [] for product_id in product_ids}
    rows = db.session.scalars(select(Lot).where(Lot.product_id.in_(product_ids))
                              .order_by(Lot.produced_on.desc(), Lot.id.desc()))
    for lot in rows:
        lots[lot.product_id].append(lot)
    return lots
