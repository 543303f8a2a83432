"""A fair with booths and picks, for the fairs' tests."""

from datetime import date, timedelta

from shop.accounts.models import Membership, OrganisationKind, Role
from shop.core import clock
from shop.extensions import db
from shop.fairs import services
from shop.fairs.services import FairInput
from tests.factories import UserFactory


def provincial_officer(province):
    """An officer of `province`'s OCOP office."""
    user = UserFactory(role=Role.OFFICER)
    user.memberships.append(Membership(kind=OrganisationKind.OFFICE, province_id=province.id))
    db.session.flush()
    return user


def fair_input(province, **changes) -> FairInput:
    """A fair in `province` running from in ten days for four days."""
    start = clock.today() + timedelta(days=10)
    values = {"name_vi": "Hội chợ OCOP Lâm Đồng 2026", "name_en": "Lam Dong OCOP fair 2026",
              "starts_on": start, "ends_on": start + timedelta(days=3),
              "venue": "Quảng trường Lâm Viên", "province_id": province.id,
              "organiser": "Sở Công Thương Lâm Đồng", "description": "**Hơn 100** gian hàng"}
    values.update(changes)
    return FairInput(**values)


def published_fair(officer, province, products, **changes):
    """A published fair showing `products`, each producer at booth A-1, A-2…"""
    fair = services.create_fair(fair_input(province, **changes), officer)
    producers = list(dict.fromkeys(p.producer_id for p in products))
    for index, producer_id in enumerate(producers, start=1):
        services.add_booth(fair.id, f"A-{index}", producer_id, officer)
    for product in products:
        services.add_product(fair.id, product.id, officer)
    services.publish_fair(fair.id, officer)
    return fair


__all__ = ["date", "fair_input", "provincial_officer", "published_fair"]
