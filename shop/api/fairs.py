"""Trade fairs: where OCOP producers show their products, booth by booth."""

from flask_babel import gettext as _
from flask_openapi3 import Tag

from shop.api.fair_schemas import Booth, FairDetail, FairList, FairPath, FairSummary
from shop.api.http import api_blueprint, error_responses
from shop.api.problems import PROBLEM_JSON
from shop.api.schemas import ProducerRef
from shop.api.serializers import product_summary, province_ref
from shop.core import clock
from shop.core.errors import NotFound
from shop.core.urls import absolute_url
from shop.fairs import queries
from shop.fairs.models import Fair

bp = api_blueprint("api_fairs", __name__, Tag(
    name="Fairs", description="Trade fairs and exhibitions with OCOP booths and products."))
NOT_FOUND = {"404": {"description": "No published or closed fair has this slug.", "content": {
    PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}}


def _fields(fair: Fair) -> dict:
    return {"slug": fair.slug, "name": fair.name_vi, "name_vi": fair.name_vi,
            "name_en": fair.name_en, "starts_on": fair.starts_on, "ends_on": fair.ends_on,
            "venue": fair.venue, "province": province_ref(fair.province),
            "organiser": fair.organiser, "status": fair.status.value,
            "url": absolute_url("fairs.fair", slug=fair.slug),
            "catalog_pdf_url": absolute_url("fairs.catalog_pdf", slug=fair.slug)}


@bp.get("/fairs", operation_id="listFairs", responses={200: FairList, **error_responses()})
def list_fairs():
    """Published fairs not yet over, then past and closed ones; drafts never."""
    coming, past = queries.public_fairs()
    return FairList(items=[FairSummary(**_fields(f)) for f in coming + past]).model_dump(
        mode="json")


@bp.get("/fairs/<slug>", operation_id="getFair",
        responses={200: FairDetail, **error_responses(), **NOT_FOUND})
def get_fair(path: FairPath):
    """A fair with its booths and the products for sale today at each."""
    fair = queries.public_fair(path.slug)
    if fair is None:
        raise NotFound(_("No fair has this address."))
    today = clock.today()
    booths = [Booth(code=entry.booth.code, producer=ProducerRef(
                  slug=entry.booth.producer.slug, name=entry.booth.producer.name,
                  province=province_ref(entry.booth.producer.province)),
                  products=[product_summary(p, today) for p in entry.products])
              for entry in queries.by_booth(fair.id, queries.shown_products(fair.id, today=today))]
    return FairDetail(**_fields(fair), description=fair.description,
                      booths=booths).model_dump(mode="json")
