"""What the public and the portal's label views share: the size a request asks for, and a
label image as an answer that is revalidated on each use."""

from flask import Response, abort, current_app, request
from flask_babel import gettext as _

from shop.trace.labels import LabelSize
from shop.trace.runs import LabelImage


def requested_size() -> LabelSize:
    """The label size a request asks for (`?size=`, medium by default); 400 if there is none."""
    try:
        return LabelSize(request.args.get("size", LabelSize.MEDIUM.value))
    except ValueError:
        abort(400, _("There is no label size called “%(size)s”.", size=request.args["size"]))


def label_response(image: LabelImage, public: bool) -> Response:
    """A label image, kept by anyone if public, but revalidated on each use (a 304 by its
    ETag), so a recall stops it at once."""
    response = current_app.make_response((image.body, 200, {"Content-Type": image.mimetype}))
    response.cache_control.public = public
    response.cache_control.private = not public or None
    response.cache_control.no_cache = True
    response.add_etag()
    return response.make_conditional(request)
