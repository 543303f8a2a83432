"""Time the traceability labels: PNG (uncached and cached), SVG, and 1,000-label PDF sheets.

Run with `.venv/bin/python bench/labels.py`; prints medians of several runs. Every label has
its own serial, hence its own URL and QR code, as on a serialised production run.
"""

import statistics
import time
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import NamedTuple

from shop import create_app
from shop.core.gs1 import digital_link, new_serial
from shop.trace.labels import (
    LabelSize,
    LabelText,
    cached_png,
    render_png,
    render_svg,
)
from shop.trace.sheets import label_sheet_pdf

HOST = "https://ocop.example.vn"
GTIN = "08931234500016"
SHEET_LABELS = 1000
RUNS = 5


def serialised_labels(count: int) -> list[LabelText]:
    """`count` labels of one lot, each with its own serial."""
    expires = date(2027, 12, 31)
    labels = []
    for _ in range(count):
        serial = new_serial()
        url = digital_link(GTIN, "LOT-26-11/A", serial, expires).uri(HOST)
        labels.append(LabelText(url, "Mật ong hoa nhãn Hưng Yên nguyên chất", 4,
                                "LOT-26-11/A", expires, serial))
    return labels


class Timing(NamedTuple):
    """Median wall-clock and CPU seconds; CPU time is the steadier when other jobs share cores."""

    wall: float
    cpu: float


def timed(actions: Iterable[Callable[[], object]]) -> Timing:
    """The medians of running each of `actions` once, after one warm-up call of the first."""
    actions = list(actions)
    actions[0]()
    walls, cpus = [], []
    for action in actions:
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return Timing(statistics.median(walls), statistics.median(cpus))


def main() -> None:
    """Print the table."""
    app = create_app({"CACHE_TYPE": "SimpleCache", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    rows: list[tuple[str, str, str, str]] = []

    def row(what: str, timing: Timing, unit: str, target: str = "", note: str = "") -> None:
        scale = 1000 if unit == "ms" else 1
        rows.append((what, f"{timing.wall * scale:.2f} {unit}", f"{timing.cpu * scale:.2f} {unit}",
                     f"{target}{note}"))

    with app.test_request_context():
        labels = serialised_labels(SHEET_LABELS)
        print(f"URL: {labels[0].url} ({len(labels[0].url)} characters)")
        # Each PNG and SVG has its own URL, so no QR code or cache entry is reused.
        row("PNG uncached, medium, 300 dpi",
            timed(partial(render_png, label) for label in labels[:300]), "ms", "< 5 ms")
        warm = labels[0]
        row("PNG from cache (warm), medium", timed([partial(cached_png, warm)] * 300), "ms")
        row("SVG, medium", timed(partial(render_svg, label) for label in labels[:300]), "ms")
        row("PDF fixed cost (1 label: fonts, subset, output)",
            timed([partial(label_sheet_pdf, labels[:1], LabelSize.MEDIUM)] * RUNS), "s")
        for size in LabelSize:
            pdf = label_sheet_pdf(labels, size)
            pages = -(-SHEET_LABELS // size.spec.per_sheet)
            row(f"PDF {SHEET_LABELS:,} labels, {size.value} ({pages} pages)",
                timed([partial(label_sheet_pdf, labels, size)] * RUNS), "s", "< 2 s",
                f"; {len(pdf):,} bytes")
    headers = ("what", "wall median", "CPU median", "target")
    widths = [max(len(line[i]) for line in [headers, *rows]) for i in range(4)]
    for line in [headers, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))


if __name__ == "__main__":
    main()
