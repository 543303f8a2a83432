"""A fair's products as a spreadsheet for its organisers (booth, producer, product, price)."""

from flask_babel import gettext as _

from shop.fairs import queries
from shop.fairs.models import Fair
from shop.registry.spreadsheets import xlsx_bytes

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def fair_xlsx(fair: Fair) -> bytes:
    """One row per product shown at the fair, by booth."""
    headers = [_("Booth"), _("Producer"), _("Province"), _("Product"), _("Product (English)"),
               _("Group"), _("Stars"), _("Certificate expires"), _("Price (đồng)")]
    rows = [(entry.booth.code, entry.booth.producer.name, entry.booth.producer.province.name,
             p.name_vi, p.name_en, p.group.name_vi, p.certificate.stars,
             p.certificate.expires_on, p.price_vnd)
            for entry in queries.by_booth(fair.id, queries.shown_products(fair.id))
            for p in entry.products]
    return xlsx_bytes(fair.name_vi, headers, rows, widths=(8, 30, 16, 36, 30, 24, 6, 14, 12))
