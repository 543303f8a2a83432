"""Time a 5,000-row recognition decision through the officer's pages: upload, preview, apply.

    .venv/bin/python bench/decision_import.py [--rows 5000] [--only sqlite|postgresql]

Each database gets a fresh schema (the real migrations), the 34 provinces and six groups, and
1,000 producers with 2,000 certified products in the decision's province. The annex (XLSX,
written by openpyxl) has `--rows` rows: a fifth renew those products' certificates (matched by
GTIN, by registration number or by folded name), the rest add 1,000 new producers and their
products. The pages are driven through the WSGI app (no server), signed in as a national
officer: upload (read and header check), preview (read, match and plan every row, render
the table), apply (plan again, then write, one transaction). The goal (issue #11) is under
10 s for each of preview and apply. PostgreSQL is a scratch database `ocop_bench_imports` next
to BENCH_ADMIN_URL; SQLite a file in a temporary folder.
"""

import argparse
import io
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.harness import recreate_database  # noqa: E402
from shop import create_app  # noqa: E402
from shop.accounts import sessions  # noqa: E402
from shop.accounts.models import Membership, OrganisationKind, Role, User  # noqa: E402
from shop.catalog.models import Product  # noqa: E402
from shop.core.gs1 import with_check_digit  # noqa: E402
from shop.demo.seed import seed_groups, seed_provinces  # noqa: E402
from shop.extensions import db  # noqa: E402
from shop.ocop.models import Certificate, Level, ProductGroup  # noqa: E402
from shop.ocop.rules import expiry_for  # noqa: E402
from shop.producers.models import Producer, ProducerKind  # noqa: E402
from shop.registry.decisions.columns import template_headers  # noqa: E402

PROVINCE = "Lâm Đồng"
EXISTING_PRODUCERS = 1000
DECIDED_ON = date.today() - timedelta(days=1)
GOAL_SECONDS = 10.0


def gtin(n: int) -> str:
    """A valid GTIN-13 under Vietnam's prefix, different for every n."""
    return with_check_digit(f"893{n:09d}")


def seed(province_id: int) -> User:
    """Existing producers (two certified products each) and a national officer."""
    producers = [Producer(slug=f"htx-co-{n}", name=f"HTX Cũ {n}", kind=ProducerKind.COOPERATIVE,
                          registration_number=f"68{n:08d}", address="Xã Lát",
                          province_id=province_id) for n in range(EXISTING_PRODUCERS)]
    db.session.add_all(producers)
    db.session.flush()
    group_id = db.session.scalar(select(func.min(ProductGroup.id)))
    products = [Product(slug=f"san-pham-cu-{p.id}-{k}", name_vi=f"Sản phẩm cũ {p.id} {k}",
                        name_en="", producer=p, producer_id=p.id, group_id=group_id,
                        price_vnd=100_000, gtin=gtin(p.id * 2 + k))
                for p in producers for k in range(2)]
    db.session.add_all(products)
    db.session.flush()
    recognized = DECIDED_ON - timedelta(days=700)
    db.session.add_all(Certificate(
        product_id=p.id, number="1/QĐ-UBND", authority="UBND tỉnh Lâm Đồng",
        level=Level.PROVINCE, score=60, stars=3, recognized_on=recognized,
        expires_on=expiry_for(recognized)) for p in products)
    officer = User(email="officer@bench.example.vn", name="Cán bộ", role=Role.CUSTOMER,
                   password_hash="-", email_confirmed_at=DECIDED_ON)
    officer.memberships.append(Membership(kind=OrganisationKind.OFFICE))
    db.session.add(officer)
    db.session.commit()
    return officer


def annex(rows: int) -> bytes:
    """The decision's annex: a fifth renewals of existing products, the rest new."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Phụ lục")
    sheet.append(["DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN"])
    sheet.append(template_headers("vi"))
    renewals = rows // 5
    for n in range(rows):
        if n < renewals:
            producer = n // 2 + 1
            how = n % 4
            sheet.append([n + 1, f"Sản phẩm cũ {producer} {n % 2}", f"HTX Cũ {producer - 1}",
                          f"68{producer - 1:08d}" if how == 1 else "", "", "", "",
                          gtin(producer * 2 + n % 2) if how == 0 else "", 4, 75])
        else:
            new = n - renewals
            sheet.append([n + 1, f"Sản phẩm mới {new}", f"HTX Mới {new // 4}",
                          f"69{new // 4:08d}", "Thôn 1, xã Mới", "", "Thực phẩm",
                          gtin(10_000_000 + new) if new % 2 else "", 3, 50 + new % 20])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def timed(label: str, action) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    response = action()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert response.status_code in (200, 302), (label, response.status_code)
    verdict = "" if label.startswith("upload") else ("  ok" if wall < GOAL_SECONDS else
                                                     "  OVER THE GOAL")
    print(f"  {label:<10} {wall:6.2f} s wall {cpu:6.2f} s CPU{verdict}")
    return wall


def run(url: str, label: str, rows: int) -> None:
    """Time the three pages on the database at `url`."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False,
                      "SECRET_KEY": "bench-only-secret", "PUBLIC_HOST": "http://127.0.0.1"})
    content = annex(rows)
    with app.app_context():
        flask_migrate.upgrade()
        provinces = seed_provinces()
        seed_groups()
        province = provinces[PROVINCE]
        officer = seed(province.id)
        token = sessions.start_session(officer, timedelta(hours=1))
        db.session.commit()
        province_id = province.id
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"] = token, True
    print(f"{label}: {rows:,} rows, an XLSX of {len(content) / 1024:,.0f} KiB")
    form = {"file": (io.BytesIO(content), "phu-luc.xlsx"), "number": "125/QĐ-UBND",
            "decided_on": DECIDED_ON.isoformat(), "authority": "UBND tỉnh Lâm Đồng",
            "level": "province", "province_id": str(province_id)}
    location = {}

    def upload():
        response = client.post("/registry/imports/new", data=form)
        location["preview"] = response.location
        return response

    timed("upload", upload)
    timed("preview", lambda: client.get(location["preview"]))
    page = client.get(location["preview"]).get_data(as_text=True)
    assert "Áp dụng cả" in page, "the preview found errors"
    timed("apply", lambda: client.post(location["preview"] + "/apply"))
    with app.app_context():
        certificates = db.session.scalar(select(func.count()).select_from(Certificate))
        print(f"  {certificates:,} certificates on record after applying")
        db.session.remove()
        db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    if args.only != "postgresql":
        with tempfile.TemporaryDirectory() as folder:
            run(f"sqlite:///{folder}/bench.sqlite3", "SQLite", args.rows)
    if args.only != "sqlite":
        url = recreate_database("ocop_bench_imports").replace("postgresql://",
                                                              "postgresql+psycopg://", 1)
        run(url, "PostgreSQL", args.rows)


if __name__ == "__main__":
    main()
