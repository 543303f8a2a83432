"""Language choice and the localised views of bilingual fields."""

from datetime import date

from flask import Blueprint, abort, current_app, redirect, request, url_for
from flask_babel import format_date, get_locale

from shop.core.urls import safe_next

LANG_COOKIE = "lang"


def select_locale() -> str:
    """The shopper's chosen language (remembered in a cookie), else Vietnamese."""
    choice = request.cookies.get(LANG_COOKIE) if request else None
    languages = current_app.config["LANGUAGES"]
    return choice if choice in languages else languages[0]


def current_language() -> str:
    """"vi" or "en", for picking the bilingual columns."""
    locale = get_locale()
    # The language subtag itself: str(locale) rebuilds the whole identifier on every call.
    return locale.language if locale is not None else "vi"


def localized(obj: object, field: str) -> str:
    """obj.<field>_vi or obj.<field>_en by the current language, falling back to Vietnamese."""
    if current_language() == "en":
        value = getattr(obj, f"{field}_en", "")
        if value:
            return value
    return getattr(obj, f"{field}_vi")


def medium_date(day: date | None) -> str:
    """A date as pages and messages write it: "16 thg 3, 2026" / "Mar 16, 2026"."""
    return format_date(day, "medium") if day else ""


bp = Blueprint("i18n", __name__)


@bp.get("/lang/<code>")
def set_language(code: str):
    """Switch language and remember it for a year, then go back where the shopper was."""
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    response = redirect(safe_next(request.args.get("next"), url_for("catalog.home")))
    response.set_cookie(LANG_COOKIE, code, max_age=365 * 24 * 3600, httponly=True,
                        samesite=current_app.config["SESSION_COOKIE_SAMESITE"],
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
    return response
