"""What every API blueprint shares: documented error responses and public caching."""

from flask import Response
from flask_openapi3 import APIBlueprint, Tag

from shop.api.problems import PROBLEM_JSON

API_PREFIX = "/api/v1"
CACHE_SECONDS = 60


def _problem_response(description: str, schema: str) -> dict:
    return {
        "description": description,
        "content": {PROBLEM_JSON: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def error_responses(*statuses: int) -> dict:
    """OpenAPI responses for an operation's parameter errors (400) and the other `statuses`."""
    responses = {
        "400": _problem_response("A parameter is not valid.", "ValidationProblem"),
    }
    descriptions = {404: "No listed product has this slug."}
    for status in statuses:
        responses[str(status)] = _problem_response(descriptions[status], "Problem")
    return responses


# Documented on every operation: whatever else goes wrong (405, 500…) is problem details too.
ANY_OTHER_ERROR = {"default": _problem_response("Any other error.", "Problem")}


def cache_publicly(response: Response) -> Response:
    """Let clients and proxies keep a successful answer for a minute (not one a view marked
    no-store: an order read with its token)."""
    if response.status_code == 200 and not response.cache_control.no_store:
        response.cache_control.public = True
        response.cache_control.max_age = CACHE_SECONDS
    return response


def api_blueprint(name: str, import_name: str, tag: Tag) -> APIBlueprint:
    """An API v1 blueprint under /api/v1 whose successful answers are publicly cacheable."""
    blueprint = APIBlueprint(name, import_name, url_prefix=API_PREFIX, abp_tags=[tag],
                             abp_responses=ANY_OTHER_ERROR)
    blueprint.after_request(cache_publicly)
    return blueprint
