"""Serves stored media (product photos) from outside static/, with long cache lifetimes."""

from flask import Blueprint, current_app, send_from_directory

bp = Blueprint("media", __name__)


@bp.get("/media/<path:path>")
def media(path: str):
    """A stored file; names are content-addressed, so clients may cache them for a year."""
    return send_from_directory(current_app.config["MEDIA_ROOT"], path, max_age=31536000)
