"""Serves stored media (product photos) from outside static/, cacheable by browsers."""

from flask import Blueprint, current_app, send_from_directory

bp = Blueprint("media", __name__)


@bp.get("/media/<path:path>")
def media(path: str):
    """A stored file, cacheable for a day (names are reused when the demo is re-seeded)."""
    return send_from_directory(current_app.config["MEDIA_ROOT"], path, max_age=86400)
