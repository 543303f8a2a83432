"""Listed products: the catalog's search and product page, as JSON."""

from flask_openapi3 import Tag

from shop import clock
from shop.api import serializers
from shop.api.http import api_blueprint, error_responses
from shop.api.schemas import ProductDetail, ProductPage, ProductPath
from shop.catalog import services
from shop.catalog.params import CatalogParams
from shop.catalog.search import search

bp = api_blueprint("api_products", __name__, Tag(
    name="Products", description="OCOP products for sale: those with a current certificate."))


@bp.get("/products", operation_id="listProducts",
        responses={200: ProductPage, **error_responses()},
        description="Only products whose live certificate is current (3★ or more, recognised,"
                    " unexpired and unrevoked today) appear. Search ignores accents and đ:"
                    " \"nuoc mam\" finds \"Nước mắm\".")
def list_products(query: CatalogParams):
    """Search and filter listed products, one page at a time."""
    today = clock.today()
    page = search(query.to_query(), today)
    return ProductPage(
        items=[serializers.product_summary(p, today) for p in page.items],
        page=page.page, per_page=page.per_page, pages=page.pages, total=page.total,
    ).model_dump(mode="json")


@bp.get("/products/<slug>", operation_id="getProduct",
        responses={200: ProductDetail, **error_responses(404)})
def get_product(path: ProductPath):
    """One listed product with its story; a product not for sale is not found."""
    product = services.listed_product(path.slug)
    return serializers.product_detail(product, clock.today()).model_dump(mode="json")
