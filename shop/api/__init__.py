"""JSON API v1 and its OpenAPI document."""

from flask_openapi3 import OpenAPI
from flask_openapi3.models import Schema
from flask_openapi3.utils import get_model_schema
from pydantic import BaseModel

from shop.api.schemas import EPCISDocument, Problem


def _add_schema(app: OpenAPI, model: type[BaseModel]) -> None:
    """Put `model` and the models it nests into the document's components."""
    schema = get_model_schema(model)
    for name, nested in schema.pop("$defs", {}).items():
        app.components_schemas[name] = Schema(**nested)
    app.components_schemas[model.__name__] = Schema(**schema)


def register_api(app: OpenAPI) -> None:
    """Attach the API blueprints and the schemas that responses name by hand."""
    from shop.api import combos, fairs, lots, orders, outlets, products, reference
    from shop.extensions import csrf

    # The API is public but for reading an order, with the token it was placed with.
    app.security_schemes = {**(app.security_schemes or {}), "orderToken": {
        "type": "http", "scheme": "bearer",
        "description": "The access_token answered when the order was placed."}}
    _add_schema(app, Problem)
    _add_schema(app, EPCISDocument)  # served as application/ld+json, so described by hand
    app.register_api(products.bp)
    app.register_api(reference.bp)
    app.register_api(lots.bp)
    app.register_api(outlets.bp)
    app.register_api(combos.bp)
    app.register_api(fairs.bp)
    app.register_api(orders.bp)
    # Placing an order is a JSON call from another program, with no form to carry a token.
    csrf.exempt(orders.bp)
