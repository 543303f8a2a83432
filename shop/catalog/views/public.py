"""Public catalog pages: home, product list and search, product page, sitemap."""

from flask import Blueprint, current_app, render_template, request
from markupsafe import Markup

from shop.catalog import page_cache, services
from shop.catalog import search as catalog_search
from shop.catalog.offers import offers_for
from shop.catalog.params import CatalogParams
from shop.catalog.search import Sort
from shop.catalog.structured import product_jsonld
from shop.core import clock
from shop.core.errors import NotFound
from shop.core.markup import render_markdown
from shop.core.urls import absolute_url
from shop.ocop.listing_rule import status_on
from shop.web.home import home_sections
from shop.web.i18n import localized
from shop.web.structured_data import with_availability

bp = Blueprint("catalog", __name__)


@bp.get("/")
def home():
    """Featured 5★ and 4★ products, the six groups and the provinces."""

    def render() -> dict:
        return {"body": Markup(render_template(
            "catalog/_home_body.html",
            five_star=services.featured(5),
            four_star=services.featured(4),
            groups=services.group_counts(),
            provinces=services.province_counts(),
            sections=home_sections(),
        ))}

    return render_template("catalog/home.html", parts=page_cache.catalog_parts("home", (), render))


@bp.get("/products")
def products():
    """The product list: filters, search, sort and pages."""
    args = request.args.to_dict()
    args.setdefault("per_page", current_app.config["CATALOG_PAGE_SIZE"])
    params, dropped = CatalogParams.parse_leniently(args)

    def render() -> dict:
        # The filters' choices are the same on every list page: cached once for all.
        options = page_cache.catalog_parts("filters", (), services.filter_options)
        return {"body": Markup(render_template(
            "catalog/_products_body.html",
            page=catalog_search.search(params.to_query()),
            params=params,
            dropped=dropped,
            sorts=Sort,
            groups=options["groups"],
            provinces=options["provinces"],
        ))}

    # The key is what was parsed: junk parameters make no entries of their own.
    parts = page_cache.catalog_parts("products", (params.model_dump_json(), tuple(dropped)),
                                     render)
    return render_template("catalog/products.html", params=params, parts=parts)


@bp.get("/products/<slug>")
def product(slug: str):
    """A listed product's page; an unlisted one gets a clear 404 page, never a sale."""

    def render() -> dict:
        item = services.listed_product(slug)
        return {"title": localized(item, "name"), "product_id": item.id,
                "jsonld": product_jsonld(item),
                "body": Markup(render_template(
            "catalog/_product_body.html",
            product=item,
            story=render_markdown(localized(item, "story")),
            status=status_on(item.certificate, clock.today()),
            related=services.related(item),
        ))}

    try:
        parts = page_cache.catalog_parts("product", slug, render)
    except NotFound:
        gone = services.unlisted_product(slug)
        if gone is None:
            raise
        return render_template("catalog/unlisted.html", product=gone), 404
    # Stock changes with every sale: bands and the offer's availability are never cached.
    offers = offers_for(parts["product_id"])
    return render_template("catalog/product.html", parts=parts, offers=offers,
                           jsonld=Markup(with_availability(parts["jsonld"], offers)))


@bp.get("/sitemap.xml")
def sitemap():
    """Every listed product page, for search engines."""
    urls = [absolute_url("catalog.product", slug=s) for s in services.sitemap_slugs()]
    urls.insert(0, absolute_url("catalog.products"))
    body = render_template("catalog/sitemap.xml", urls=urls)
    return body, 200, {"Content-Type": "application/xml; charset=utf-8"}
