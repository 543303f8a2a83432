"""Demo trade fairs: one on now, one coming, one closed, each with booths and listed products;
and the demo member's pending application to the coming one.

Everything goes through the fairs' services, so the demo keeps their rules: listed products
only, each at its producer's booth, codes like "A-12".
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from shop.accounts.models import Role, User
from shop.catalog.listing import listed_products
from shop.catalog.models import Product
from shop.extensions import db
from shop.fairs import applications, services
from shop.fairs.models import FairProduct
from shop.fairs.services import FairInput
from shop.places.models import Province


@dataclass(frozen=True)
class FairsSummary:
    """What the fairs seed created, for the command to print."""

    fairs: int
    booths: int
    products: int
    applications: int


@dataclass(frozen=True)
class DemoFair:
    """A demo fair: its record, its days relative to today, how many products it shows."""

    slug: str
    name_vi: str
    name_en: str
    province: str
    venue: str
    organiser: str
    first_day: int
    days: int
    products: int
    description: str


FAIRS = (
    DemoFair("hoi-cho-ocop-toan-quoc-ha-noi", "Hội chợ OCOP toàn quốc tại Hà Nội",
             "National OCOP fair in Hanoi", "Hà Nội", "Cung Văn hóa Hữu nghị, 91 Trần Hưng Đạo",
             "Văn phòng Điều phối nông thôn mới Trung ương", -1, 5, 48,
             "Hơn **300 gian hàng** sản phẩm OCOP từ 34 tỉnh, thành phố.\n\n"
             "- Giới thiệu sản phẩm 4 và 5 sao\n- Kết nối giao thương với nhà phân phối"),
    DemoFair("festival-ca-phe-va-ocop-lam-dong", "Festival Cà phê và sản phẩm OCOP Lâm Đồng",
             "Lam Dong coffee and OCOP festival", "Lâm Đồng", "Quảng trường Lâm Viên, Đà Lạt",
             "Sở Công Thương Lâm Đồng", 30, 4, 42,
             "Cà phê, chè, rau hoa và đặc sản của vùng cao nguyên."),
    DemoFair("trien-lam-ocop-mua-thu", "Triển lãm sản phẩm OCOP mùa thu",
             "Autumn OCOP exhibition", "Thành phố Hồ Chí Minh",
             "Trung tâm Hội chợ và Triển lãm Sài Gòn (SECC)", "Sở Công Thương TP. Hồ Chí Minh",
             -90, 4, 12, "Triển lãm đã khép lại với hơn 20.000 lượt khách."),
)


def _booth_code(index: int) -> str:
    """A-1 … A-20, then B-1 …: twenty booths a hall row."""
    return f"{'ABCDEFGH'[index // 20]}-{index % 20 + 1}"


def seed_fairs(provinces: dict[str, Province], users: dict[Role, User],
               today: date) -> FairsSummary:
    """The three demo fairs, built by the national officer; the last one closed."""
    officer = users[Role.OFFICER]
    listed = list(db.session.scalars(listed_products(today).order_by(Product.id)))
    booths = products = 0
    for number, row in enumerate(FAIRS):
        starts = today + timedelta(days=row.first_day)
        fair = services.create_fair(FairInput(
            name_vi=row.name_vi, name_en=row.name_en, slug=row.slug, starts_on=starts,
            ends_on=starts + timedelta(days=row.days - 1), venue=row.venue,
            province_id=provinces[row.province].id, organiser=row.organiser,
            description=row.description), officer)
        # Each fair its own slice of the catalog, the host province's producers first.
        home = [p for p in listed if p.producer.province_id == fair.province_id]
        others = [p for p in listed[number * 7::3] if p not in home]
        chosen = (home + others)[:row.products]
        producer_ids = list(dict.fromkeys(p.producer_id for p in chosen))
        for index, producer_id in enumerate(producer_ids):
            services.add_booth(fair.id, _booth_code(index), producer_id, officer)
        for product in chosen:
            services.add_product(fair.id, product.id, officer, today)
        services.publish_fair(fair.id, officer)
        if row.first_day + row.days <= 0:
            services.close_fair(fair.id, officer)
        booths += len(producer_ids)
        products += len(chosen)
    pending = _demo_application(users[Role.PRODUCER], today)
    return FairsSummary(fairs=len(FAIRS), booths=booths, products=products,
                        applications=pending)


def _demo_application(member: User, today: date) -> int:
    """The demo member's producer applies to the coming fair with two products not yet there
    (an officer of its province, or a national one, decides it)."""
    coming = applications.fairs_open_to(today)[0]
    producer_id = member.producer_ids[0]
    shown = set(db.session.scalars(select(FairProduct.product_id)
                                   .where(FairProduct.fair_id == coming.id)))
    offered = [product.id for product in applications.listed_products_of(producer_id, today)
               if product.id not in shown][:2]
    if not offered:
        return 0
    applications.apply(coming.id, producer_id, offered, member, today)
    return 1
