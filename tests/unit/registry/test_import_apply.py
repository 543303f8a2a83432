"""Applying an import: all rows or none, once per file and decision, within the officer's
province, through the registry's own certificate rules."""

from datetime import date

import pytest
from sqlalchemy import func, select

from shop.catalog.listing import is_listed
from shop.catalog.models import Product
from shop.core.errors import Forbidden, InvalidInput, InvalidState
from shop.extensions import db
from shop.ocop.models import Certificate, Level
from shop.producers.models import Producer, ProducerKind
from shop.registry.decisions.plans import Outcome
from shop.registry.decisions.services import import_for
from shop.registry.services import RevocationInput, live_certificates, revoke_certificate
from tests.factories import ProducerFactory, ProductFactory, ProductGroupFactory, ProvinceFactory
from tests.unit.registry.imports_support import DECIDED_ON, apply, plan, row, upload
from tests.unit.registry.support import provincial_officer


@pytest.fixture
def province():
    ProductGroupFactory(code=1, name_vi="Thực phẩm", name_en="Food")
    return ProvinceFactory(name="Lâm Đồng")


def counts() -> tuple[int, int, int]:
    return tuple(db.session.scalar(select(func.count()).select_from(model))
                 for model in (Producer, Product, Certificate))


def test_applying_adds_producers_products_and_certificates(province, officer):
    existing = ProductFactory(producer=ProducerFactory(province=province, name="HTX Cũ"),
                              name_vi="Mật ong")
    record = upload([
        row("Cà phê Robusta Lâm Hà", "HTX Cà phê Lâm Hà", registration="5800999001",
            address="Thôn 2, xã Lâm Hà", gtin="8935049510864"),
        row("Trà Lâm Hà", "HTX Cà phê Lâm Hà", registration="5800999001", score=91, stars=5),
        row("Mật ong", "HTX Cũ", score=72),
    ], officer, province, level=Level.PROVINCE)
    with pytest.raises(InvalidInput):  # a 5-star row in a provincial decision
        apply(record, officer)
    record = upload([
        row("Cà phê Robusta Lâm Hà", "HTX Cà phê Lâm Hà", registration="5800999001",
            address="Thôn 2, xã Lâm Hà", gtin="8935049510864"),
        row("Trà Lâm Hà", "HTX Cà phê Lâm Hà", registration="5800999001", score=55, stars=3),
        row("Mật ong", "HTX Cũ", score=72),
    ], officer, province)
    before = counts()
    apply(record, officer)
    assert counts() == (before[0] + 1, before[1] + 2, before[2] + 3)
    producer = db.session.scalar(select(Producer).where(Producer.registration_number
                                                         == "5800999001"))
    assert (producer.name, producer.kind, producer.address, producer.province_id) == (
        "HTX Cà phê Lâm Hà", ProducerKind.COOPERATIVE, "Thôn 2, xã Lâm Hà", province.id)
    coffee = db.session.scalar(select(Product).where(Product.gtin == "08935049510864"))
    assert (coffee.name_vi, coffee.producer_id, coffee.slug) == (
        "Cà phê Robusta Lâm Hà", producer.id, "ca-phe-robusta-lam-ha")
    live = live_certificates([coffee.id, existing.id])
    assert (live[coffee.id].number, live[coffee.id].recognized_on, live[coffee.id].level,
            live[coffee.id].recorded_by_id) == ("125/QĐ-UBND", DECIDED_ON, Level.PROVINCE,
                                                officer.id)
    assert live[existing.id].score == 72 and is_listed(existing.id)
    # A new product is certified, but for sale only once its producer sets a price.
    assert coffee.price_vnd == 0 and not is_listed(coffee.id)
    coffee.price_vnd = 95_000
    assert is_listed(coffee.id)
    assert (record.new_producers, record.new_products, record.new_certificates,
            record.unchanged, record.applied_by_id) == (1, 2, 3, 0, officer.id)


def test_an_error_in_row_4999_applies_nothing(province, officer):
    rows = [row(f"Sản phẩm {n}", f"HTX {n}", registration=f"58{n:08d}") for n in range(5000)]
    rows[4997] = row("Sản phẩm lỗi", "HTX lỗi", registration="5899999999", score=101)
    record = upload(rows, officer, province)
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        apply(record, officer)
    assert refused.value.message == ("1 rows have errors: nothing was applied. Correct the file "
                                     "and upload it again.")
    assert counts() == before and record.applied_at is None
    assert [str(e) for e in plan(record, officer).errors] == [
        "Row 4999, column Điểm: 101 is not in the 4-star band (70–89)."]


