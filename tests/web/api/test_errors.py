"""The API answers every error with RFC 9457 problem details, never HTML or a traceback."""

import pytest

PROBLEM_JSON = "application/problem+json"


@pytest.mark.parametrize(("query", "name"), [
    ("min_stars=2", "min_stars"),
    ("min_stars=6", "min_stars"),
    ("min_stars=abc", "min_stars"),
    ("per_page=1000", "per_page"),
    ("per_page=0", "per_page"),
    ("page=0", "page"),
    ("page=two", "page"),
    ("sort=bogus", "sort"),
    ("price_min=-1", "price_min"),
    ("price_max=cheap", "price_max"),
    ("group=Not%20A%20Slug", "group"),
    ("province=%3Cscript%3E", "province"),
    (f"q={'a' * 201}", "q"),
], ids=lambda value: value[:30])
def test_an_invalid_parameter_is_a_400_problem_naming_it(client, query, name):
    response = client.get(f"/api/v1/products?{query}")

    assert response.status_code == 400
    assert response.mimetype == PROBLEM_JSON
    body = response.json
    assert body["type"] == "about:blank"
    assert body["status"] == 400
    assert body["title"] and body["detail"]
    assert [error["name"] for error in body["errors"]] == [name]
    assert body["errors"][0]["reason"]


def test_reasons_say_what_is_allowed(client):
    client.set_cookie("lang", "en")

    def reason(query: str) -> str:
        return client.get(f"/api/v1/products?{query}").json["errors"][0]["reason"]

    assert reason("min_stars=2") == "Must be at least 3."
    assert reason("per_page=1000") == "Must be at most 100."
    assert reason("min_stars=abc") == "Must be a whole number."
    assert "price_asc" in reason("sort=bogus")


def test_every_invalid_parameter_is_named_at_once(client):
    response = client.get("/api/v1/products?min_stars=2&page=0&sort=bogus")
    assert response.status_code == 400
    assert sorted(e["name"] for e in response.json["errors"]) == ["min_stars", "page", "sort"]


def test_blank_and_unknown_parameters_are_ignored(client):
    response = client.get("/api/v1/products?min_stars=&group=&utm_source=newsletter")
    assert response.status_code == 200


def test_producer_pages_are_validated_too(client):
    response = client.get("/api/v1/producers?per_page=101")
    assert response.status_code == 400
    assert response.mimetype == PROBLEM_JSON
    assert [e["name"] for e in response.json["errors"]] == ["per_page"]


def test_a_too_long_slug_is_a_400_problem(client):
    response = client.get(f"/api/v1/products/{'x' * 121}")
    assert response.status_code == 400
    assert [e["name"] for e in response.json["errors"]] == ["slug"]


@pytest.mark.parametrize("path", ["/api/v1/nothing", "/api/v2/products", "/api/v1/products/a/b"])
def test_an_unknown_api_path_is_a_404_problem(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == PROBLEM_JSON
    assert response.json["status"] == 404
    assert "<html" not in response.get_data(as_text=True).lower()


def test_a_wrong_method_is_a_405_problem_with_allow(client):
    response = client.post("/api/v1/products", json={})
    assert response.status_code == 405
    assert response.mimetype == PROBLEM_JSON
    assert response.json["status"] == 405
    assert "GET" in response.headers["Allow"]


def test_answers_are_the_same_in_either_language(client):
    client.set_cookie("lang", "en")
    assert client.get("/api/v1/products?page=0").status_code == 400
    assert client.get("/api/v1/products").status_code == 200
