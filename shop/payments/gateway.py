"""The one interface every way of paying plugs into, and the gateways the shop offers today.

Orders know a payment method only by its name in `gateways`: a card gateway (Stripe) is one
more `register()` call, with no change to orders, pages or mail.
"""

import abc
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from shop.core.errors import InvalidInput, InvalidState
from shop.core.money import format_vnd
from shop.payments import vietqr

PICKUP, DELIVERY = "pickup", "delivery"


@dataclass(frozen=True)
class BankAccount:
    """Where an outlet is paid by transfer: the bank (NAPAS BIN and short name) and account."""

    bin: str
    bank_name: str
    number: str
    holder: str


@dataclass(frozen=True)
class OrderPaymentView:
    """What a gateway may know of an order: its number, what is owed, the outlet's account."""

    number: str
    amount_due: int
    language: str = "vi"
    bank: BankAccount | None = None


@dataclass(frozen=True)
class TransferDetails:
    """A bank transfer spelled out for those who type it, and the VietQR payload that holds it."""

    payload: str
    bin: str
    bank_name: str
    account_number: str
    account_name: str
    amount: int
    message: str


@dataclass(frozen=True)
class PaymentInstructions:
    """What the order page, the API and the confirmation mail tell the customer to do."""

    method: str
    amount: int
    summary: str
    transfer: TransferDetails | None = None
    redirect_url: str | None = None


@dataclass(frozen=True)
class PaymentStart:
    """What placing an order started at the provider; all empty for offline methods."""

    reference: str | None = None
    redirect_url: str | None = None
    client_secret: str | None = None


@dataclass(frozen=True)
class ReceivedPayment:
    """Money received for an order, as a provider, a statement or a person reports it."""

    order_number: str
    amount: int
    reference: str
    received_at: datetime


class PaymentGateway(abc.ABC):
    """A way of paying: what the customer is told, and how the shop learns it was paid."""

    method: str
    label: str
    # Cash is taken when the goods change hands: such an order is prepared before it is paid.
    collected_at_handover: bool
    fulfilments: frozenset[str]

    @abc.abstractmethod
    def instructions(self, order: OrderPaymentView) -> PaymentInstructions:
        """What to show the customer for paying `order`, in the order's language."""

    def start(self, order: OrderPaymentView, return_url: str) -> PaymentStart:
        """Open a payment at the provider when the order is placed (a card gateway creates its
        payment intent here and says where to send the shopper, back to `return_url`)."""
        return PaymentStart()

    def confirmation(self, body: bytes, headers: Mapping[str, str]) -> ReceivedPayment | None:
        """Read the provider's notice that a payment succeeded (a webhook), verifying its
        signature; None for a notice about something else. The caller deduplicates by reference."""
        raise InvalidState(_("%(method)s payments are confirmed by staff, not by a notice.",
                             method=self.label), "payment_method")


class VietQRGateway(PaymentGateway):
    """A transfer to the outlet's account by VietQR; staff or a statement confirm it."""

    method = "vietqr"
    label = _l("Bank transfer (VietQR)")
    collected_at_handover = False
    fulfilments = frozenset({PICKUP, DELIVERY})

    def __init__(self, message_prefix: str = "OCOP"):
        self.message_prefix = message_prefix

    def instructions(self, order: OrderPaymentView) -> PaymentInstructions:
        """The VietQR payload and the same transfer in words."""
        if order.bank is None:
            raise InvalidState(_("This outlet takes no bank transfers."), "payment_method")
        bank = order.bank
        message = vietqr.transfer_message(self.message_prefix, order.number)
        transfer = TransferDetails(
            payload=vietqr.payload(bank.bin, bank.number, order.amount_due, message),
            bin=bank.bin, bank_name=bank.bank_name, account_number=bank.number,
            account_name=bank.holder, amount=order.amount_due, message=message)
        with force_locale(order.language):
            summary = _("Transfer %(amount)s to account %(account)s (%(holder)s) at %(bank)s "
                        "with the message “%(message)s”, or scan the QR code in your bank's app.",
                        amount=format_vnd(order.amount_due, order.language),
                        account=bank.number, holder=bank.holder, bank=bank.bank_name,
                        message=message)
        return PaymentInstructions(self.method, order.amount_due, summary, transfer)


class CashGateway(PaymentGateway):
    """Cash, taken by staff when the customer collects the order or the courier delivers it."""

    collected_at_handover = True

    def __init__(self, fulfilment: str):
        self.fulfilment = fulfilment
        self.fulfilments = frozenset({fulfilment})
        self.method = f"cash_{fulfilment}"
        self.label = _l("Cash at pickup") if fulfilment == PICKUP else _l("Cash on delivery")

    def instructions(self, order: OrderPaymentView) -> PaymentInstructions:
        """One sentence: how much cash, and when."""
        amount = format_vnd(order.amount_due, order.language)
        with force_locale(order.language):
            summary = (_("Pay %(amount)s in cash when you collect your order at the outlet.",
                         amount=amount) if self.fulfilment == PICKUP else
                       _("Pay %(amount)s in cash to the courier when your order arrives.",
                         amount=amount))
        return PaymentInstructions(self.method, order.amount_due, summary)


gateways: dict[str, PaymentGateway] = {}


def register(gateway: PaymentGateway) -> None:
    """Offer `gateway` under its method name (a card gateway calls this when configured)."""
    if gateway.method in gateways:
        raise ValueError(f"a gateway for {gateway.method!r} is already registered")
    gateways[gateway.method] = gateway


def gateway_for(method: str, fulfilment: str | None = None) -> PaymentGateway:
    """The gateway of `method`, checked to serve `fulfilment` when one is given."""
    gateway = gateways.get(method)
    if gateway is None:
        raise InvalidInput(_("Choose one of the payment methods offered."), "payment_method")
    if fulfilment is not None and fulfilment not in gateway.fulfilments:
        raise InvalidInput(_("%(method)s is not possible for this way of receiving the order.",
                             method=gateway.label), "payment_method")
    return gateway


for _gateway in (VietQRGateway(), CashGateway(PICKUP), CashGateway(DELIVERY)):
    register(_gateway)
