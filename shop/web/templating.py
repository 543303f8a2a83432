"""Jinja filters and globals shared by every template; features add theirs at start-up."""

from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlencode

from flask import Flask, has_request_context, request
from flask_babel import format_datetime, format_decimal, get_locale, get_translations
from flask_babel import gettext as _
from jinja2 import pass_context
from markupsafe import Markup

from shop.core.money import format_vnd
from shop.web.i18n import current_language, localized, medium_date


def vnd(amount: int) -> str:
    """Jinja filter: integer đồng in the current language's format."""
    return format_vnd(amount, current_language())


def stars_label(stars: int) -> str:
    """What a screen reader says for a star badge: "OCOP 4 sao" / "OCOP 4 stars"."""
    return _stars_label(current_language(), stars)


@lru_cache(maxsize=16)
def _stars_label(language: str, stars: int) -> str:
    # Three ratings in two languages, asked for once per card: looked up once per process.
    # `language` keys the cache; gettext reads the same language from the request.
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


def _newstyle(translate: Callable[[str], str]):
    """Jinja's new-style gettext (escaping, %(name)s variables) around `translate`."""
    @pass_context
    def gettext(context, string: str, **variables) -> str:
        translated = translate(string)
        if context.eval_ctx.autoescape:
            translated = Markup(translated)
        return translated % variables if variables else translated
    return gettext


def request_gettext() -> dict:
    """Context processor: `_()` bound to this render's translations, looked up once.

    Flask-Babel's template gettext looks the locale and catalog up again for every string,
    and a page's header alone holds a dozen. Macros imported without context still use
    the global one, which gives the same text.
    """
    return {"gettext": _newstyle(get_translations().ugettext)}


def memoised_urls(app: Flask) -> None:
    """`url_for` and `static_url_for` in templates, remembered for URLs without arguments.

    Such a URL depends only on the route map and the manifest of fingerprinted files, both
    fixed once the app is built; the header and footer ask for a dozen on every page.
    """
    url_for, static_url_for = app.jinja_env.globals["url_for"], app.jinja_env.globals.get(
        "static_url_for")
    known: dict[tuple, str] = {}

    def remembered(build, endpoint: str, values: dict) -> str:
        if not has_request_context() or endpoint.startswith("."):
            return build(endpoint, **values)
        key = (build, request.script_root, endpoint, *sorted(values.items()))
        url = known.get(key)
        if url is None:
            url = known[key] = build(endpoint, **values)
        return url

    app.jinja_env.globals["url_for"] = lambda endpoint, **values: (
        remembered(url_for, endpoint, values) if not values else url_for(endpoint, **values))
    if static_url_for is not None:
        app.jinja_env.globals["static_url_for"] = lambda endpoint, **values: remembered(
            static_url_for, endpoint, values)


def init_app(app: Flask) -> None:
    """Register the filters and globals."""
    app.context_processor(request_gettext)
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
