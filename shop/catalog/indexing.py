"""Keeps each product's folded search text and name sort key in step with its data."""

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NO_VALUE

from shop.catalog.models import Product
from shop.places.models import Province
from shop.producers.models import Producer
from shop.text import fold, search_words


def search_text(product: Product, producer: Producer, province: Province) -> str:
    """What search looks in: names, producer, province (old names too) and the stories.

    Folded words, each preceded by a space, so a term matches from the start of a word.
    """
    return " " + " ".join(search_words(" ".join([
        product.name_vi, product.name_en or "", producer.name, province.name,
        province.former_names or "", product.story_vi or "", product.story_en or "",
    ])))


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


def reindex_producer(session: Session, producer: Producer) -> None:
    """Refresh the search text of a producer's products after its name or province changed."""
    for product in session.scalars(select(Product).where(Product.producer_id == producer.id)):
        product.search_text = search_text(product, producer, producer.province)
