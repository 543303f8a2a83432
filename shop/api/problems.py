"""RFC 9457 problem details: how the API says what went wrong."""

from flask import Response, jsonify
from werkzeug.http import HTTP_STATUS_CODES

PROBLEM_JSON = "application/problem+json"


def problem(status: int, detail: str, title: str | None = None, **extra) -> Response:
    """A problem-details response with `status` and a readable `detail`."""
    body = {
        "type": "about:blank",
        "title": title or HTTP_STATUS_CODES.get(status, "Error"),
        "status": status,
        "detail": detail,
        **extra,
    }
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_JSON
    return response
