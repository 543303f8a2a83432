"""What an order costs, in integer đồng: its lines, the delivery fee and the total.

Pure arithmetic on prices the caller read from current data at placement, never from a form.
Đồng have no minor unit and every price is a whole number of them, so nothing is ever rounded.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from flask_babel import gettext as _

from shop.core.errors import InvalidInput

# What the INTEGER columns of orders hold (PostgreSQL's int4); far above any real basket.
MAX_TOTAL = 2_147_483_647
MAX_QUANTITY = 999


@dataclass(frozen=True)
class PricedLine:
    """One line of a cart at today's price: a product, or a combo sold as one unit.

    `parts_price` is, for a combo, what its components cost bought one by one (per combo);
    it is shown beside the combo's price and never charged.
    """

    key: str
    unit_price: int
    quantity: int
    parts_price: int | None = None


@dataclass(frozen=True)
class DeliveryRule:
    """The outlet's flat fee to the customer's province, waived from `free_from` (if any)."""

    fee: int
    free_from: int | None = None


@dataclass(frozen=True)
class LineTotal:
    """A line's amount: unit price × quantity, and what a combo saves against its parts."""

    key: str
    amount: int
    saving: int


@dataclass(frozen=True)
class Totals:
    """What the confirmation shows: lines, their sum, the delivery fee and what is owed."""

    lines: tuple[LineTotal, ...]
    subtotal: int
    delivery_fee: int
    total: int
    saving: int
    # Delivery would have cost a fee, waived because the goods reached the threshold.
    delivery_waived: bool = False


def totals(lines: Sequence[PricedLine], delivery: DeliveryRule | None = None) -> Totals:
    """The totals of `lines`, delivered under `delivery` (None: picked up, no fee)."""
    if not lines:
        raise InvalidInput(_("The cart is empty."), "items")
    priced = tuple(_line_total(line) for line in lines)
    subtotal = sum(line.amount for line in priced)
    fee = _delivery_fee(delivery, subtotal) if delivery is not None else 0
    total = subtotal + fee
    if total > MAX_TOTAL:
        raise InvalidInput(_("This order is too large to place online: please contact the "
                             "outlet."), "items")
    waived = delivery is not None and delivery.fee > 0 and fee == 0
    return Totals(priced, subtotal, fee, total, sum(line.saving for line in priced), waived)


def _line_total(line: PricedLine) -> LineTotal:
    """One line's amount, after checking its numbers are whole đồng and a sane quantity."""
    _whole(line.unit_price, "price")
    if (isinstance(line.quantity, bool) or not isinstance(line.quantity, int)
            or not 1 <= line.quantity <= MAX_QUANTITY):
        raise InvalidInput(_("Quantities are 1 to %(max)d.", max=MAX_QUANTITY), "quantity")
    saving = 0
    if line.parts_price is not None:
        _whole(line.parts_price, "price")
        saving = max(line.parts_price - line.unit_price, 0) * line.quantity
    return LineTotal(line.key, line.unit_price * line.quantity, saving)


def _delivery_fee(rule: DeliveryRule, subtotal: int) -> int:
    """The fee, or 0 when the goods reach the outlet's free-delivery threshold."""
    _whole(rule.fee, "delivery_fee")
    if rule.free_from is not None:
        _whole(rule.free_from, "delivery_fee")
        if subtotal >= rule.free_from:
            return 0
    return rule.fee


def _whole(value: object, field: str) -> None:
    """Refuse what is not a whole, non-negative number of đồng (floats, bools, negatives)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(_("Amounts are whole numbers of đồng, not %(value)s.",
                             value=value), field)
