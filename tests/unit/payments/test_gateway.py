"""The payment gateways: what each tells the customer, and the registry orders find them in."""

import pytest

from shop.core.errors import InvalidInput, InvalidState
from shop.payments.gateway import (
    BankAccount,
    CashGateway,
    OrderPaymentView,
    PaymentStart,
    VietQRGateway,
    gateway_for,
    gateways,
    register,
)
from shop.payments.vietqr import parse

pytestmark = pytest.mark.usefixtures("english")

VIETCOMBANK = BankAccount(bin="970436", bank_name="Vietcombank", number="0011004455667",
                          holder="HTX DICH VU OCOP HA NOI")
ORDER = OrderPaymentView(number="DH7K2Q9MZ", amount_due=325_000, language="en", bank=VIETCOMBANK)


def test_the_shop_offers_vietqr_and_cash_both_ways():
    assert set(gateways) >= {"vietqr", "cash_pickup", "cash_delivery"}
    assert gateway_for("vietqr", "delivery").collected_at_handover is False
    assert gateway_for("cash_pickup", "pickup").collected_at_handover is True
    assert gateway_for("cash_delivery", "delivery").method == "cash_delivery"


def test_vietqr_instructions_hold_a_payload_for_this_order_and_the_same_in_words():
    instructions = gateway_for("vietqr").instructions(ORDER)
    transfer = instructions.transfer
    assert (instructions.method, instructions.amount) == ("vietqr", 325_000)
    assert (transfer.bank_name, transfer.bin, transfer.account_number, transfer.account_name) == (
        "Vietcombank", "970436", "0011004455667", "HTX DICH VU OCOP HA NOI")
    assert (transfer.amount, transfer.message) == (325_000, "OCOP DH7K2Q9MZ")
    fields = parse(transfer.payload)
    assert fields["38"]["01"] == {"00": "970436", "01": "0011004455667"}
    assert (fields["54"], fields["62"]["08"]) == ("325000", "OCOP DH7K2Q9MZ")
    assert instructions.summary == (
        "Transfer ₫325,000 to account 0011004455667 (HTX DICH VU OCOP HA NOI) at Vietcombank "
        "with the message “OCOP DH7K2Q9MZ”, or scan the QR code in your bank's app.")


def test_instructions_are_in_the_order_language_not_the_page_language():
    vietnamese = OrderPaymentView("DH7K2Q9MZ", 1_250_000, "vi", VIETCOMBANK)
    summary = gateway_for("vietqr").instructions(vietnamese).summary
    assert "1.250.000\u00a0₫" in summary and summary.startswith("Chuyển khoản")
    cash = gateway_for("cash_delivery").instructions(vietnamese).summary
    assert "1.250.000\u00a0₫" in cash and "tiền mặt" in cash


def test_the_message_prefix_is_the_shops_choice():
    transfer = VietQRGateway(message_prefix="HTXEAKIET").instructions(ORDER).transfer
    assert transfer.message == "HTXEAKIET DH7K2Q9MZ"


def test_vietqr_needs_the_outlet_bank_account_and_something_to_pay():
    with pytest.raises(InvalidState) as refused:
        gateway_for("vietqr").instructions(OrderPaymentView("DH7K2Q9MZ", 325_000))
    assert refused.value.field == "payment_method"
    with pytest.raises(InvalidInput) as refused:
        gateway_for("vietqr").instructions(OrderPaymentView("DH7K2Q9MZ", 0, "en", VIETCOMBANK))
    assert refused.value.field == "amount"


def test_cash_instructions_are_one_sentence_for_the_handover():
    pickup = gateway_for("cash_pickup").instructions(ORDER)
    delivery = gateway_for("cash_delivery").instructions(ORDER)
    assert pickup.summary == "Pay ₫325,000 in cash when you collect your order at the outlet."
    assert delivery.summary == "Pay ₫325,000 in cash to the courier when your order arrives."
    assert pickup.transfer is None and pickup.amount == 325_000


def test_offline_methods_start_nothing_and_take_no_provider_notice():
    for method in ("vietqr", "cash_pickup"):
        assert gateway_for(method).start(ORDER, "https://ocop.example.vn/o/x") == PaymentStart()
        with pytest.raises(InvalidState, match="confirmed by staff"):
            gateway_for(method).confirmation(b"{}", {})


@pytest.mark.parametrize(("method", "fulfilment"), [
    ("card", None), ("", None), ("VIETQR", None),
    ("cash_pickup", "delivery"), ("cash_delivery", "pickup"),
])
def test_a_method_not_offered_for_the_order_is_refused(method, fulfilment):
    with pytest.raises(InvalidInput) as refused:
        gateway_for(method, fulfilment)
    assert refused.value.field == "payment_method"


def test_a_method_is_registered_once():
    with pytest.raises(ValueError, match="already registered"):
        register(CashGateway("pickup"))
