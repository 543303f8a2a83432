"""The officer's certificate registry (placeholder until the registry work lands)."""

from flask import Blueprint, abort

from shop.accounts.access import role_required
from shop.accounts.models import Role

bp = Blueprint("ocop", __name__, url_prefix="/registry")


@bp.get("/")
@role_required(Role.OFFICER)
def registry():
    """Certificates by status."""
    abort(501)
