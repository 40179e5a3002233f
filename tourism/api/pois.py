"""Points of interest: list with geo, opening-hours and accessibility filters; detail; GeoJSON."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Query, Router
from pydantic import Field

from cms.api.content import stream_data
from cms.api.context import ApiContext, api_context
from cms.api.i18n import with_fallback
from cms.api.params import DetailParams, ListParams, parse_bbox, parse_point, strict_query
from cms.api.problems import PROBLEM_RESPONSES, bad_param
from cms.api.schema import Schema
from cms.visibility import visible_pages
from media.schemas import ImageOut, image_data, image_prefetches

from ..models import EventOccurrence, PointOfInterest, PointOfInterestGalleryImage
from ..renderers.geojson import feature_collection, geojson_response
from ..renderers.jsonld import detail_answer, jsonld_openapi, poi_jsonld
from ..services.geo import bounding_box, distance_km
from ..services.opening_hours import (
    BERLIN,
    OpeningSchedule,
    hours_on,
    is_open_at,
    schedule_for,
    schedules_by_key,
)
from .common import (
    ITEM_BASE_FIELDS,
    LOCATION_FIELDS,
    CategoryOut,
    ItemBase,
    LocationOut,
    TranslationOut,
    categories_data,
    categories_prefetch,
    envelope,
    get_detail,
    item_base,
    location_data,
    paginate,
    translations_data,
)

router = Router(tags=["Points of interest"])
PATH = "pois"


class PoiFilters(Schema):
    category: list[str] = Field([], description="Category slug; repeat for any of several.")
    tag: str | None = Field(None, max_length=100)
    locality: str | None = Field(None, max_length=100)
    near: str | None = Field(None, description="LAT,LNG — with `radius`, and for `ordering=distance`.")
    radius: float = Field(5, gt=0, le=50, description="Kilometres around `near` (default 5, max 50).")
    bbox: str | None = Field(None, description="MIN_LNG,MIN_LAT,MAX_LNG,MAX_LAT")
    open_now: bool | None = Field(None, description="Only places open at this moment.")
    open_at: datetime | None = Field(None, description="Only places open at this ISO 8601 moment.")
    wheelchair: Literal["yes", "partial"] | None = None
    free: bool | None = Field(None, description="Only places with free admission.")
    ordering: Literal["title", "-title", "distance", "-last_published_at"] = "title"


class OpeningRangeOut(Schema):
    opens: datetime
    closes: datetime


class PoiItem(ItemBase):
    categories: list[CategoryOut]
    location: LocationOut
    distance_km: float | None
    open_now: bool | None
    opening_hours_today: list[OpeningRangeOut]
    image: ImageOut | None


class PoiList(Schema):
    count: int
    next: str | None
    previous: str | None
    items: list[PoiItem]


class WeeklyRuleOut(Schema):
    weekdays: list[int] = Field(description="0 = Monday … 6 = Sunday")
    opens: str
    closes: str
    valid_from: str | None = Field(description="MM-DD when repeating every year, else YYYY-MM-DD")
    valid_to: str | None


class HoursExceptionOut(Schema):
    date_from: str
    date_to: str
    closed: bool
    opens: str | None
    closes: str | None
    reason: str
    reason_label: str


class OpeningHoursOut(Schema):
    weekly: list[WeeklyRuleOut]
    exceptions: list[HoursExceptionOut]
    closed_on_public_holidays: bool
    note: str


class AccessibilityOut(Schema):
    wheelchair: str
    step_free_entrance: bool
    accessible_toilet: bool
    hearing_loop: bool
    guide_dogs: bool
    disabled_parking: bool
    certification: str
    notes: str


class ContactOut(Schema):
    phone: str
    email: str
    website: str


class PricesOut(Schema):
    free: bool
    text: str


class RelatedOut(Schema):
    id: int
    type: str
    title: str
    url: str
    api_url: str


class UpcomingOccurrenceOut(Schema):
    event_id: int
    title: str
    start: datetime
    end: datetime
    all_day: bool
    status: str
    api_url: str


class PoiDetail(PoiItem):
    body: list[dict]
    opening_hours: OpeningHoursOut
    accessibility: AccessibilityOut
    contact: ContactOut
    prices: PricesOut
    gallery: list[ImageOut]
    related: list[RelatedOut]
    upcoming_events: list[UpcomingOccurrenceOut]
    translations: list[TranslationOut]
    jsonld: dict


def visible_queryset(ctx: ApiContext):
    return with_fallback(visible_pages(PointOfInterest.objects.all(), ctx.site), ctx.choice)


def list_queryset(ctx: ApiContext):
    return with_item_prefetches(visible_queryset(ctx), ctx)


# The columns `poi_item` reads: a place has ~70, and building 20 full page objects cost more than
# the queries that load them.
ITEM_FIELDS = (*ITEM_BASE_FIELDS, *LOCATION_FIELDS, "image", "closed_on_public_holidays")


def with_item_prefetches(queryset, ctx: ApiContext, hours: bool = True):
    """What `poi_item` reads, in a fixed number of queries (`hours=False`: schedules come along)."""
    hours_rows = ("opening_hours", "opening_hours_exceptions") if hours else ()
    return (
        queryset.only(*ITEM_FIELDS)
        .select_related("image")
        .prefetch_related(categories_prefetch(ctx), *image_prefetches("image"), *hours_rows)
    )


def _db_filters(queryset, filters: PoiFilters):
    if filters.category:
        queryset = queryset.filter(categories__slug__in=filters.category).distinct()
    if filters.tag:
        queryset = queryset.filter(tags__slug=filters.tag)
    if filters.locality:
        queryset = queryset.filter(locality__iexact=filters.locality)
    if filters.wheelchair == "yes":
        queryset = queryset.filter(wheelchair="yes")
    elif filters.wheelchair == "partial":
        queryset = queryset.filter(wheelchair__in=["yes", "partial"])
    if filters.free is not None:
        queryset = queryset.filter(is_free=filters.free)
    box = parse_bbox("bbox", filters.bbox)
    if box:
        min_lng, min_lat, max_lng, max_lat = box
        queryset = queryset.filter(
            latitude__gte=min_lat, latitude__lte=max_lat, longitude__gte=min_lng, longitude__lte=max_lng
        )
    return queryset


def _open_moment(filters: PoiFilters, ctx: ApiContext) -> datetime | None:
    if filters.open_at is not None:
        moment = filters.open_at if filters.open_at.tzinfo else filters.open_at.replace(tzinfo=BERLIN)
        if filters.open_now:
            raise bad_param("open_at", "use either open_now or open_at")
        return moment
    return ctx.now if filters.open_now else None


def poi_item(
    poi: PointOfInterest,
    ctx: ApiContext,
    near: tuple[float, float] | None = None,
    schedule: OpeningSchedule | None = None,
) -> dict:
    """A list item; `schedule` when the caller already has the place's (else read from its rows)."""
    schedule = schedule if schedule is not None else schedule_for(poi)
    has_hours = bool(schedule.rules or schedule.exceptions)
    today = hours_on(schedule, ctx.now.astimezone(BERLIN).date()) if has_hours else None
    distance = None
    if near and poi.latitude is not None:
        distance = round(distance_km(near[0], near[1], float(poi.latitude), float(poi.longitude)), 3)
    return {
        **item_base(poi, ctx, "poi", PATH),
        "categories": categories_data(poi),
        "location": location_data(poi),
        "distance_km": distance,
        "open_now": is_open_at(schedule, ctx.now) if has_hours else None,
        "opening_hours_today": [{"opens": r.opens, "closes": r.closes} for r in today.ranges]
        if today
        else [],
        "image": image_data(poi.image, ctx),
    }


