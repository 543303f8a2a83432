"""Uploading, previewing and applying annexes through the services, as the pages do."""

from datetime import date

from shop.ocop.models import Level
from shop.registry.decisions import services
from shop.registry.decisions.reading import Limits
from tests.unit.registry.files import HEADER, csv_text, xlsx

LIMITS = Limits(max_bytes=4 * 1024 * 1024, max_unpacked_bytes=64 * 1024 * 1024,
                max_rows=10_000)
DECIDED_ON = date(2026, 3, 2)


def upload(rows: list[list], officer, province, *, header: list[str] = HEADER,
           number: str = "125/QĐ-UBND", decided_on: date = DECIDED_ON,
           level: Level = Level.PROVINCE, as_csv: bool = False, above: list[list] = ()):
    """An import of `rows` under `header`, as an XLSX (or CSV) file."""
    if as_csv:
        content, name = csv_text([*above, header, *rows]).encode("utf-8-sig"), "annex.csv"
    else:
        content, name = xlsx([header, *rows], above=above), "annex.xlsx"
    data = services.DecisionInput(number=number, decided_on=decided_on,
                                  authority="UBND tỉnh Lâm Đồng", level=level,
                                  province_id=province.id)
    return services.upload_decision(content, name, data, officer, LIMITS)


def plan(record, officer):
    """The preview of an import."""
    return services.plan_for(record, officer, LIMITS)


def apply(record, officer):
    """Apply an import."""
    return services.apply_import(record.id, officer, LIMITS)


def row(product: str, producer: str, *, registration: str = "", address: str = "Xã Lát",
        group: str = "Thực phẩm", gtin: object = "", stars: object = 4,
        score: object = 78) -> list:
    """A row of the template's columns."""
    return [1, product, producer, registration, address, group, gtin, stars, score]
