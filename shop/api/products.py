"""Listed products: the catalog's search and product page, as JSON."""

from flask_openapi3 import Tag
from sqlalchemy.orm.attributes import set_committed_value

from shop.api import serializers
from shop.api.http import api_blueprint, error_responses
from shop.api.schemas import MAX_PRODUCT_LOTS, ProductDetail, ProductPage, ProductPath
from shop.catalog import services
from shop.catalog.models import Product
from shop.catalog.page_cache import catalog_parts
from shop.catalog.params import CatalogParams
from shop.catalog.search import search
from shop.core import clock
from shop.trace.models import Lot
from shop.trace.queries import product_lots

bp = api_blueprint("api_products", __name__, Tag(
    name="Products", description="OCOP products for sale: those with a current certificate."))


@bp.get("/products", operation_id="listProducts",
        responses={200: ProductPage, **error_responses()},
        description="Only products whose live certificate is current (3★ or more, recognised,"
                    " unexpired and unrevoked today) appear. Search ignores accents and đ:"
                    " \"nuoc mam\" finds \"Nước mắm\".")
def list_products(query: CatalogParams):
    """Search and filter listed products, one page at a time (cached as catalog pages are)."""

    def render() -> dict:
        today = clock.today()
        page = search(query.to_query(), today)
        return {"json": ProductPage(
            items=[serializers.product_summary(p, today) for p in page.items],
            page=page.page, per_page=page.per_page, pages=page.pages, total=page.total,
        ).model_dump(mode="json")}

    return catalog_parts("api-products", query.model_dump_json(), render)["json"]


@bp.get("/products/<slug>", operation_id="getProduct",
        responses={200: ProductDetail, **error_responses(404)})
def get_product(path: ProductPath):
    """One listed product with its story and newest lots; a product not for sale is not found."""
    product = services.listed_product(path.slug)
    lots, lot_count = _newest_lots(product)
    return serializers.product_detail(product, clock.today(), lots, lot_count
                                      ).model_dump(mode="json")


def _newest_lots(product: Product) -> tuple[list[Lot], int]:
    """The product's newest lots, up to MAX_PRODUCT_LOTS, and how many it has: one query."""
    lots = product_lots([product.id])[product.id]
    shown = lots[:MAX_PRODUCT_LOTS]
    for lot in shown:
        # product_lots leaves lot.product unloaded; it is this product, already loaded, which
        # the lot's Digital Link needs. Set as loaded state, so nothing is marked changed.
        set_committed_value(lot, "product", product)
    return shown, len(lots)
