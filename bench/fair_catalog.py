"""Time a fair's printable catalog: 300 products with photos and QR codes, A4 PDF.

Run with `.venv/bin/python bench/fair_catalog.py`; prints the median of several runs (goal:
under 5 s, issue #11). The products are built in memory, as the query hands them over, so
the figure is the drawing's: the fair's one query is timed by the page tests' query counts.
"""

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageDraw  # noqa: E402

from shop import create_app  # noqa: E402
from shop.catalog.models import Product  # noqa: E402
from shop.core.urls import absolute_url  # noqa: E402
from shop.fairs.catalog import catalog_pdf  # noqa: E402
from shop.fairs.models import Fair, FairStatus  # noqa: E402
from shop.ocop.models import Certificate, ProductGroup  # noqa: E402
from shop.places.models import Province  # noqa: E402
from shop.producers.models import Producer  # noqa: E402

PRODUCTS = 300
PHOTOS = 40
RUNS = 3
GROUPS = [(1, "Thực phẩm", "Food"), (2, "Đồ uống", "Beverages"),
          (3, "Thảo dược", "Herbal products"), (4, "Vải và may mặc", "Textiles and garments"),
          (5, "Lưu niệm, nội thất, trang trí", "Souvenirs, furniture and decoration"),
          (6, "Dịch vụ du lịch cộng đồng", "Community tourism services")]


def photos(root: Path) -> list[str]:
    """PHOTOS different 800×800 JPEG photos under `root`, as producers upload them."""
    paths = []
    for index in range(PHOTOS):
        image = Image.new("RGB", (800, 800), (40 + index * 5, 120, 200 - index * 4))
        ImageDraw.Draw(image).ellipse((100, 100, 700, 700), fill=(250, 220, 90))
        path = root / "products" / f"bench-{index}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, "JPEG", quality=85)
        paths.append(f"products/bench-{index}.jpg")
    return paths


def products(paths: list[str]) -> list[Product]:
    """PRODUCTS listed products of 50 producers in six groups, each with a photo."""
    province = Province(name="Lâm Đồng", slug="lam-dong")
    groups = [ProductGroup(code=c, slug=f"g{c}", name_vi=vi, name_en=en) for c, vi, en in GROUPS]
    producers = [Producer(name=f"Hợp tác xã Nông nghiệp Đức Trọng số {n}", slug=f"htx-{n}",
                          province=province) for n in range(50)]
    made = []
    for n in range(PRODUCTS):
        product = Product(slug=f"ca-phe-arabica-cau-dat-rang-xay-{n}",
                          name_vi=f"Cà phê Arabica Cầu Đất rang xay thủ công số {n}",
                          name_en=f"Cau Dat Arabica coffee, hand roasted, no. {n}",
                          price_vnd=185_000 + n * 1000, producer=producers[n % 50],
                          producer_id=n % 50, group=groups[n % 6])
        product.certificate = Certificate(stars=3 + n % 3, expires_on=date(2028, 1, 1))
        product.cover_path = paths[n % PHOTOS]
        made.append(product)
    return made


def main() -> None:
    """Print the median time of the catalog."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "CACHE_TYPE": "SimpleCache",
                      "PUBLIC_HOST": "https://ocop.example.vn"})
    fair = Fair(slug="hoi-cho-ocop-lam-dong-2026", name_vi="Hội chợ OCOP Lâm Đồng 2026",
                name_en="Lam Dong OCOP fair 2026", starts_on=date(2026, 12, 10),
                ends_on=date(2026, 12, 14), venue="Quảng trường Lâm Viên, Đà Lạt",
                organiser="Sở Công Thương Lâm Đồng", status=FairStatus.PUBLISHED,
                province=Province(name="Lâm Đồng", slug="lam-dong"))
    booths = {n: f"{'ABCDE'[n // 10]}-{n % 10 + 1}" for n in range(50)}
    with tempfile.TemporaryDirectory() as media, app.test_request_context():
        items = products(photos(Path(media)))
        times, size = [], 0
        for _ in range(RUNS):
            start = time.perf_counter()
            pdf = catalog_pdf(fair, items, booths,
                              lambda slug: absolute_url("catalog.product", slug=slug), media)
            times.append(time.perf_counter() - start)
            size = len(pdf)
    print(f"Fair catalog, {PRODUCTS} products with photos and QR codes: "
          f"median {statistics.median(times):.2f} s over {RUNS} runs "
          f"({size / 1e6:.1f} MB; goal < 5 s)")


if __name__ == "__main__":
    main()
