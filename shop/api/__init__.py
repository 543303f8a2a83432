"""JSON API v1 and its OpenAPI document."""

from flask_openapi3 import OpenAPI
from flask_openapi3.models import Schema
from flask_openapi3.utils import get_model_schema

from shop.api.schemas import Problem


def register_api(app: OpenAPI) -> None:
    """Attach the API blueprints and the shared Problem schema."""
    from shop.api import products, reference

    app.components_schemas["Problem"] = Schema(**get_model_schema(Problem))
    app.register_api(products.bp)
    app.register_api(reference.bp)
