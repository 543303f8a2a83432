"""One factory per model; data valid under the OCOP rules unless a test says otherwise."""

from datetime import time, timedelta
from decimal import Decimal

import factory
from factory.alchemy import SQLAlchemyModelFactory
from werkzeug.security import generate_password_hash

from shop.accounts.models import Membership, OrganisationKind, Role, User
from shop.catalog.models import Product, ProductImage
from shop.combos.models import Combo, ComboComponent, ComboOutlet, ComboStatus, Occasion
from shop.core import clock
from shop.core.gs1 import new_serial
from shop.extensions import db
from shop.ocop.models import Certificate, ProductGroup, ProductSubgroup
from shop.ocop.rules import STAR_BANDS, expiry_for, level_for
from shop.outlets.models import OpeningHours, Outlet, OutletKind, OutletStatus
from shop.places.models import Province
from shop.producers.models import Producer, ProducerKind
from shop.trace.models import (
    CropCycle,
    LabelRun,
    Lot,
    LotInput,
    Standard,
    Unit,
    Zone,
    ZoneStatus,
)


class BaseFactory(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "flush"


class ProvinceFactory(BaseFactory):
    class Meta:
        model = Province

    code = factory.Sequence(lambda n: f"P{n:03d}")
    name = factory.Sequence(lambda n: f"Tỉnh Thử Nghiệm {n}")
    slug = factory.Sequence(lambda n: f"tinh-thu-nghiem-{n}")
    former_names = ""


class ProducerFactory(BaseFactory):
    class Meta:
        model = Producer

    name = factory.Sequence(lambda n: f"Hợp tác xã Đồng Xanh {n}")
    slug = factory.Sequence(lambda n: f"htx-dong-xanh-{n}")
    kind = ProducerKind.COOPERATIVE
    registration_number = factory.Sequence(lambda n: f"HTX-{n:06d}")
    address = "Thôn 3, xã Tân Lập"
    province = factory.SubFactory(ProvinceFactory)
    phone = "0912 345 678"
    email = factory.Sequence(lambda n: f"htx{n}@example.vn")


class ProductGroupFactory(BaseFactory):
    class Meta:
        model = ProductGroup

    code = factory.Sequence(lambda n: 100 + n)
    slug = factory.Sequence(lambda n: f"nhom-{n}")
    name_vi = factory.Sequence(lambda n: f"Thực phẩm {n}")
    name_en = factory.Sequence(lambda n: f"Food {n}")


class ProductSubgroupFactory(BaseFactory):
    class Meta:
        model = ProductSubgroup

    group = factory.SubFactory(ProductGroupFactory)
    slug = factory.Sequence(lambda n: f"phan-nhom-{n}")
    name_vi = factory.Sequence(lambda n: f"Phân nhóm {n}")
    name_en = factory.Sequence(lambda n: f"Subgroup {n}")


class CertificateFactory(BaseFactory):
    """A certificate recognised 200 days ago; `stars` picks a score in its band."""

    class Meta:
        model = Certificate

    number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    authority = "UBND tỉnh Lâm Đồng"
    stars = 4
    score = factory.LazyAttribute(lambda c: STAR_BANDS[c.stars][0] + 5)
    recognized_on = factory.LazyFunction(lambda: clock.today() - timedelta(days=200))
    expires_on = factory.LazyAttribute(lambda c: expiry_for(c.recognized_on))
    level = factory.LazyAttribute(lambda c: level_for(c.stars, c.recognized_on))
    superseded = False


class ProductFactory(BaseFactory):
    """A product with a current certificate; pass certificate=None for an uncertified one."""

    class Meta:
        model = Product

    class Params:
        stars = 4

    name_vi = factory.Sequence(lambda n: f"Mật ong hoa cà phê {n}")
    name_en = factory.Sequence(lambda n: f"Coffee blossom honey {n}")
    slug = factory.Sequence(lambda n: f"mat-ong-hoa-ca-phe-{n}")
    producer = factory.SubFactory(ProducerFactory)
    group = factory.SubFactory(ProductGroupFactory)
    price_vnd = 150_000
    unit_vi = "hũ 500 g"
    unit_en = "500 g jar"
    story_vi = "Mật ong được thu hoạch từ những vườn cà phê ở Tây Nguyên."
    story_en = "Honey gathered from the coffee gardens of the Central Highlands."
    certificate = factory.RelatedFactory(
        CertificateFactory, factory_related_name="product",
        stars=factory.SelfAttribute("..stars"),
    )


class ProductImageFactory(BaseFactory):
    class Meta:
        model = ProductImage

    product = factory.SubFactory(ProductFactory)
    path = factory.Sequence(lambda n: f"products/test-{n}.png")
    position = 0


class UserFactory(BaseFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.vn")
    name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    role = Role.CUSTOMER
    password_hash = factory.LazyFunction(lambda: _PASSWORD_HASH)
    active = True
    email_confirmed_at = factory.LazyFunction(clock.utcnow)

    @factory.post_generation
    def producer(user, _create, producer, **_kwargs):  # noqa: N805 (factory-boy's hook)
        """UserFactory(producer=p): the user is a member of producer `p`."""
        if producer is not None:
            user.memberships.append(
                Membership(kind=OrganisationKind.PRODUCER, producer_id=producer.id))
            db.session.flush()

    @factory.post_generation
    def outlet(user, _create, outlet, **_kwargs):  # noqa: N805 (factory-boy's hook)
        """UserFactory(outlet=o): the user is on outlet `o`'s staff."""
        if outlet is not None:
            user.memberships.append(Membership(kind=OrganisationKind.OUTLET, outlet_id=outlet.id))
            db.session.flush()


# Hashing is deliberately slow; every factory user shares one hash of PASSWORD.
PASSWORD = "mật-khẩu-đủ-dài-2026"
_PASSWORD_HASH = generate_password_hash(PASSWORD)


class ZoneFactory(BaseFactory):
    """An active VietGAP zone of 2.5 ha yielding 10,000 kg a season, certified for a year."""

    class Meta:
        model = Zone

    producer = factory.SubFactory(ProducerFactory)
    code = factory.Sequence(lambda n: f"VN-68-{n % 1000:03d}-{n:05d}-01-24")
    name = factory.Sequence(lambda n: f"Vườn chè Cầu Đất {n}")
    crop = "Chè"
    variety = "Ô long"
    cycle = CropCycle.PERENNIAL
    area_ha = Decimal("2.50")
    commune = "Xã Xuân Trường"
    district = "Đà Lạt"
    province = factory.SelfAttribute("producer.province")
    latitude = Decimal("11.845000")
    longitude = Decimal("108.556000")
    standard = Standard.VIETGAP
    standard_certificate = factory.Sequence(lambda n: f"VG-{n:05d}")
    standard_expires_on = factory.LazyFunction(lambda: clock.today() + timedelta(days=365))
    expected_yield_kg = 10_000
    seasons_per_year = 1
    status = ZoneStatus.ACTIVE


class LotFactory(BaseFactory):
    """A lot made 30 days ago, expiring in a year, drawing 100 kg from a zone of its producer."""

    class Meta:
        model = Lot

    product = factory.SubFactory(ProductFactory)
    code = factory.Sequence(lambda n: f"L{n:05d}")
    token = factory.Sequence(lambda n: f"tok{n:07d}")
    produced_on = factory.LazyFunction(lambda: clock.today() - timedelta(days=30))
    expires_on = factory.LazyFunction(lambda: clock.today() + timedelta(days=365))
    quantity = 500
    unit = "hộp"
    harvest = factory.RelatedFactory(
        "tests.factories.LotInputFactory", factory_related_name="lot",
        zone=factory.SubFactory(ZoneFactory, producer=factory.SelfAttribute("...product.producer")),
    )


class LotInputFactory(BaseFactory):
    class Meta:
        model = LotInput

    lot = factory.SubFactory(LotFactory, harvest=None)
    zone = factory.SubFactory(ZoneFactory)
    harvested_on = factory.LazyAttribute(lambda i: i.lot.produced_on - timedelta(days=5))
    quantity_kg = 100


class LabelRunFactory(BaseFactory):
    class Meta:
        model = LabelRun

    lot = factory.SubFactory(LotFactory)
    size = "medium"
    count = 1
    serialised = True


class UnitFactory(BaseFactory):
    """A serialised unit; the serial is random like the ones the shop issues."""

    class Meta:
        model = Unit

    run = factory.SubFactory(LabelRunFactory)
    lot = factory.SelfAttribute("run.lot")
    serial = factory.LazyFunction(new_serial)


class OutletFactory(BaseFactory):
    """An open outlet point taking pickups paid in cash, open 08:00–21:00 every day."""

    class Meta:
        model = Outlet

    slug = factory.Sequence(lambda n: f"diem-ban-ocop-{n}")
    name_vi = factory.Sequence(lambda n: f"Điểm bán OCOP số {n}")
    name_en = factory.Sequence(lambda n: f"OCOP outlet {n}")
    kind = OutletKind.POINT
    operator_name = "Trung tâm Xúc tiến Thương mại"
    operator_tax_code = "0101234567"
    street = "12 Phố Hàng Bạc"
    commune = "Phường Hoàn Kiếm"
    province = factory.SubFactory(ProvinceFactory)
    latitude = Decimal("21.034000")
    longitude = Decimal("105.852000")
    phone = "0912345678"
    email = "diemban@example.vn"
    offers_pickup = True
    accepts_cash_pickup = True
    status = OutletStatus.OPEN
    hours = factory.LazyFunction(lambda: [
        OpeningHours(weekday=day, opens_at=time(8), closes_at=time(21)) for day in range(7)])
    delivery_fees = factory.LazyFunction(list)


class ComboFactory(BaseFactory):
    """A published Tết combo of two listed products (one of each), sold at one outlet.

    Pass `components=[(product, quantity), ...]` and `outlets=[outlet, ...]` to choose them.
    """

    class Meta:
        model = Combo
        exclude = ("parts", "sold_at")

    slug = factory.Sequence(lambda n: f"qua-tet-{n}")
    name_vi = factory.Sequence(lambda n: f"Hộp quà Tết số {n}")
    name_en = factory.Sequence(lambda n: f"Tết gift box {n}")
    story_vi = "Những sản phẩm OCOP của Tây Nguyên cho ngày Tết."
    story_en = "OCOP products of the Central Highlands for Tết."
    occasion = Occasion.TET
    price_vnd = 250_000
    status = ComboStatus.PUBLISHED
    parts = factory.LazyFunction(lambda: [(ProductFactory(), 1), (ProductFactory(), 1)])
    sold_at = factory.LazyFunction(lambda: [OutletFactory()])
    components = factory.LazyAttribute(lambda o: [
        ComboComponent(product=product, quantity=quantity) for product, quantity in o.parts])
    outlets = factory.LazyAttribute(lambda o: [ComboOutlet(outlet=outlet) for outlet in o.sold_at])
