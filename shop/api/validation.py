"""Invalid parameters become 400 problem details naming each parameter, with a readable reason."""

from flask import Response
from flask_babel import gettext as _
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from shop.api.problems import problem


def _reason(error: ErrorDetails) -> str:
    limits = error.get("ctx", {})
    kind = error["type"]
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return _("Must be a whole number.")
    if kind == "greater_than_equal":
        return _("Must be at least %(limit)s.", limit=limits["ge"])
    if kind == "less_than_equal":
        return _("Must be at most %(limit)s.", limit=limits["le"])
    if kind == "enum":
        return _("Must be one of: %(choices)s.", choices=limits["expected"])
    if kind == "string_too_long":
        return _("Must be at most %(limit)s characters.", limit=limits["max_length"])
    if kind == "string_pattern_mismatch":
        return _("Must use only lower-case letters, digits and hyphens.")
    return _("Is not a valid value.")


def _name(error: ErrorDetails) -> str:
    return ".".join(str(part) for part in error["loc"]) or "query"


def validation_problem(error: ValidationError) -> Response:
    """A 400 problem-details response listing each invalid parameter and why."""
    errors = [{"name": _name(e), "reason": _reason(e)} for e in error.errors()]
    return problem(400, _("Some parameters are not valid."), title=_("Invalid parameters"),
                   errors=errors)
