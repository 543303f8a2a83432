"""Audiences whose pages several features contribute: the producers' portal (/portal/).

Flask names an endpoint after its blueprint, so the portal is one blueprint, "portal", that each
feature's `views/portal.py` adds its routes to (`portal.zones` from trace, `portal.products`
from catalog, …); `create_app` imports those modules, then calls `register_portal` once. Its
home page shows a panel from each feature that has something to say about the producer.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flask import Blueprint, Flask, current_app, render_template
from flask_babel import format_decimal
from markupsafe import Markup

from shop.database import writes_on_post

portal = Blueprint("portal", __name__, url_prefix="/portal")
# Every POST of the portal writes: it takes the write lock before its first read.
writes_on_post(portal)


@portal.context_processor
def _number_format() -> dict:
    """Numbers in the reader's language: 2,5 ha in Vietnamese, 2.5 ha in English."""
    return {"number": format_decimal}


def _nothing(_producer_id: int) -> dict:
    return {}


@dataclass(frozen=True)
class HomePanel:
    """A feature's panel on the portal's home page: its template, and what it shows of the
    producer (`context(producer_id)`, a service call)."""

    template: str
    context: Callable[[int], dict] = _nothing


def register_portal(app: Flask, home_panels: Sequence[HomePanel]) -> None:
    """Attach the portal, once every feature added its routes, with its home page's panels."""
    app.extensions["portal_home_panels"] = tuple(home_panels)
    app.register_blueprint(portal)


def home_panels(producer_id: int) -> list[Markup]:
    """The home page's panels for a producer, rendered, in the order they were registered."""
    return [Markup(render_template(panel.template, **panel.context(producer_id)))
            for panel in current_app.extensions["portal_home_panels"]]
