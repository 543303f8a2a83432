"""Serves stored media (product photos) from outside static/, cacheable by browsers."""

from flask import Blueprint, current_app, send_from_directory

from shop.uploads import STORED_NAME

bp = Blueprint("media", __name__)

YEAR = 60 * 60 * 24 * 365
# Demo images reuse their names when the demo is seeded again: a day is safe for them.
DAY = 60 * 60 * 24


@bp.get("/media/<path:path>")
def media(path: str):
    """A stored file: a year for uploads named by their content's hash, else a day."""
    max_age = YEAR if STORED_NAME.fullmatch(path) else DAY
    return send_from_directory(current_app.config["MEDIA_ROOT"], path, max_age=max_age)
