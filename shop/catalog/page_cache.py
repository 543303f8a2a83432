"""The catalog's cached page parts: what they show, and how they are keyed."""

from collections.abc import Callable

from shop.catalog.models import Product, ProductImage
from shop.ocop.models import Certificate, ProductGroup, ProductSubgroup
from shop.places.models import Province
from shop.producers.models import Producer
from shop.web import page_cache

NAMESPACE = "catalog"
# Rows a catalog page (home, list, search, product, API lists) shows. Stock is not among
# them: a sale leaves these pages cached.
SHOWN = (Product, ProductImage, Certificate, Producer, Province, ProductGroup, ProductSubgroup)


def register() -> None:
    """Tell the page cache what catalog pages show."""
    page_cache.register(NAMESPACE, *SHOWN)


def catalog_parts(page: str, key: object, render: Callable[[], dict]) -> dict:
    """The parts `render` makes for `page` and `key` (parsed parameters), from the cache
    while nothing the catalog shows has changed."""
    return page_cache.cached(NAMESPACE, (page, key), render)
