"""Keeps each product's folded search text and name sort key in step with its data.

A product's text holds its producer's name and its province's names too, so renaming a
producer, moving it to another province, or renaming a province refreshes the text of every
product concerned, in the same flush.
"""

from sqlalchemy import bindparam, event, inspect, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.base import NO_VALUE
from sqlalchemy.orm.util import identity_key

from shop.catalog.models import Product
from shop.core.text import fold, search_words
from shop.places.models import Province
from shop.producers.models import Producer

# What of a producer and of a province goes into its products' search text.
_PRODUCER_FIELDS = ("name", "province", "province_id")
_PROVINCE_FIELDS = ("name", "former_names")


def folded_text(*parts: str | None) -> str:
    """Folded words, each preceded by a space, so a term matches from the start of a word."""
    return " " + " ".join(search_words(" ".join(part or "" for part in parts)))


def search_text(product: Product, producer: Producer, province: Province) -> str:
    """What search looks in: names, producer, province (old names too) and the stories."""
    return folded_text(product.name_vi, product.name_en, producer.name, province.name,
                       province.former_names, product.story_vi, product.story_en)


def _producer_of(session: Session, product: Product) -> Producer:
    loaded = inspect(product).attrs.producer.loaded_value
    if loaded is not NO_VALUE and loaded is not None:
        return loaded
    return session.get(Producer, product.producer_id)


@event.listens_for(Session, "before_flush")
def _index_changed_products(session: Session, _context, _instances) -> None:
    """Recompute search text for new or edited products before they are written."""
    with session.no_autoflush:
        for obj in list(session.new) + list(session.dirty):
            if isinstance(obj, Product):
                producer = _producer_of(session, obj)
                obj.search_text = search_text(obj, producer, producer.province)
                obj.name_key = fold(obj.name_vi)[:200]


def _changed(obj: object, fields: tuple[str, ...]) -> bool:
    attrs = inspect(obj).attrs
    return any(attrs[name].history.has_changes() for name in fields)


@event.listens_for(Session, "after_flush")
def _reindex_for_changed_owners(session: Session, _context) -> None:
    """After producers or provinces changed what their products' text holds, refresh it."""
    # After the flush the rows hold the new names and provinces, while `dirty` and the
    # attributes' history still say what this flush changed.
    producers = {obj.id for obj in session.dirty
                 if isinstance(obj, Producer) and _changed(obj, _PRODUCER_FIELDS)}
    provinces = {obj.id for obj in session.dirty
                 if isinstance(obj, Province) and _changed(obj, _PROVINCE_FIELDS)}
    if producers or provinces:
        reindex_products(session, producers, provinces)


def reindex_products(session: Session, producer_ids: set[int], province_ids: set[int]) -> None:
    """Refresh the text of the products of these producers and of producers in these
    provinces: one SELECT and one executemany UPDATE, whatever their number."""
    rows = session.execute(
        select(Product.id, Product.name_vi, Product.name_en, Producer.name, Province.name,
               Province.former_names, Product.story_vi, Product.story_en)
        .join(Producer, Product.producer_id == Producer.id)
        .join(Province, Producer.province_id == Province.id)
        .where(or_(Producer.id.in_(producer_ids), Producer.province_id.in_(province_ids)))
    ).all()
    if not rows:
        return
    texts = {row[0]: folded_text(*row[1:]) for row in rows}
    products = Product.__table__
    session.connection().execute(
        update(products).where(products.c.id == bindparam("product_id"))
        .values(search_text=bindparam("text")),
        [{"product_id": key, "text": text} for key, text in texts.items()],
    )
    # Products already loaded in this session show the new text without a reload.
    for key, text in texts.items():
        product = session.identity_map.get(identity_key(Product, key))
        if product is not None:
            set_committed_value(product, "search_text", text)
