"""Reference lists for building filters: groups, provinces and producers."""

from flask_openapi3 import Tag

from shop.api import serializers
from shop.api import services as api_services
from shop.api.http import api_blueprint, error_responses
from shop.api.schemas import (
    Group,
    GroupList,
    PageParams,
    ProducerPage,
    Province,
    ProvinceList,
)
from shop.catalog import services

bp = api_blueprint("api_reference", __name__, Tag(
    name="Reference", description="Groups, provinces and producers, with listed-product counts."))


@bp.get("/groups", operation_id="listGroups", responses={200: GroupList})
def list_groups():
    """The six OCOP product groups with their sub-groups and listed-product counts."""
    subgroups = api_services.subgroups_by_group()
    items = [
        Group(code=c.group.code, slug=c.group.slug, name_vi=c.group.name_vi,
              name_en=c.group.name_en, product_count=c.count,
              subgroups=[serializers.group_ref(s) for s in subgroups.get(c.group.id, [])])
        for c in services.group_counts()
    ]
    return GroupList(items=items).model_dump(mode="json")


@bp.get("/provinces", operation_id="listProvinces", responses={200: ProvinceList})
def list_provinces():
    """Provinces that have listed products, with their counts."""
    items = [Province(code=c.province.code, slug=c.province.slug, name=c.province.name,
                      product_count=c.count) for c in services.province_counts()]
    return ProvinceList(items=items).model_dump(mode="json")


@bp.get("/producers", operation_id="listProducers",
        responses={200: ProducerPage, **error_responses()})
def list_producers(query: PageParams):
    """Producers with at least one listed product, by name, one page at a time."""
    page = api_services.listed_producers(query.page, query.per_page)
    return ProducerPage(
        items=[serializers.producer(p) for p in page.items],
        page=page.page, per_page=page.per_page, pages=page.pages, total=page.total,
    ).model_dump(mode="json")