@dataclass
class Candidate:
    """What narrowing a POI list needs of a place, without building the page object."""

    pk: int
    latitude: Decimal | None
    longitude: Decimal | None
    closed_on_public_holidays: bool
    hours_key: str  # the schedule's fingerprint; "" when never computed
    sort_value: object = None  # title or last_published_at, for those orderings
    distance: float = 0.0


# Schedules read through a subquery of the candidates (not as ids in the SQL text) above this many.
MANY_SCHEDULES = 200


def select_pois(ctx: ApiContext, filters: PoiFilters, limit: int, offset: int) -> dict:
    """The page of POIs; with geo or time filters the candidates are narrowed in Python.

    Narrowing works on light rows (coordinates, the schedule's key and the column the ordering
    needs); each distinct opening schedule is evaluated once, and only the page that is answered is
    loaded with categories and images. Loading every candidate in full made `near` take seconds
    with thousands of places, reading every candidate's hours rows another ~40 ms.
    """
    near = parse_point("near", filters.near)
    if filters.ordering == "distance" and not near:
        raise bad_param("ordering", "ordering=distance needs near=LAT,LNG")
    moment = _open_moment(filters, ctx)
    ordering = {
        "title": ("title", "pk"),
        "-title": ("-title", "-pk"),
        "-last_published_at": ("-last_published_at", "pk"),
    }
    if not near and moment is None:
        queryset = _db_filters(list_queryset(ctx), filters)
        queryset = queryset.order_by(*ordering.get(filters.ordering, ("title", "pk")))
        return paginate(ctx, queryset, limit, offset, lambda poi: poi_item(poi, ctx))

    queryset = _db_filters(visible_queryset(ctx), filters)
    if near:
        min_lat, min_lng, max_lat, max_lng = bounding_box(near[0], near[1], filters.radius)
        queryset = queryset.filter(
            latitude__gte=min_lat, latitude__lte=max_lat, longitude__gte=min_lng, longitude__lte=max_lng
        )
    sort_field = {"title": "title", "-title": "title", "-last_published_at": "last_published_at"}.get(
        filters.ordering
    )
    columns = ["pk", "latitude", "longitude", "closed_on_public_holidays", "opening_hours_key"]
    candidates = [
        Candidate(*row)
        for row in queryset.order_by().values_list(*columns, *([sort_field] if sort_field else []))
    ]
    if near:
        for poi in candidates:
            poi.distance = distance_km(near[0], near[1], float(poi.latitude), float(poi.longitude))
        candidates = [poi for poi in candidates if poi.distance <= filters.radius]
    schedules: dict[int, OpeningSchedule] = {}
    if moment is not None:
        # A place without a stored key (rows written around a page save) is evaluated on its own.
        keys = {poi.pk: poi.hours_key or f"page-{poi.pk}" for poi in candidates}
        places = {keys[poi.pk]: (poi.pk, poi.closed_on_public_holidays) for poi in candidates}
        subquery = queryset.values("pk") if len(places) > MANY_SCHEDULES else None
        by_key = schedules_by_key(places, pages=subquery)
        open_keys = {key for key, schedule in by_key.items() if is_open_at(schedule, moment)}
        candidates = [poi for poi in candidates if keys[poi.pk] in open_keys]
        schedules = {poi.pk: by_key[keys[poi.pk]] for poi in candidates}
    if filters.ordering == "distance" and near:
        candidates.sort(key=lambda poi: (poi.distance, poi.pk))
    elif filters.ordering == "-last_published_at":
        candidates.sort(key=lambda poi: (-(poi.sort_value.timestamp() if poi.sort_value else 0), poi.pk))
    else:
        candidates.sort(
            key=lambda poi: (poi.sort_value.casefold(), poi.pk), reverse=filters.ordering == "-title"
        )
    page_ids = [poi.pk for poi in candidates[offset : offset + limit]]
    # The ids passed the filters a moment ago: loaded by key, not through the filters again; the
    # schedules read for the open filter serve the items too (same key, same hours).
    loaded = with_item_prefetches(PointOfInterest.objects.all(), ctx, hours=not schedules).in_bulk(page_ids)
    page = [loaded[pk] for pk in page_ids if pk in loaded]
    items = [poi_item(poi, ctx, near, schedules.get(poi.pk)) for poi in page]
    return envelope(ctx, len(candidates), limit, offset, items)


