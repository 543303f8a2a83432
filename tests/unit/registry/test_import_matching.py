"""Matching an annex's rows to the registry: by registration number, GTIN, folded name;
ambiguity reported, never guessed; every error naming its row and column."""

import pytest

from shop.ocop.models import Level
from shop.registry.decisions.plans import Outcome
from tests.factories import (
    CertificateFactory,
    ProducerFactory,
    ProductFactory,
    ProductGroupFactory,
    ProvinceFactory,
)
from tests.unit.registry.imports_support import plan, row, upload


@pytest.fixture
def province():
    ProductGroupFactory(code=1, name_vi="Thực phẩm", name_en="Food")
    ProductGroupFactory(code=3, name_vi="Dược liệu và sản phẩm từ dược liệu",
                        name_en="Herbal products")
    return ProvinceFactory(name="Lâm Đồng", former_names="Đắk Nông, Bình Thuận")


@pytest.fixture
def producer(province):
    return ProducerFactory(name="Hợp tác xã Đồng Xanh", registration_number="5800111222",
                           province=province)


def outcomes(result) -> list:
    return [(r.line, r.outcome, [str(e) for e in r.errors]) for r in result.rows]


def test_new_producer_and_products_are_planned(province, officer):
    result = plan(upload([
        row("Cà phê Robusta Lâm Hà", "HTX Cà phê Lâm Hà", registration="5800999001"),
        row("Mật ong Lâm Hà", "HTX Cà phê Lâm Hà", registration="5800999001", stars="3 sao",
            score=65),
    ], officer, province), officer)
    assert outcomes(result) == [(2, Outcome.NEW_PRODUCER, []), (3, Outcome.NEW_PRODUCER, [])]
    assert result.rows[0].new_producer is result.rows[1].new_producer
    assert result.rows[1].stars == 3


def test_a_producer_is_found_by_registration_number_whatever_its_name(producer, officer):
    product = ProductFactory(producer=producer, name_vi="Mật ong hoa cà phê")
    result = plan(upload([row("MẬT ONG HOA CÀ PHÊ", "HTX Đồng Xanh (Lâm Hà)",
                              registration=" 58001 11222 ")], officer, producer.province), officer)
    assert outcomes(result) == [(2, Outcome.SUPERSEDES, [])]
    assert result.rows[0].producer == producer and result.rows[0].product == product


def test_a_product_is_found_by_gtin_in_any_of_its_forms(producer, officer):
    product = ProductFactory(producer=producer, gtin="08935049510864", name_vi="Trà atiso")
    for gtin in (8935049510864, "893 5049 51086 4", "08935049510864"):
        result = plan(upload([row("Trà Atiso túi lọc", producer.name, gtin=gtin)], officer,
                             producer.province), officer)
        assert outcomes(result) == [(2, Outcome.SUPERSEDES, [])]
        assert result.rows[0].product == product


def test_without_identifiers_names_are_compared_folded_within_the_province(producer, officer):
    product = ProductFactory(producer=producer, name_vi="Mật ong hoa cà phê", certificate=None)
    result = plan(upload([row("mat ong  hoa ca phe", "HỢP TÁC XÃ ĐỒNG XANH")], officer,
                         producer.province), officer)
    assert outcomes(result) == [(2, Outcome.NEW_CERTIFICATE, [])]
    assert result.rows[0].product == product
    namesake = ProducerFactory(name="Hợp tác xã Đồng Xanh")  # of another province
    assert result.rows[0].producer != namesake


def test_an_ambiguous_producer_is_reported_with_its_candidates(producer, officer):
    ProducerFactory(name="HTX Đồng Xanh", registration_number="5800111333",
                    province=producer.province)
    ProducerFactory(name="Htx Đồng xanh", registration_number="5800111444",
                    province=producer.province)
    result = plan(upload([row("Trà", "HTX Đồng Xanh"),
                          row("Trà", "HTX Đồng Xanh", registration="5800111444")],
                         officer, producer.province), officer)
    assert outcomes(result)[0] == (2, None, [
        "Row 2, column Chủ thể: Several producers of Lâm Đồng are called “HTX Đồng Xanh” "
        "(registration numbers 5800111333, 5800111444): give the registration number of the one "
        "meant."])
    assert outcomes(result)[1][1] is Outcome.NEW_PRODUCT


def test_an_ambiguous_product_is_reported(producer, officer):
    ProductFactory(producer=producer, name_vi="Trà Ô long")
    ProductFactory(producer=producer, name_vi="Trà ô-long")
    result = plan(upload([row("Tra o long", producer.name)], officer, producer.province),
                  officer)
    assert outcomes(result) == [(2, None, [
        "Row 2, column Tên sản phẩm: “Hợp tác xã Đồng Xanh” has several products called "
        "“Tra o long”: give the GTIN of the one meant."])]


