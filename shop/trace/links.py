"""The URLs printed on labels: a GS1 Digital Link when the product has a GTIN, else /t/<token>."""

from shop.core import gs1
from shop.core.urls import public_host
from shop.trace.models import Lot


def lot_url(lot: Lot, serial: str | None = None) -> str:
    """The URL a lot's (or one unit's) QR code holds; `lot.product` must be loaded."""
    gtin, host = lot.product.gtin, public_host()
    if gtin:
        return gs1.digital_link(gtin, lot.code, serial, expires_on=lot.expires_on).uri(host)
    return f"{host}/t/{lot.token}" + (f"/{serial}" if serial else "")


def lot_path(lot: Lot, serial: str | None = None) -> str:
    """The site-relative path of `lot_url`, without the expiry query (for links on our pages)."""
    gtin = lot.product.gtin
    if gtin:
        return gs1.digital_link(gtin, lot.code, serial).path()
    return f"/t/{lot.token}" + (f"/{serial}" if serial else "")
