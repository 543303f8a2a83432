"""An order's packing slip: A4 PDF with the outlet, the order number, who receives it, each
item with the lots it is served from, and the gift message (set in DejaVu, as the fairs'
catalog and the labels are, so Vietnamese prints with its marks)."""

from flask_babel import gettext as _
from fpdf import FPDF

from shop.orders.console import StaffOrder
from shop.orders.states import Fulfilment
from shop.outlets.models import Outlet
from shop.trace.labels import BOLD_FONT, REGULAR_FONT

MARGIN_MM = 15
FONT = "DejaVu"
WIDTH_MM = 210 - 2 * MARGIN_MM


def _document(title: str) -> FPDF:
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, MARGIN_MM)
    pdf.set_creator("OCOP shop")
    pdf.set_title(title)
    pdf.add_font(FONT, "", REGULAR_FONT)
    pdf.add_font(FONT, "B", BOLD_FONT)
    pdf.add_page()
    return pdf


def _text(pdf: FPDF, text: str, size: float = 11, bold: bool = False, height: float = 6):
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.multi_cell(WIDTH_MM, height, text, new_x="LMARGIN", new_y="NEXT")


def _receiver(pdf: FPDF, page: StaffOrder) -> None:
    order = page.order
    _text(pdf, _("Customer"), 12, bold=True)
    _text(pdf, f"{order.contact_name} · {order.contact_phone}")
    if order.recipient_name:
        _text(pdf, _("Gift for %(name)s", name=order.recipient_name)
              + (f" · {order.recipient_phone}" if order.recipient_phone else ""))
    if order.fulfilment == Fulfilment.DELIVERY:
        _text(pdf, _("Deliver to: %(address)s", address=", ".join(
            part for part in (order.street, order.commune) if part)))
    elif order.pickup_on is not None:
        _text(pdf, _("Pickup on %(day)s", day=order.pickup_on.strftime("%d/%m/%Y")))
    pdf.ln(3)


def _items(pdf: FPDF, page: StaffOrder) -> None:
    _text(pdf, _("Items"), 12, bold=True)
    for line in page.order.lines:
        _text(pdf, f"{line.quantity} × {line.name}", 11, bold=True)
        for line_lot, lot in page.lots.get(line.id, []):
            _text(pdf, "    " + _("Lot %(code)s (%(product)s): %(count)d", code=lot.code,
                                  product=lot.product.name_vi, count=line_lot.quantity), 10)
    pdf.ln(3)


def packing_slip_pdf(outlet: Outlet, page: StaffOrder) -> bytes:
    """The packing slip of one order at `outlet`, as PDF bytes."""
    order = page.order
    pdf = _document(_("Packing slip %(number)s", number=order.number))
    _text(pdf, outlet.name_vi, 14, bold=True, height=7)
    _text(pdf, _("Packing slip · order %(number)s", number=order.number), 18, bold=True,
          height=10)
    pdf.ln(2)
    _receiver(pdf, page)
    _items(pdf, page)
    if order.gift_message:
        _text(pdf, _("Gift message"), 12, bold=True)
        _text(pdf, order.gift_message)
    return bytes(pdf.output())
