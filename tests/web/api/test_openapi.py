"""The OpenAPI 3.1 document at /api/openapi.json describes the whole API, generated from code."""

import json
import re

import pytest

from tests.factories import ProductFactory


@pytest.fixture
def document(client) -> dict:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return json.loads(response.get_data(as_text=True))


def api_routes(app) -> set[tuple[str, str]]:
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/"):
            path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
            routes |= {(path, m.lower()) for m in rule.methods - {"HEAD", "OPTIONS"}}
    return routes


def refs(node) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def resolve(document: dict, ref: str):
    assert ref.startswith("#/"), ref
    node = document
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def test_it_is_openapi_3_1_with_the_shop_info(document):
    assert document["openapi"].startswith("3.1")
    assert document["info"]["title"] == "OCOP Shop API"
    assert document["info"]["version"]


def test_every_api_route_is_documented_with_a_summary_tag_and_operation_id(app, document):
    routes = api_routes(app)
    assert ("/api/v1/products", "get") in routes and ("/api/v1/products/{slug}", "get") in routes
    documented = {(path, method) for path, item in document["paths"].items() for method in item}
    assert routes <= documented
    assert documented <= routes
    operation_ids = []
    for path, method in routes:
        operation = document["paths"][path][method]
        assert operation["summary"]
        assert operation["tags"]
        operation_ids.append(operation["operationId"])
    assert len(set(operation_ids)) == len(operation_ids)


def test_every_reference_resolves(document):
    all_refs = refs(document)
    assert "#/components/schemas/ProductPage" in all_refs
    for ref in all_refs:
        assert isinstance(resolve(document, ref), dict), ref


# Operations whose success is another JSON media type than application/json.
OTHER_MEDIA_TYPES = {"getLotEpcis": "application/ld+json"}


def test_success_is_json_and_errors_are_problem_details(document):
    for item in document["paths"].values():
        for operation in item.values():
            responses = operation["responses"]
            media_type = OTHER_MEDIA_TYPES.get(operation["operationId"], "application/json")
            success = "201" if "201" in responses else "200"  # placing an order creates it
            assert set(responses[success]["content"]) == {media_type}
            for status, response in responses.items():
                if status != success:
                    assert set(response["content"]) == {"application/problem+json"}, status


def test_the_list_documents_each_catalog_parameter_and_its_bounds(document):
    operation = document["paths"]["/api/v1/products"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert set(parameters) == {"q", "min_stars", "group", "province", "producer", "price_min",
                               "price_max", "sort", "page", "per_page"}
    assert all(p["in"] == "query" and not p["required"] for p in parameters.values())
    assert parameters["per_page"]["schema"]["maximum"] == 100
    sort = resolve(document, parameters["sort"]["schema"]["$ref"])
    assert set(sort["enum"]) == {"newest", "price_asc", "price_desc", "stars", "name"}
    assert operation["responses"]["400"]["content"]["application/problem+json"]["schema"] == \
        {"$ref": "#/components/schemas/ValidationProblem"}


def test_the_detail_documents_its_path_parameter_and_404(document):
    operation = document["paths"]["/api/v1/products/{slug}"]["get"]
    assert [(p["name"], p["in"], p["required"]) for p in operation["parameters"]] == \
        [("slug", "path", True)]
    assert "404" in operation["responses"]
    detail = document["components"]["schemas"]["ProductDetail"]
    assert {"story_vi", "story_en", "certificate", "producer", "url"} <= set(detail["properties"])


def test_a_documented_response_matches_what_the_api_sends(client, document):
    ProductFactory(slug="documented")
    schemas = document["components"]["schemas"]
    page = client.get("/api/v1/products").json
    assert set(page) == set(schemas["ProductPage"]["properties"])
    assert set(page["items"][0]) == set(schemas["ProductSummary"]["properties"])
    detail = client.get("/api/v1/products/documented").json
    assert set(detail) == set(schemas["ProductDetail"]["properties"])
    problem = client.get("/api/v1/products?page=0").json
    assert set(problem) == set(schemas["ValidationProblem"]["properties"])
