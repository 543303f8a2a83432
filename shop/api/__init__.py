"""JSON API v1 and its OpenAPI document."""

from flask_openapi3 import OpenAPI


def register_api(app: OpenAPI) -> None:
    """Attach the API blueprints (placeholder until the API work lands)."""
