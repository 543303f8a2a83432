"""What the registry already holds that an annex's rows may name: provinces, groups,
producers and products, loaded once per file in a handful of queries and looked up by the
keys the rows carry (registration number, GTIN, folded name)."""

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import or_, select

from shop.catalog.models import Product
from shop.core.text import search_words
from shop.extensions import db
from shop.ocop.models import Certificate, ProductGroup
from shop.places.models import Province
from shop.producers.models import Producer, ProducerKind
from shop.registry.services import live_certificates

# How names of producers usually begin, folded, and the kind of producer each says.
_KIND_PREFIXES = (
    ("hop tac xa", ProducerKind.COOPERATIVE), ("htx", ProducerKind.COOPERATIVE),
    ("to hop tac", ProducerKind.COOPERATIVE_GROUP), ("tht", ProducerKind.COOPERATIVE_GROUP),
    ("cong ty", ProducerKind.COMPANY), ("cty", ProducerKind.COMPANY),
    ("doanh nghiep", ProducerKind.COMPANY),
)
# "Tỉnh Lâm Đồng", "TP. Cần Thơ": the words before a province's name.
_PROVINCE_WORDS = ("tinh", "thanh pho", "tp")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name as compared: folded, punctuation and repeated spaces dropped."""
    # Cached: a file names the same producers, groups and provinces on row after row.
    return " ".join(search_words(name))


def registration_key(number: str) -> str:
    """A registration number as compared: no spaces, upper case."""
    return "".join(number.split()).upper()


def kind_for(name: str) -> ProducerKind:
    """The kind of producer its name says ("HTX …" a cooperative); a household otherwise."""
    key = name_key(name)
    for prefix, kind in _KIND_PREFIXES:
        if key == prefix or key.startswith(prefix + " "):
            return kind
    return ProducerKind.HOUSEHOLD


class Places:
    """The provinces and product groups, by the names and numbers rows write them with."""

    def __init__(self) -> None:
        self.provinces = {p.id: p for p in db.session.scalars(select(Province))}
        self._provinces: dict[str, Province] = {}
        for province in self.provinces.values():
            names = [province.name, *province.former_names.split(",")]
            for name in filter(None, (name_key(n) for n in names)):
                self._provinces.setdefault(name, province)
        self.groups = list(db.session.scalars(select(ProductGroup).order_by(ProductGroup.code)))
        self._group_names = [(g, name_key(g.name_vi), name_key(g.name_en)) for g in self.groups]

    def province(self, written: str) -> Province | None:
        """The province "Tỉnh Lâm Đồng", "lam dong" or a former name such as "Đắk Nông" names."""
        key = name_key(written)
        for word in _PROVINCE_WORDS:
            if key.startswith(word + " ") and key[len(word) + 1:] in self._provinces:
                return self._provinces[key[len(word) + 1:]]
        return self._provinces.get(key)

    def groups_for(self, written: str) -> list[ProductGroup]:
        """The groups "Thực phẩm", "1", "Nhóm 1" or "dược liệu" can mean (one when clear)."""
        key = name_key(written)
        words = key.split()
        if words and words[-1].isdigit() and len(words) <= 2:
            return [g for g in self.groups if g.code == int(words[-1])]
        exact = [g for g, vi, en in self._group_names if key in (vi, en)]
        if exact:
            return exact
        return [g for g, vi, en in self._group_names
                if f" {key} " in f" {vi} " or f" {key} " in f" {en} "]


class Registry:
    """The producers of some provinces or registration numbers, their products and the
    products of some GTINs, each product with its live certificate."""

    def __init__(self, province_ids: Iterable[int], registration_numbers: Iterable[str],
                 gtins: Iterable[str]) -> None:
        numbers = {n.strip() for n in registration_numbers} | {
            registration_key(n) for n in registration_numbers}
        producers = list(db.session.scalars(select(Producer).where(or_(
            Producer.province_id.in_(set(province_ids)),
            Producer.registration_number.in_(numbers))).order_by(Producer.id)))
        self.by_registration = {registration_key(p.registration_number): p for p in producers}
        self._by_name: dict[tuple[int, str], list[Producer]] = defaultdict(list)
        for producer in producers:
            self._by_name[(producer.province_id, name_key(producer.name))].append(producer)
        products = list(db.session.scalars(select(Product).where(or_(
            Product.producer_id.in_([p.id for p in producers]), Product.gtin.in_(set(gtins))))
            .order_by(Product.id)))
        self.producers = {p.id: p for p in producers}
        missing = {p.producer_id for p in products} - self.producers.keys()
        if missing:  # the makers of products found by GTIN alone
            self.producers.update({p.id: p for p in db.session.scalars(
                select(Producer).where(Producer.id.in_(missing)))})
        self.by_gtin = {p.gtin: p for p in products if p.gtin}
        self._products_by_name: dict[tuple[int, str], list[Product]] = defaultdict(list)
        for product in products:
            self._products_by_name[(product.producer_id, name_key(product.name_vi))].append(
                product)
        self.live: dict[int, Certificate] = live_certificates([p.id for p in products])

    def producers_named(self, province_id: int, name: str) -> list[Producer]:
        """The producers of the province whose folded name is `name`'s."""
        return self._by_name.get((province_id, name_key(name)), [])

    def products_named(self, producer_id: int, name: str) -> list[Product]:
        """The producer's products whose folded Vietnamese name is `name`'s."""
        return self._products_by_name.get((producer_id, name_key(name)), [])

