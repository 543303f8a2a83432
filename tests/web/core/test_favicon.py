"""The shop's icon and web manifest: every browser finds them, no page logs a 404 for them."""

import json
import re
from pathlib import Path
from urllib.parse import urljoin

from tests.factories import ProductFactory

STATIC = Path(__file__).resolve().parents[3] / "static"


def head_links(html: str) -> list[tuple[str, str]]:
    """(rel, href) of each <link> in a page's head."""
    head = html.split("</head>", 1)[0]
    return [(re.search(r'rel="([^"]+)"', tag)[1], re.search(r'href="([^"]+)"', tag)[1])
            for tag in re.findall(r"<link [^>]+>", head)]


def manifest_href(client) -> str:
    return dict(head_links(client.get("/").get_data(as_text=True)))["manifest"]


def test_favicon_ico_is_an_icon_answered_in_place_and_cached(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype.startswith("image/")
    assert response.data.startswith(b"\x00\x00\x01\x00")  # the ICO signature
    assert response.cache_control.max_age >= 3600


def test_every_page_links_the_icons_and_the_manifest(client):
    product = ProductFactory()
    for path in ("/", f"/products/{product.slug}", "/sign-in", "/no-such-page"):
        links = head_links(client.get(path).get_data(as_text=True))
        assert [href for rel, href in links if rel == "icon"][0] == "/favicon.ico"
        assert {"icon", "manifest", "apple-touch-icon"} <= {rel for rel, _ in links}, path
        for rel, href in links:
            assert client.get(href).status_code == 200, (path, rel, href)


def test_the_manifest_names_the_shop_in_vietnamese_with_icons_that_answer(client):
    href = manifest_href(client)
    response = client.get(href)
    assert response.mimetype == "application/manifest+json"
    manifest = json.loads(response.get_data(as_text=True))
    assert manifest["name"] == "OCOP Việt" and manifest["lang"] == "vi"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    for icon in manifest["icons"]:
        image = client.get(urljoin(href, icon["src"]))
        assert image.status_code == 200 and image.mimetype == icon["type"], icon


def test_the_theme_colour_is_the_headers(client):
    css = (STATIC / "css" / "site.css").read_text()
    header = re.search(r"--brand-dark:\s*(#[0-9a-f]{6})", css)[1]
    manifest = json.loads((STATIC / "manifest.webmanifest").read_text())
    assert manifest["theme_color"] == header
    assert f'<meta name="theme-color" content="{header}">' in client.get("/").get_data(True)
