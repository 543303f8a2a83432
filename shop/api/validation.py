"""Invalid parameters become 400 problem details naming each parameter, with a readable reason;
an invalid request body (placing an order) 422, naming each field."""

from flask import Response, request
from flask_babel import gettext as _
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from shop.api.problems import problem
from shop.catalog.params import SLUG_PATTERN


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
    if kind == "string_pattern_mismatch" and limits.get("pattern") == SLUG_PATTERN:
        return _("Must use only lower-case letters, digits and hyphens.")
    if kind == "string_pattern_mismatch":
        return _("Does not have the expected form.")
    if kind == "missing":
        return _("Is required.")
    if kind == "string_too_short":
        return _("Must be at least %(limit)s characters.", limit=limits["min_length"])
    return _("Is not a valid value.")


def _name(error: ErrorDetails, root: str = "query") -> str:
    # A union's branch shows in the location under its model's name (items.0.ComboItem.combo):
    # the client knows only the field names, which are lower-case.
    return ".".join(str(part) for part in error["loc"]
                    if not (isinstance(part, str) and part[:1].isupper())) or root


def validation_problem(error: ValidationError) -> Response:
    """A 400 problem-details response listing each invalid parameter and why; 422 for an
    invalid body (only POSTs have one)."""
    if request.method == "POST":
        errors = [{"name": _name(e, "body"), "reason": _reason(e)} for e in error.errors()]
        return problem(422, _("Some fields are not valid."), title=_("Invalid fields"),
                       errors=errors)
    errors = [{"name": _name(e), "reason": _reason(e)} for e in error.errors()]
    return problem(400, _("Some parameters are not valid."), title=_("Invalid parameters"),
                   errors=errors)
