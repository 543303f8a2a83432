"""`/healthz`: what a load balancer asks before sending traffic to this app server."""

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from shop.extensions import db

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """200 when the database answers, 503 otherwise; never cached."""
    try:
        db.session.execute(text("SELECT 1"))
        body, status = {"status": "ok", "database": "ok"}, 200
    except SQLAlchemyError:
        current_app.logger.exception("Health check: the database did not answer")
        body, status = {"status": "unavailable", "database": "unreachable"}, 503
    response = jsonify(body)
    response.status_code = status
    response.cache_control.no_store = True
    return response