@router.get("/pois", response={200: PoiList, **PROBLEM_RESPONSES}, summary="List points of interest")
@strict_query(ListParams, PoiFilters)
def list_pois(request: HttpRequest, params: Query[ListParams], filters: Query[PoiFilters]):
    """Sights, museums, parks and services of the site, in the requested language.

    Consumers: the city website's map and lists, partner apps, kiosks' highlights.
    """
    ctx = api_context(request, params.locale, params.fallback)
    return select_pois(ctx, filters, params.limit, params.offset)


@router.get(
    "/pois.geojson",
    response={200: dict, **PROBLEM_RESPONSES},
    summary="Points of interest as GeoJSON",
    openapi_extra={
        "responses": {
            200: {"description": "RFC 7946 FeatureCollection", "content": {"application/geo+json": {}}}
        }
    },
)
@strict_query(ListParams, PoiFilters)
def pois_geojson(request: HttpRequest, params: Query[ListParams], filters: Query[PoiFilters]):
    """The same filters as the list; one Point feature (lng, lat) per place with coordinates."""
    ctx = api_context(request, params.locale, params.fallback)
    page = select_pois(ctx, filters, params.limit, params.offset)
    return geojson_response(feature_collection(page))


def opening_hours_data(poi: PointOfInterest) -> dict:
    from ..models.opening_hours import ExceptionReason

    def season(day, every_year):
        if day is None:
            return None
        return day.strftime("%m-%d") if every_year else day.isoformat()

    return {
        "weekly": [
            {
                "weekdays": rule.weekdays,
                "opens": rule.opens.strftime("%H:%M"),
                "closes": rule.closes.strftime("%H:%M"),
                "valid_from": season(rule.valid_from, rule.every_year),
                "valid_to": season(rule.valid_to, rule.every_year),
            }
            for rule in poi.opening_hours.all()
        ],
        "exceptions": [
            {
                "date_from": exc.date_from.isoformat(),
                "date_to": (exc.date_to or exc.date_from).isoformat(),
                "closed": exc.closed,
                "opens": exc.opens.strftime("%H:%M") if exc.opens else None,
                "closes": exc.closes.strftime("%H:%M") if exc.closes else None,
                "reason": exc.reason,
                "reason_label": str(ExceptionReason(exc.reason).label),
            }
            for exc in poi.opening_hours_exceptions.all()
        ],
        "closed_on_public_holidays": poi.closed_on_public_holidays,
        "note": poi.opening_hours_note,
    }


