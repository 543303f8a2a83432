"""Jinja filters and globals shared by every template; features add theirs at start-up."""

from urllib.parse import urlencode

from flask import Flask, request
from flask_babel import format_datetime, format_decimal, get_locale
from flask_babel import gettext as _

from shop.core.money import format_vnd
from shop.web.i18n import current_language, localized, medium_date


def vnd(amount: int) -> str:
    """Jinja filter: integer đồng in the current language's format."""
    return format_vnd(amount, current_language())


def stars_label(stars: int) -> str:
    """What a screen reader says for a star badge: "OCOP 4 sao" / "OCOP 4 stars"."""
    return _("OCOP %(stars)d stars", stars=stars)


def url_with(params=None, **changes) -> str:
    """This page's URL with some query parameters changed (None removes one); for filters and
    pages. Cached pages pass their parsed `params`, so they hold no parameter a visitor made
    up; uncached ones may start from the request's own."""
    args = params.query_args() if params is not None else request.args.to_dict()
    for key, value in changes.items():
        if value is None or value == "":
            args.pop(key, None)
        else:
            args[key] = value
    query = urlencode(args)
    return request.path + (f"?{query}" if query else "")


def init_app(app: Flask) -> None:
    """Register the filters and globals."""
    app.jinja_env.filters["vnd"] = vnd
    app.jinja_env.filters["date"] = medium_date
    # Instants are stored in UTC and shown in Vietnam's time (BABEL_DEFAULT_TIMEZONE).
    app.jinja_env.filters["datetime"] = lambda t: format_datetime(t, "medium") if t else ""
    app.jinja_env.filters["decimal"] = format_decimal
    app.jinja_env.globals.update(
        localized=localized, stars_label=stars_label, url_with=url_with,
        current_language=current_language, get_locale=get_locale,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def register_template_globals(app: Flask, **values) -> None:
    """A feature's names for every template (its labels); a name taken twice is a mistake."""
    taken = values.keys() & app.jinja_env.globals.keys()
    if taken:
        raise ValueError(f"template globals registered twice: {sorted(taken)}")
    app.jinja_env.globals.update(values)