def test_identifiers_that_point_elsewhere_are_errors(producer, officer, province):
    stranger = ProducerFactory(name="HTX Sơn La", registration_number="5500000001")
    ProductFactory(producer=stranger, gtin="08935049510864", name_vi="Trà Shan")
    result = plan(upload([
        row("Trà", "HTX Sơn La", registration="5500000001"),
        row("Trà Shan", producer.name, gtin="8935049510864"),
        row("Trà", "Hợp tác xã Đồng Xanh", registration="5800000000"),
        row("Trà", producer.name, registration="5800111222", gtin="8935049510865"),
    ], officer, province), officer)
    assert [e for _line, _outcome, errors in outcomes(result) for e in errors] == [
        f"Row 2, column Mã số thuế: “HTX Sơn La”, registration number 5500000001, is a producer"
        f" of {stranger.province.name}, not of Lâm Đồng.",
        "Row 3, column GTIN: GTIN 8935049510864 is that of “Trà Shan” by “HTX Sơn La”.",
        "Row 4, column Mã số thuế: “Hợp tác xã Đồng Xanh” of Lâm Đồng is on record with "
        "registration number 5800111222, not 5800000000.",
        "Row 5, column GTIN: The GTIN's check digit should be 4, not 5.",
    ]


def test_new_rows_need_what_a_new_producer_and_product_need(province, officer):
    result = plan(upload([
        row("Trà", "HTX Mới"),
        row("Trà", "HTX Mới", registration="5800777000", address=""),
        row("Trà", "HTX Mới 2", registration="5800777001", group=""),
        row("Trà", "HTX Mới 3", registration="5800777002", group="Đồ chơi"),
        row("Trà", "HTX Mới 4", registration="5800777003", group="dược liệu"),
    ], officer, province), officer)
    errors = [errors for _line, _outcome, errors in outcomes(result)]
    assert errors[:3] == [
        ["Row 2, column Mã số thuế: “HTX Mới” is not on record in Lâm Đồng: give its "
         "registration number to add it."],
        ["Row 3, column Địa chỉ: Give the address of the new producer."],
        ["Row 4, column Nhóm sản phẩm: Give the product group of the new product."]]
    assert errors[3][0].startswith("Row 5, column Nhóm sản phẩm: “Đồ chơi” is not one product "
                                   "group: write one of 1. Thực phẩm; 3. Dược liệu")
    assert result.rows[4].outcome is Outcome.NEW_PRODUCER
    assert result.rows[4].new_product.group_id != result.rows[0].certificate.product_id


def test_the_same_product_or_registration_number_twice_is_an_error(producer, officer):
    ProductFactory(producer=producer, name_vi="Trà")
    result = plan(upload([
        row("Trà", producer.name), row("TRÀ", producer.name),
        row("Cà phê", "HTX A", registration="5800123123"),
        row("Cà phê", "HTX B", registration="5800123123"),
    ], officer, producer.province), officer)
    assert [errors for _line, _outcome, errors in outcomes(result)][1:] == [
        ["Row 3, column Tên sản phẩm: Row 2 names this product already."], [],
        ["Row 5, column Mã số thuế: Row 4 gives this registration number to “HTX A”."]]


def test_every_cell_error_names_its_row_and_column(province, officer):
    title = [["DANH SÁCH SẢN PHẨM OCOP"]] * 3
    rows = [row(f"Trà {n}", "HTX Chè", registration="5800888000") for n in range(10)]
    rows[9] = row("Trà 9", "HTX Chè", registration="5800888000", stars=3, score=72)
    rows[8] = row("Trà 8", "HTX Chè", registration="5800888000", stars="nhiều", score="7x")
    rows[7] = row("Trà 7", "HTX Chè", registration="5800888000", stars=5, score=95)
    rows[6] = row("", "HTX Chè", registration="5800888000", score="")
    result = plan(upload(rows, officer, province, above=title), officer)
    assert [str(e) for e in result.errors] == [
        "Row 11, column Tên sản phẩm: This cell is empty.",
        "Row 11, column Điểm: This cell is empty.",
        "Row 12, column Số sao: On 2026-03-02 a 5-star product is recognised at National level.",
        "Row 13, column Điểm: “7x” is not a whole number.",
        "Row 13, column Số sao: “nhiều” is not a whole number.",
        "Row 14, column Điểm: 72 is not in the 3-star band (50–69).",
    ]
    national = plan(upload(rows[7:8], officer, province, level=Level.NATIONAL), officer)
    assert national.errors == []


def test_without_a_stars_column_the_stars_follow_from_the_score(province, officer):
    header = ["Tên sản phẩm", "Chủ thể", "Mã số thuế", "Địa chỉ", "Nhóm", "Điểm"]
    result = plan(upload([["Trà", "HTX Chè", "5800888000", "Xã Lát", "1", 91]], officer,
                         province, header=header, level=Level.NATIONAL), officer)
    assert (result.rows[0].stars, result.rows[0].outcome) == (5, Outcome.NEW_PRODUCER)


def test_a_row_older_than_the_live_certificate_or_its_revocation_is_an_error(producer, officer):
    newer = ProductFactory(producer=producer, name_vi="Trà mới", certificate=None)
    CertificateFactory(product=newer, recognized_on=producer.created_at.date())
    revoked = ProductFactory(producer=producer, name_vi="Trà thu hồi", certificate=None)
    CertificateFactory(product=revoked, recognized_on=producer.created_at.date().replace(
        year=2024), revoked_on=producer.created_at.date(), revocation_number="1/QĐ",
        revocation_reason="Vi phạm")
    result = plan(upload([row("Trà mới", producer.name), row("Trà thu hồi", producer.name)],
                         officer, producer.province), officer)
    assert [e.message for e in result.errors] == [
        "A newer certificate (recognised 2026-03-16) is already recorded.",
        "The live certificate was revoked on 2026-03-16, after this recognition date."]