def related_data(links, ctx: ApiContext) -> list[dict]:
    """Linked pages in the reader's language where translated; hidden ones are left out (one query)."""
    from wagtail.models import Page

    targets = [link.target for link in links]
    if not targets:
        return []
    keys = {target.translation_key for target in targets}
    candidates = visible_pages(Page.objects.filter(translation_key__in=keys), ctx.site).filter(
        locale_id__in={ctx.locale.pk, ctx.choice.default.pk}
    )
    best: dict = {}
    for page in candidates.specific():
        current = best.get(page.translation_key)
        if current is None or page.locale_id == ctx.locale.pk:
            best[page.translation_key] = page
    kinds = {"pointofinterest": "poi", "event": "event", "newsarticle": "news"}
    paths = {"poi": "pois", "event": "events", "news": "news", "page": "pages"}
    result = []
    for target in targets:
        page = best.get(target.translation_key)
        if page is None:
            continue
        kind = kinds.get(page._meta.model_name, "page")
        result.append(
            {
                "id": page.pk,
                "type": kind,
                "title": page.title,
                "url": ctx.public_url(page),
                "api_url": ctx.api_url(f"{paths[kind]}/{page.pk}"),
            }
        )
    return result


def upcoming_at_venue(poi: PointOfInterest, ctx: ApiContext, limit: int = 10) -> list[dict]:
    from ..models import Event

    venue_ids = PointOfInterest.objects.filter(translation_key=poi.translation_key).values("pk")
    events = with_fallback(visible_pages(Event.objects.filter(venue_id__in=venue_ids), ctx.site), ctx.choice)
    occurrences = (
        EventOccurrence.objects.filter(event__in=events, end__gt=ctx.now)
        .select_related("event")
        .order_by("start")[:limit]
    )
    return [
        {
            "event_id": occ.event_id,
            "title": occ.event.title,
            "start": occ.start.astimezone(BERLIN),
            "end": occ.end.astimezone(BERLIN),
            "all_day": occ.all_day,
            "status": occ.event.status,
            "api_url": ctx.api_url(f"events/{occ.event_id}"),
        }
        for occ in occurrences
    ]


def detail_queryset(queryset, ctx: ApiContext):
    return queryset.select_related("image").prefetch_related(
        categories_prefetch(ctx),
        *image_prefetches("image"),
        "opening_hours",
        "opening_hours_exceptions",
        Prefetch(
            "gallery_images",
            queryset=PointOfInterestGalleryImage.objects.select_related("image").prefetch_related(
                *image_prefetches("image")
            ),
        ),
        Prefetch("related_links__target"),
    )


def poi_detail(poi: PointOfInterest, ctx: ApiContext) -> dict:
    data = poi_item(poi, ctx)
    data.update(
        {
            "body": stream_data(poi.body, ctx),
            "opening_hours": opening_hours_data(poi),
            "accessibility": {
                "wheelchair": poi.wheelchair,
                "step_free_entrance": poi.step_free_entrance,
                "accessible_toilet": poi.accessible_toilet,
                "hearing_loop": poi.hearing_loop,
                "guide_dogs": poi.guide_dogs,
                "disabled_parking": poi.disabled_parking,
                "certification": poi.accessibility_certification,
                "notes": poi.accessibility_notes,
            },
            "contact": {"phone": poi.phone, "email": poi.email, "website": poi.website},
            "prices": {"free": poi.is_free, "text": poi.price_text},
            "gallery": [
                image
                for image in (image_data(item.image, ctx) for item in poi.gallery_images.all())
                if image is not None
            ],
            "related": related_data(poi.related_links.all(), ctx),
            "upcoming_events": upcoming_at_venue(poi, ctx),
            "translations": translations_data(poi, ctx, PATH),
        }
    )
    schema_types = sorted(
        {c.schema_type for c in poi.categories.all() if c.schema_type} - {"TouristAttraction"}
    )
    data["jsonld"] = poi_jsonld(data, ctx, schema_types)
    return data


@router.get(
    "/pois/{poi_id}",
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
    poi, ctx = get_detail(PointOfInterest.objects.all(), poi_id, ctx, params.locale, detail_queryset)
    data = poi_detail(poi, ctx)
    return detail_answer(request, data)
