"""What a trace tells a shopper: each warning exactly when it applies, and the lot's journey."""

from datetime import UTC, date, datetime, timedelta

import pytest

from shop.extensions import db
from shop.ocop.listing_rule import Status
from shop.trace.queries import load_lot
from shop.trace.report import Severity, build_report
from shop.trace.scans import UnitCheck
from tests.factories import (
    CertificateFactory,
    LotFactory,
    LotInputFactory,
    ProductFactory,
    ZoneFactory,
)

TODAY = date(2026, 3, 16)
PRODUCED = date(2026, 3, 1)


pytestmark = pytest.mark.usefixtures("frozen", "english")


def certified(**certificate):
    """A product with one certificate (None: no certificate at all)."""
    product = ProductFactory(certificate=None)
    if certificate.pop("none", False):
        return product
    CertificateFactory(product=product, **certificate)
    return product


def loaded(lot):
    """The lot as the trace page loads it, fresh from the database."""
    db.session.flush()
    db.session.expire_all()
    return load_lot(lot.id)


RECALL = {"recalled_at": datetime(2026, 3, 12, 2, 0, tzinfo=UTC),
          "recall_reason": "Phát hiện nấm mốc"}
CURRENT = {"recognized_on": date(2025, 9, 1)}
CASES = {
    # name: (certificate, lot changes, unit, expected notice kinds in order)
    "all well": (CURRENT, {}, None, []),
    "a genuine unit checked ten times": (
        CURRENT, {}, UnitCheck("7K2M9QX4T8V3B", True, 10), []),
    "expiring certificate": ({"recognized_on": date(2023, 4, 1)}, {}, None, []),
    "lot expires today": (CURRENT, {"expires_on": TODAY}, None, []),
    "recalled": (CURRENT, RECALL, None, ["recalled"]),
    "made-up serial": (CURRENT, {}, UnitCheck("ZZZZZZZZZZZZZ", False), ["not_genuine"]),
    "checked eleven times": (
        CURRENT, {}, UnitCheck("7K2M9QX4T8V3B", True, 11), ["suspicious"]),
    "no certificate": ({"none": True}, {}, None, ["no_certificate"]),
    "revoked after production": (
        {**CURRENT, "revoked_on": date(2026, 3, 2)}, {}, None, ["certificate_revoked"]),
    "revoked before production": (
        {**CURRENT, "revoked_on": date(2026, 2, 28)}, {}, None, ["certificate_revoked"]),
    "expired certificate": ({"recognized_on": date(2023, 3, 1)}, {}, None,
                            ["certificate_expired"]),
    "below three stars": ({**CURRENT, "stars": 2}, {}, None, ["below_ocop"]),
    "lot expired yesterday": (CURRENT, {"expires_on": TODAY - timedelta(days=1)}, None,
                              ["lot_expired"]),
    "everything wrong at once": (
        {**CURRENT, "revoked_on": date(2026, 3, 5)},
        {**RECALL, "expires_on": date(2026, 3, 10)},
        UnitCheck("ZZZZZZZZZZZZZ", False),
        ["recalled", "not_genuine", "certificate_revoked", "lot_expired"]),
}


@pytest.mark.parametrize(("certificate", "changes", "unit", "kinds"), CASES.values(),
                         ids=CASES.keys())
def test_each_notice_appears_exactly_when_it_applies(session, certificate, changes, unit,
                                                     kinds):
    product = certified(**certificate)
    lot = loaded(LotFactory(product=product, produced_on=PRODUCED, **changes))
    report = build_report(lot, TODAY, unit)
    assert [notice.kind for notice in report.notices] == kinds
    assert report.unit == unit
    assert report.lot_expired is ("lot_expired" in kinds)


def test_danger_is_for_what_must_not_be_used_warning_for_the_rest(session):
    dangerous = LotFactory(product=certified(**CURRENT, revoked_on=date(2026, 3, 5)),
                           produced_on=PRODUCED, **RECALL)
    warned = [LotFactory(product=product, produced_on=PRODUCED, expires_on=date(2026, 3, 10))
              for product in (certified(none=True), certified(recognized_on=date(2023, 3, 1)),
                              certified(**CURRENT, stars=2))]
    report = build_report(loaded(dangerous), TODAY, UnitCheck("ZZZZZZZZZZZZZ", False))
    assert {n.kind: n.severity for n in report.notices} == {
        "recalled": Severity.DANGER, "not_genuine": Severity.DANGER,
        "certificate_revoked": Severity.DANGER}
    for lot in warned:
        notices = build_report(loaded(lot), TODAY, UnitCheck("S", True, 11)).notices
        assert len(notices) == 3  # suspicious, the certificate's warning, lot_expired
        assert {n.severity for n in notices} == {Severity.WARNING}


