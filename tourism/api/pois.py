"""Routes of /api/v1/pois: parse, call and shape (the item builders are in tourism.items.pois)."""

from django.conf import settings
from django.http import HttpRequest
from ninja import Query, Router

from cms.core.context import api_context
from cms.core.params import DetailParams, ListParams, MapParams, strict_query
from cms.core.problems import PROBLEM_RESPONSES

from ..items.common import get_detail
from ..items.pois import (
    PoiDetail,
    PoiFilters,
    PoiList,
    detail_queryset,
    poi_detail,
    select_poi_features,
    select_pois,
)
from ..models import POI, PointOfInterest
from ..renderers.geojson import feature_collection, geojson_response
from ..renderers.jsonld import detail_answer, jsonld_openapi

router = Router(tags=["Points of interest"])


@router.get(
    f"/{POI.collection}", response={200: PoiList, **PROBLEM_RESPONSES}, summary="List points of interest"
)
@strict_query(ListParams, PoiFilters)
def list_pois(request: HttpRequest, params: Query[ListParams], filters: Query[PoiFilters]):
    """Sights, museums, parks and services of the site, in the requested language.

    Consumers: the city website's map and lists, partner apps, kiosks' highlights.
    """
    ctx = api_context(request, params.locale, params.fallback)
    return select_pois(ctx, filters, params.limit, params.offset)


@router.get(
    f"/{POI.collection}.geojson",
    response={200: dict, **PROBLEM_RESPONSES},
    summary="Points of interest as GeoJSON",
    description=(
        "Every matching place with coordinates in one FeatureCollection, no paging. At most "
        f"{settings.ROLAND_GEOJSON_CAP} places (ROLAND_GEOJSON_CAP): more matches answer 400 "
        "(problem on `bbox`): narrow the area."
    ),
    openapi_extra={
        "responses": {
            200: {"description": "RFC 7946 FeatureCollection", "content": {"application/geo+json": {}}}
        }
    },
)
@strict_query(MapParams, PoiFilters)
def pois_geojson(request: HttpRequest, params: Query[MapParams], filters: Query[PoiFilters]):
    """The same filters as the list; one Point feature (lng, lat) per place with coordinates.

    Every matching place in one answer (no paging: a map shows all or misleads), at most
    GEOJSON_CAP; more matches are a 400 problem on `bbox`: narrow the area.
    """
    ctx = api_context(request, params.locale, params.fallback)
    return geojson_response(feature_collection(select_poi_features(ctx, filters)))


@router.get(
    f"/{POI.collection}/{{poi_id}}",
    response={200: PoiDetail, **PROBLEM_RESPONSES},
    summary="One point of interest",
    openapi_extra=jsonld_openapi("The place"),
)
@strict_query(DetailParams)
def get_poi(request: HttpRequest, poi_id: str, params: Query[DetailParams]):
    """A place with hours, accessibility, contact, prices, gallery and upcoming events.

    Consumers: the city website's detail page, partner apps; `?format=jsonld` for search engines.
    """
    ctx = api_context(request, params.locale)
    poi, ctx = get_detail(PointOfInterest.objects.all(), poi_id, ctx, detail_queryset)
    data = poi_detail(poi, ctx)
    return detail_answer(request, data)
