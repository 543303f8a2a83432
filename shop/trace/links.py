"""The URLs printed on labels: a GS1 Digital Link when the product has a GTIN, else /t/<token>."""

from flask import current_app

from shop.trace import gs1
from shop.trace.models import Lot


def _host() -> str:
    return current_app.config["PUBLIC_HOST"]


def lot_url(lot: Lot, serial: str | None = None) -> str:
    """The URL a lot's (or one unit's) QR code holds; `lot.product` must be loaded."""
    gtin = lot.product.gtin
    if gtin:
        return gs1.digital_link(gtin, lot.code, serial, expires_on=lot.expires_on).uri(_host())
    return f"{_host()}/t/{lot.token}" + (f"/{serial}" if serial else "")


def lot_path(lot: Lot, serial: str | None = None) -> str:
    """The site-relative path of `lot_url`, without the expiry query (for links on our pages)."""
    gtin = lot.product.gtin
    if gtin:
        return gs1.digital_link(gtin, lot.code, serial).path()
    return f"/t/{lot.token}" + (f"/{serial}" if serial else "")