def test_the_messages_say_what_happened(session):
    product = certified(**CURRENT, revoked_on=date(2026, 3, 5))
    lot = loaded(LotFactory(product=product, produced_on=PRODUCED, expires_on=date(2026, 3, 10),
                            **RECALL))
    messages = {n.kind: n.message for n in build_report(
        lot, TODAY, UnitCheck("ZZZZZZZZZZZZZ", False)).notices}
    assert messages == {
        "recalled": "This lot was recalled on Mar 12, 2026: Phát hiện nấm mốc. Do not use it; "
                    "return it to the seller.",
        "not_genuine": "Serial number ZZZZZZZZZZZZZ was never issued for this lot: this is not "
                       "a genuine code.",
        "certificate_revoked": "The product's OCOP certificate was revoked on Mar 5, 2026, "
                               "after this lot was made: it is no longer an OCOP product.",
        "lot_expired": "This lot is past its expiry date (Mar 10, 2026).",
    }


@pytest.mark.parametrize(("revoked_on", "when"), [
    (date(2026, 2, 28), "before this lot was made"),
    (date(2026, 3, 2), "after this lot was made"),
    (date(2026, 3, 16), "after this lot was made"),
])
def test_a_revocation_says_whether_it_came_before_or_after_the_lot(session, revoked_on, when):
    product = certified(**CURRENT, revoked_on=revoked_on)
    lot = loaded(LotFactory(product=product, produced_on=PRODUCED))
    report = build_report(lot, TODAY)
    assert report.certificate_status is Status.REVOKED
    (notice,) = report.notices
    assert f", {when}: it is no longer an OCOP product." in notice.message
    other = "after" if when.startswith("before") else "before"
    assert f"{other} this lot was made" not in notice.message


def test_an_expired_certificate_and_a_suspicious_unit_name_their_date_and_count(session):
    product = certified(recognized_on=date(2023, 3, 1))
    lot = loaded(LotFactory(product=product, produced_on=PRODUCED))
    messages = [n.message for n in build_report(lot, TODAY, UnitCheck("S", True, 1234)).notices]
    assert messages == [
        "This code has been checked 1,234 times. A genuine package is usually checked once or "
        "twice: the label may have been copied.",
        "The product's OCOP certificate expired on Mar 1, 2026.",
    ]


def test_a_recall_is_dated_in_vietnam(session):
    # 23:30 UTC on 11 March is already 12 March in Hà Nội.
    lot = loaded(LotFactory(product=certified(**CURRENT), produced_on=PRODUCED,
                            recalled_at=datetime(2026, 3, 11, 23, 30, tzinfo=UTC),
                            recall_reason="Bao bì hở"))
    report = build_report(lot, TODAY)
    assert "recalled on Mar 12, 2026" in report.notices[0].message
    assert report.journey[-1].on == date(2026, 3, 12)


# --- journey --------------------------------------------------------------------------------

def test_the_journey_runs_from_harvests_to_production_to_recall_by_date(session):
    product = certified(**CURRENT)
    tea = ZoneFactory(producer=product.producer, code="VN-68-672-24835-01-24",
                      name="Đồi chè Cầu Đất")
    honey = ZoneFactory(producer=product.producer, code="VN-68-672-24835-02-24",
                        name="Vườn cà phê Lộc Bắc")
    lot = LotFactory(product=product, code="L2603", produced_on=PRODUCED, quantity=1_500,
                     unit="hũ", harvest=None, **RECALL)
    LotInputFactory(lot=lot, zone=tea, harvested_on=date(2026, 2, 25), quantity_kg=600)
    LotInputFactory(lot=lot, zone=honey, harvested_on=date(2026, 2, 10), quantity_kg=1_200)
    LotInputFactory(lot=lot, zone=tea, harvested_on=PRODUCED, quantity_kg=50)
    journey = build_report(loaded(lot), TODAY).journey
    assert [(step.on, step.kind, step.title) for step in journey] == [
        (date(2026, 2, 10), "harvest",
         "Harvested 1,200 kg in zone VN-68-672-24835-02-24, Vườn cà phê Lộc Bắc"),
        (date(2026, 2, 25), "harvest",
         "Harvested 600 kg in zone VN-68-672-24835-01-24, Đồi chè Cầu Đất"),
        # A harvest on the production day comes before the production.
        (PRODUCED, "harvest", "Harvested 50 kg in zone VN-68-672-24835-01-24, Đồi chè Cầu Đất"),
        (PRODUCED, "production", "Produced as lot L2603: 1,500 hũ"),
        (date(2026, 3, 12), "recall", "Recalled: Phát hiện nấm mốc"),
    ]


def test_a_lot_not_recalled_has_no_recall_step(session):
    lot = loaded(LotFactory(product=certified(**CURRENT), produced_on=PRODUCED))
    kinds = [step.kind for step in build_report(lot, TODAY).journey]
    assert kinds == ["harvest", "production"]


def test_the_report_is_as_of_the_day_asked(session):
    product = certified(recognized_on=date(2023, 3, 1))  # valid until 1 March 2026
    lot = loaded(LotFactory(product=product, produced_on=date(2026, 2, 1),
                            expires_on=date(2026, 3, 1)))
    before = build_report(lot, date(2026, 3, 1))
    assert before.notices == [] and before.certificate_status is Status.EXPIRING
    after = build_report(lot, date(2026, 3, 2))
    assert [n.kind for n in after.notices] == ["certificate_expired", "lot_expired"]
    assert after.product is product and after.certificate is product.certificate
