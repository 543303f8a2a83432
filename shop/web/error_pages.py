"""Errors become a page for people and problem details for the API; never a traceback."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import Flask, Response, current_app, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError, RequestEntityTooLarge

from shop.core.errors import ShopError

ProblemRenderer = Callable[[int, str, str | None], Response]


@dataclass(frozen=True)
class _MachineErrors:
    """How machines are answered: the paths and media types that get problem details."""

    render: ProblemRenderer
    path_prefix: str
    media_types: tuple[str, ...]


def _machine_errors() -> _MachineErrors:
    return current_app.extensions["error_pages"]


def _wants_problem() -> bool:
    """Machine paths, and clients preferring a machine format (the resolver's callers)."""
    machine = _machine_errors()
    if request.path.startswith(machine.path_prefix):
        return True
    best = request.accept_mimetypes.best_match(["text/html", *machine.media_types])
    return best not in (None, "text/html")


def _respond(status: int, detail: str, title: str | None = None):
    if _wants_problem():
        return _machine_errors().render(status, detail, title)
    return render_template("errors/error.html", status=status, detail=detail), status


def init_app(app: Flask, render_problem: ProblemRenderer, *, path_prefix: str,
             media_types: Iterable[str]) -> None:
    """Register the handlers; machines (`path_prefix`, `media_types`) get `render_problem`."""
    app.extensions["error_pages"] = _MachineErrors(render_problem, path_prefix,
                                                   tuple(media_types))

    @app.errorhandler(ShopError)
    def shop_error(error: ShopError):
        return _respond(error.status, error.message)

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(error: RequestEntityTooLarge):
        megabytes = app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
        return _respond(413, _("What you sent is larger than %(size)d MB, the most we accept.",
                               size=megabytes), error.name)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code and error.code < 400:
            return error
        # Werkzeug's stock descriptions are English; a page shows only a message we wrote.
        custom = error.description != type(error).description
        detail = error.description if custom or _wants_problem() else ""
        response = _respond(error.code or 500, detail or "", error.name)
        if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            response = app.make_response(response)
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unhandled error on %s", request.path)
        return _respond(500, InternalServerError.description)
