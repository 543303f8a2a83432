"""Links out of the shop for an outlet: its point on a map."""

from urllib.parse import urlencode

from shop.outlets.models import Outlet


def map_url(outlet: Outlet) -> str:
    """The outlet's point on OpenStreetMap (no key, and no map script on our pages)."""
    lat, lon = f"{outlet.latitude:.6f}", f"{outlet.longitude:.6f}"
    query = urlencode({"mlat": lat, "mlon": lon})
    return f"https://www.openstreetmap.org/?{query}#map=17/{lat}/{lon}"