def test_applying_the_same_file_twice_changes_nothing_the_second_time(province, officer,
                                                                      time_machine):
    # A workbook carries the second it was written (zip entries, document properties): with
    # the clock stopped, the file uploaded again is byte for byte the same, however busy the
    # machine.
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    rows = [row("Cà phê", "HTX Cà phê", registration="5800999001"),
            row("Trà", "HTX Cà phê", registration="5800999001")]
    first = upload(rows, officer, province)
    apply(first, officer)
    after_first = counts()
    with pytest.raises(InvalidState):  # the same import again
        apply(first, officer)
    again = upload(rows, officer, province)  # the same file uploaded again
    with pytest.raises(InvalidState) as refused:
        apply(again, officer)
    assert f"(import {first.id})" in refused.value.message
    assert counts() == after_first
    # The same rows in another file: every row is unchanged, and applying does nothing.
    as_csv = upload(rows, officer, province, as_csv=True)
    assert {r.outcome for r in plan(as_csv, officer).rows} == {Outcome.UNCHANGED}
    apply(as_csv, officer)
    assert counts() == after_first
    assert (as_csv.new_certificates, as_csv.unchanged) == (0, 2)


def test_a_revoked_certificate_stays_revoked_when_its_decision_is_applied_again(province,
                                                                               officer):
    rows = [row("Cà phê", "HTX Cà phê", registration="5800999001")]
    apply(upload(rows, officer, province), officer)
    product = db.session.scalar(select(Product).where(Product.name_vi == "Cà phê"))
    revoke_certificate(live_certificates([product.id])[product.id].id, RevocationInput(
        "9/QĐ-UBND", date(2026, 3, 10), "Vi phạm an toàn thực phẩm"), officer)
    record = upload(rows, officer, province, as_csv=True)
    assert plan(record, officer).rows[0].outcome is Outcome.UNCHANGED
    apply(record, officer)
    assert not is_listed(product.id)


def test_a_provincial_officer_imports_for_their_province_only(province, officer):
    other = ProvinceFactory(name="Sơn La")
    local = provincial_officer(province)
    with pytest.raises(InvalidInput) as refused:
        upload([row("Trà", "HTX Chè", registration="5500000001")], local, other)
    assert refused.value.field == "province_id"
    ProducerFactory(name="HTX Sơn La", registration_number="5500000002", province=other)
    header = ["Tên sản phẩm", "Chủ thể", "Mã số thuế", "Địa chỉ", "Tỉnh", "Nhóm", "Điểm"]
    record = upload([["Trà", "HTX Chè", "5800000001", "Xã Lát", "Sơn La", "1", 78],
                     ["Trà", "HTX Sơn La", "5500000002", "Xã Lát", "", "1", 78],
                     ["Cà phê", "HTX Chè", "5800000001", "Xã Lát", "tỉnh Lâm Đồng", "1", 78]],
                    local, province, header=header)
    result = plan(record, local)
    assert [str(e) for e in result.errors] == [
        "Row 2, column Tỉnh: This product is from another province: only that province's "
        "officers and national officers may change its certificates.",
        "Row 3, column Mã số thuế: “HTX Sơn La”, registration number 5500000002, is a "
        "producer of Sơn La, not of Lâm Đồng."]
    assert result.rows[2].outcome is Outcome.NEW_PRODUCER
    elsewhere = upload([row("Trà", "HTX", registration="5500000009")], officer, other)
    with pytest.raises(Forbidden):  # nor opens another province's import
        import_for(elsewhere.id, local)
    with pytest.raises(Forbidden):
        apply(elsewhere, local)


def test_the_decision_fields_are_checked_by_the_registry(province, officer):
    with pytest.raises(InvalidInput) as refused:
        upload([row("Trà", "HTX Chè")], officer, province, decided_on=date(2026, 3, 17))
    assert refused.value.field == "decided_on"
    with pytest.raises(InvalidInput) as refused:
        upload([row("Trà", "HTX Chè")], officer, province, number="  ")
    assert refused.value.field == "number"
