"""`/favicon.ico`, which browsers ask for on every site's first visit, whatever the page says."""

import mimetypes

from flask import Blueprint, current_app, send_from_directory

bp = Blueprint("favicon", __name__)

# The icon's name never changes with its content: cached for a day, then revalidated.
MAX_AGE = 60 * 60 * 24
# Not every system's MIME table knows the web manifest (served from static/).
mimetypes.add_type("application/manifest+json", ".webmanifest")


@bp.get("/favicon.ico")
def favicon():
    """The shop's icon (static/img/favicon.ico), served in place rather than redirected."""
    return send_from_directory(current_app.static_folder, "img/favicon.ico", max_age=MAX_AGE,
                               mimetype="image/vnd.microsoft.icon")
