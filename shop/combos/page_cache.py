"""The combos' cached page parts: what they show (stock never), and the home page's section."""

from collections.abc import Callable

from flask import Flask

from shop.catalog import page_cache as catalog_cache
from shop.combos.models import Combo, ComboComponent, ComboImage, ComboOutlet
from shop.combos.queries import home_combos
from shop.web import page_cache
from shop.web.home import HomeSection, register_home_section

NAMESPACE = "combos"
COMBO_TABLES = (Combo, ComboComponent, ComboImage, ComboOutlet)


def register(app: Flask) -> None:
    """Tell the page cache what combo pages show, and add the home page's combo section.

    The combo pages show the catalog's rows too (a component's revocation takes a combo off
    sale), never stock: "where to buy" is rendered live. The home page is cached in the
    catalog's namespace, so that namespace learns of the combo tables as well.
    """
    page_cache.register(NAMESPACE, *COMBO_TABLES, *catalog_cache.SHOWN)
    page_cache.register(catalog_cache.NAMESPACE, *COMBO_TABLES)
    register_home_section(app, HomeSection("combos/_home_section.html",
                                           lambda: {"combos": home_combos()}))


def combo_parts(page: str, key: object, render: Callable[[], dict]) -> dict:
    """The parts `render` makes for `page` and `key`, from the cache while nothing a combo
    page shows has changed."""
    return page_cache.cached(NAMESPACE, (page, key), render)
