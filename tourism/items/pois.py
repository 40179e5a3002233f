"""Points of interest as the API shows them: the list with geo, opening-hours and accessibility
filters, the detail and its schemas; the routes are in tourism.api.pois, search and kiosks reuse these."""

from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Literal

from django.conf import settings
from django.db.models import Case, F, Min, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from pydantic import Field
from wagtail.models import Page

from cms.core import registry, versions
from cms.core.compiled import CompiledQuery, Keyed
from cms.core.context import ApiContext, rule_key, visible, visible_to
from cms.core.lookups import JSONList
from cms.core.pagination import CompiledPage, envelope, page_of
from cms.core.params import parse_bbox, parse_point, within_years
from cms.core.problems import bad_param
from cms.core.schema import Schema
from cms.core.timezone import LOCAL_TZ
from cms.core.visibility import rule_shape, visible_pages
from media.bodies import learn_streams, stream_data
from media.schemas import ImageOut, item_image, preload_images

from ..models import Event, EventOccurrence, PointOfInterest, PointOfInterestRelatedPage
from ..models.opening_hours import ExceptionReason
from ..models.pois import PointOfInterestTag
from ..renderers.jsonld import poi_jsonld
from ..services.geo import bounding_box, distance_expression_of, distance_km, distance_terms
from ..services.opening_hours import (
    OpeningSchedule,
    has_hours,
    hours_on,
    is_open_at,
    schedule_for,
    schedules_by_key,
    schedules_by_page,
)
from .common import (
    ITEM_BASE_FIELDS,
    LOCATION_FIELDS,
    CategoryOut,
    ItemBase,
    LocationOut,
    TranslationOut,
    categories_data,
    item_base,
    item_categories,
    location_data,
    translations_of,
    with_category_ids,
)


class PoiFilters(Schema):
    category: list[str] = Field([], description="Category slug; repeat for any of several.")
    tag: str | None = Field(None, max_length=100, description="Tag name or slug, any case.")
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
    tags: list[str] = Field(description="The place's tags as editors wrote them, sorted.")
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
    return visible(ctx, PointOfInterest)


# The columns `poi_item` reads: a place has ~70, and building 20 full page objects cost more than
# the queries that load them.
ITEM_FIELDS = (*ITEM_BASE_FIELDS, *LOCATION_FIELDS, "image", "closed_on_public_holidays", "opening_hours_key")


def with_tag_names(queryset):
    """Each place's tag names in its own row (`tag_names`, None without tags): a subquery, not a
    prefetch query of its own."""
    names = (
        PointOfInterestTag.objects.filter(content_object_id=OuterRef("pk"))
        .order_by()
        .values("content_object_id")
        .annotate(names=JSONList("tag__name"))
        .values("names")
    )
    return queryset.annotate(tag_names=Subquery(names))


def tag_names(poi: PointOfInterest) -> list[str]:
    """The place's tags as editors wrote them, sorted (a draft's from its own rows)."""
    names = (poi.tag_names or []) if hasattr(poi, "tag_names") else [tag.name for tag in poi.tags.all()]
    return sorted(names, key=str.casefold)


def with_item_prefetches(queryset, ctx: ApiContext, hours: bool = True):
    """What `poi_item` reads, in a fixed number of queries (`hours=False`: schedules come along;
    images: `preload_images`)."""
    return with_row_lists(_item_columns(queryset, hours))


def with_row_lists(queryset):
    """Each place's tag names and category ids in its own row (`with_tag_names`, `with_category_ids`)."""
    return with_category_ids(with_tag_names(queryset))


def _item_columns(queryset, hours: bool):
    """`with_item_prefetches` but the row lists: a page of a list adds them to the query that
    loads its places by id (`page_of`'s `load`), not to the query through every filter."""
    hours_rows = ("opening_hours", "opening_hours_exceptions") if hours else ()
    return queryset.only(*ITEM_FIELDS).prefetch_related(*hours_rows)


def _db_filters(queryset, categories, tag: str, locality: str, wheelchair: str | None, free: bool | None):
    if categories:
        # A subquery, not a join: a join repeats a place per matching category (DISTINCT would be
        # needed, and the page's total could not be counted alongside the page).
        in_categories = PointOfInterest.categories.through.objects.filter(category__slug__in=categories)
        queryset = queryset.filter(pk__in=in_categories.values("pointofinterest_id"))
    if tag:
        # A subquery, as for categories; name or slug in any case ("Fahrrad", "fahrrad").
        tagged = PointOfInterestTag.objects.filter(Q(tag__name__iexact=tag) | Q(tag__slug__iexact=tag))
        queryset = queryset.filter(pk__in=tagged.values("content_object_id"))
    if locality:
        queryset = queryset.filter(locality__iexact=locality)
    if wheelchair == "yes":
        queryset = queryset.filter(wheelchair="yes")
    elif wheelchair == "partial":
        queryset = queryset.filter(wheelchair__in=["yes", "partial"])
    if free is not None:
        queryset = queryset.filter(is_free=free)
    return queryset


def _boxes(filters: PoiFilters, near: tuple[float, float] | None) -> list[tuple]:
    """The boxes of `bbox` and of `near` + `radius` (MIN_LNG, MIN_LAT, MAX_LNG, MAX_LAT)."""
    boxes = [parse_bbox("bbox", filters.bbox)]
    if near:
        min_lat, min_lng, max_lat, max_lng = bounding_box(near[0], near[1], filters.radius)
        boxes.append((min_lng, min_lat, max_lng, max_lat))
    return [box for box in boxes if box]


def _area(boxes) -> Q:
    """The boxes as conditions on the place's own row, which the coordinates index answers."""
    area = Q()
    for min_lng, min_lat, max_lng, max_lat in boxes:
        area &= Q(
            latitude__gte=min_lat, latitude__lte=max_lat, longitude__gte=min_lng, longitude__lte=max_lng
        )
    return area


def _open_moment(filters: PoiFilters, ctx: ApiContext) -> datetime | None:
    if filters.open_at is not None:
        moment = within_years("open_at", filters.open_at)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TZ)
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
    known = has_hours(schedule)
    today = hours_on(schedule, ctx.now.astimezone(LOCAL_TZ).date()) if known else None
    distance = None
    if near and poi.latitude is not None:
        distance = round(distance_km(near[0], near[1], float(poi.latitude), float(poi.longitude)), 3)
    return {
        **item_base(poi, ctx),
        "categories": categories_data(poi, ctx),
        "tags": tag_names(poi),
        "location": location_data(poi),
        "distance_km": distance,
        "open_now": is_open_at(schedule, ctx.now) if known else None,
        "opening_hours_today": [{"opens": r.opens, "closes": r.closes} for r in today.ranges]
        if today
        else [],
        "image": item_image(poi, ctx),
    }


# Schedules read through a subquery (not as ids in the SQL text) above this many.
MANY_SCHEDULES = 200


@dataclass(frozen=True)
class OpenSchedules:
    """The schedules evaluated for an open filter, by group: (stored key, 0), or ("", page id) for
    a place whose key was never computed, which is evaluated on its own."""

    by_group: dict[tuple[str, int], OpeningSchedule]
    open_keys: list[str]  # the stored keys of the schedules open at the moment
    open_pages: list[int]  # the places without a key that are open at the moment

    @property
    def condition(self) -> Q:
        """The places whose schedule is open at the moment."""
        return open_condition(self.open_keys, self.open_pages)

    def of(self, poi: PointOfInterest) -> OpeningSchedule | None:
        key = poi.opening_hours_key
        return self.by_group.get((key, 0 if key else poi.pk))


def _schedule_groups(places):
    """(stored key, own, closed on public holidays, a place) per schedule among `places`; `own` is
    the page id of a place whose key was never computed (0 otherwise)."""
    return (
        places.order_by()
        .annotate(own=Case(When(opening_hours_key="", then=F("pk")), default=Value(0)))
        .values("opening_hours_key", "own", "closed_on_public_holidays")
        .annotate(place=Min("pk"))
    )


def every_schedule_group() -> list[tuple[str, int, bool, int]]:
    """`_schedule_groups` of every place, read once per version of the content in each process: a
    place's key changes only when it is saved, and its publish raises that version."""
    return versions.remembered(
        "poi-schedule-groups",
        versions.current(versions.CONTENT),
        lambda: _group_rows(PointOfInterest.objects.all()),
        shared=False,
    )


def _group_rows(places) -> list[tuple[str, int, bool, int]]:
    return list(
        _schedule_groups(places).values_list("opening_hours_key", "own", "closed_on_public_holidays", "place")
    )


def open_schedules(places, moment: datetime) -> OpenSchedules:
    """Which places are open at `moment`, as a condition for the list's query.

    `places` may be any superset of the candidates. Each distinct schedule is evaluated once (37 in
    the scale data), read from one place that has it when this process meets its key for the first
    time; the keys are those of every place (`every_schedule_group`, no query per list), unless
    some place's key was never computed: then the groups of `places` alone (a query on the place
    table, no visibility join), as those places are evaluated one by one. Reading every
    candidate's hours rows, or every candidate at all, into Python cost more than the rest of the
    list, and grouping the area's places per list was its costliest query.
    """
    rows, source = every_schedule_group(), PointOfInterest.objects.all()
    if any(own for _key, own, _closed, _place in rows):
        rows, source = _group_rows(places), places
    pages = _schedule_groups(source).values("place") if len(rows) > MANY_SCHEDULES else None
    keyed = {key: (place, closed) for key, own, closed, place in rows if not own}
    by_group = {(key, 0): schedule for key, schedule in schedules_by_key(keyed, pages=pages).items()}
    unkeyed = {own: closed for _key, own, closed, _place in rows if own}
    if unkeyed:
        by_group.update(
            {("", pk): schedule for pk, schedule in schedules_by_page(unkeyed, pages=pages).items()}
        )
    open_groups = [group for group, schedule in by_group.items() if is_open_at(schedule, moment)]
    keys = [key for key, own in open_groups if not own]
    return OpenSchedules(by_group, keys, [own for _key, own in open_groups if own])


def open_condition(keys, pages) -> Q:
    return Q(opening_hours_key__in=keys) | Q(pk__in=pages)


ORDERINGS = {
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
    "-last_published_at": (F("last_published_at").desc(nulls_last=True), "pk"),
    "distance": ("distance", "pk"),
}


def _matching(ctx: ApiContext, filters: PoiFilters):
    """The shape and values of the query of the places matching every filter (`_places`), the point
    of `near` and the schedules of an open filter (which serve the items too: same key, same hours)."""
    near = parse_point("near", filters.near)
    if filters.ordering == "distance" and not near:
        raise bad_param("ordering", "ordering=distance needs near=LAT,LNG")
    moment = _open_moment(filters, ctx)
    boxes = _boxes(filters, near)
    schedules = None
    if moment is not None:
        schedules = open_schedules(PointOfInterest.objects.filter(_area(boxes)), moment)
    shape = rule_key(
        ctx,
        bool(filters.category),
        bool(filters.tag),
        bool(filters.locality),
        filters.wheelchair,
        filters.free,
        len(boxes),
        near is not None,
        schedules is not None,
        filters.ordering,
    )
    values = {"now": timezone.now(), "locales": [locale.pk for locale in ctx.choice.answering]}
    if filters.category:
        values["categories"] = list(filters.category)
    if filters.tag:
        values["tag"] = filters.tag
    if filters.locality:
        values["locality"] = filters.locality
    if boxes:
        # As the coordinate columns turn the corners into decimals: the same parameters either way.
        lat, lng = (PointOfInterest._meta.get_field(name).to_python for name in ("latitude", "longitude"))
        values["boxes"] = [
            convert(corner)
            for box in boxes
            for convert, corner in zip((lng, lat, lng, lat), box, strict=True)
        ]
    if near:
        values["distance"] = list(distance_terms(*near))
        values["radius"] = float(filters.radius)  # the default is the int 5; the column compares floats
    if schedules is not None:
        values["open_keys"], values["open_pages"] = schedules.open_keys, schedules.open_pages
    return shape, values, near, schedules


def _places(
    shape: tuple,
    *,
    now: datetime,
    locales,
    categories=(),
    tag: str = "",
    locality: str = "",
    boxes=(),
    distance=(),
    radius: float = 0.0,
    open_keys=(),
    open_pages=(),
):
    """The places matching every filter, ordered, with the columns their items read (their tag
    names: `with_row_lists`, on loading); a definition `CompiledPage` compiles per shape."""
    site, _rule, _category, _tag, _locality, wheelchair, free, box_count, has_near, is_open, ordering = shape
    queryset = visible_to(PointOfInterest, site, now, locales)
    queryset = _db_filters(queryset, categories, tag, locality, wheelchair, free)
    queryset = queryset.filter(_area(boxes[index : index + 4] for index in range(0, 4 * box_count, 4)))
    if is_open:
        queryset = queryset.filter(open_condition(open_keys, open_pages))
    if has_near:
        queryset = queryset.alias(distance=distance_expression_of(*distance)).filter(distance__lte=radius)
    queryset = queryset.order_by(*ORDERINGS[ordering])
    return _item_columns(queryset, hours=not is_open)


_PLACES_PAGE = CompiledPage(_places, load=with_row_lists)


def _items(ctx: ApiContext, page: list, near, schedules: OpenSchedules | None) -> list[dict]:
    preload_images(ctx, [poi.image_id for poi in page])
    return [poi_item(poi, ctx, near, schedules.of(poi) if schedules else None) for poi in page]


def select_pois(ctx: ApiContext, filters: PoiFilters, limit: int, offset: int) -> dict:
    """The page of POIs: every filter, the distance and the order run in the database, and only the
    page that is answered is loaded with categories and images.

    Narrowing in Python (thousands of candidates in the 5 km around the market, each turned into a
    row and measured) cost more than everything else in the list.
    """
    shape, values, near, schedules = _matching(ctx, filters)
    count, page = _PLACES_PAGE(shape, limit, offset, **values)
    return envelope(ctx, count, limit, offset, _items(ctx, page, near, schedules))


def select_poi_features(ctx: ApiContext, filters: PoiFilters) -> list[dict]:
    """Every matching place for a map, in one answer: a map shows all of them or misleads, so no
    paging; above the cap (ROLAND_GEOJSON_CAP) the caller must narrow the area (counted with a
    bounded query first)."""
    cap = settings.ROLAND_GEOJSON_CAP
    shape, values, near, schedules = _matching(ctx, filters)
    queryset = _places(shape, **values)
    matches = queryset.order_by().values("pk")[: cap + 1].count()
    if matches > cap:
        raise bad_param(
            "bbox",
            f"more than {cap} places match; a map answer holds at most {cap}: "
            "narrow the area with bbox=MIN_LNG,MIN_LAT,MAX_LNG,MAX_LAT or other filters",
        )
    _count, page = page_of(queryset, cap, 0, load=with_row_lists)
    return _items(ctx, page, near, schedules)


def opening_hours_data(poi: PointOfInterest) -> dict:
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
    return related_of([links], ctx)[0]


def related_of(link_lists: list, ctx: ApiContext) -> list[list[dict]]:
    """`related_data` of many items at once: one query for every item's links (their targets come
    with the links), read as plain pages (the type comes from the content type, without a query)."""
    targets = [link.target for links in link_lists for link in links]
    if not targets:
        return [[] for _links in link_lists]
    candidates = _RELATED(
        rule_key(ctx),
        keys=sorted({target.translation_key for target in targets}),
        now=timezone.now(),
        locales=list(ctx.choice.preference_ids),
    )
    best = ctx.choice.best(
        candidates, key=lambda page: page.translation_key, locale_id=lambda page: page.locale_id
    )
    return [_related_entries([link.target for link in links], best, ctx) for links in link_lists]


def _related_candidates(shape: tuple, *, keys, now: datetime, locales) -> QuerySet:
    """The visible pages of the translation keys in the preferred languages."""
    site, _rule = shape
    return visible_pages(Page.objects.filter(translation_key__in=keys), site, now).filter(
        locale_id__in=locales
    )


_RELATED = CompiledQuery(_related_candidates)


def _related_entries(targets: list, best: dict, ctx: ApiContext) -> list[dict]:
    result = []
    for target in targets:
        page = best.get(target.translation_key)
        if page is None:
            continue
        model = page.specific_class
        result.append(
            {
                "id": page.pk,
                "type": registry.type_name(model),
                "title": page.title,
                "url": ctx.public_url(page),
                "api_url": ctx.absolute_url(registry.detail_location(model, page.pk)),
            }
        )
    return result


def upcoming_at_venue(poi: PointOfInterest, ctx: ApiContext, limit: int = 10) -> list[dict]:
    return upcoming_at_venues([poi], ctx, limit)[0]


def upcoming_at_venues(pois: list, ctx: ApiContext, limit: int = 10) -> list[list[dict]]:
    """The next occurrences at each place (any language version of it), `limit` each, in one query.

    Ranked per venue row, not per translation key: partitioning by the venue's key joined the venue
    and its page to every future occurrence before the events were narrowed (the join order
    PostgreSQL keeps past eight relations), a scan of the whole table per detail. The `limit` first
    of each language version hold the `limit` first of the place, so they are merged here.
    """
    keys = {poi.translation_key for poi in pois}
    if len(keys) == 1:
        # One place (a detail): its `limit` first are the first overall, without ranking; building
        # the ranked query cost a detail more than the rest of its queries, so its shape is compiled
        # once per process for the rule's facts and the languages.
        (only_key,) = keys
        languages = tuple(locale.pk for locale in ctx.choice.answering)
        shape = Keyed(("upcoming-at-venue", rule_shape(ctx.site), languages, limit), ctx)
        occurrences = _UPCOMING_AT_ONE(shape, key=only_key, now=timezone.now(), after=ctx.now)

        def key_of(_occurrence):
            return only_key
    else:
        venue_key = Subquery(
            Page.objects.filter(pk=OuterRef("event__venue_id")).values("translation_key")[:1]
        )
        rank = Window(
            RowNumber(), partition_by=F("event__venue_id"), order_by=(F("start").asc(), F("pk").asc())
        )
        occurrences = (
            _upcoming(ctx, Q(translation_key__in=keys))
            .annotate(venue_key=venue_key, rank=rank)
            .filter(rank__lte=limit)
        )
        key_of = attrgetter("venue_key")
    by_key: dict = {}
    for occ in occurrences:
        entries = by_key.setdefault(key_of(occ), [])
        if len(entries) == limit:
            continue
        entries.append(
            {
                "event_id": occ.event_id,
                "title": occ.event.title,
                "start": occ.start.astimezone(LOCAL_TZ),
                "end": occ.end.astimezone(LOCAL_TZ),
                "all_day": occ.all_day,
                "status": occ.event.status,
                "api_url": ctx.api_url(f"events/{occ.event_id}"),
            }
        )
    return [by_key.get(poi.translation_key, []) for poi in pois]


def _upcoming(ctx: ApiContext, keys_in: Q, now: datetime | None = None, after: datetime | None = None):
    """Occurrences ending after `after` (default: the request's moment) of the visible events at
    the places of `keys_in`, with what an entry shows, in order."""
    venue_ids = PointOfInterest.objects.filter(keys_in).values("pk")
    events = visible(ctx, Event.objects.filter(venue_id__in=venue_ids), now)
    return (
        EventOccurrence.objects.filter(event__in=events, end__gt=ctx.now if after is None else after)
        .select_related("event")
        .only("start", "end", "all_day", "event", "event__title", "event__status")  # not ~60 columns each
        .order_by("start", "pk")
    )


def _upcoming_at_one(shape: Keyed, *, key, now: datetime, after: datetime) -> QuerySet:
    *_rest, limit = shape.key
    return _upcoming(shape.given, Q(translation_key=key), now, after)[:limit]


_UPCOMING_AT_ONE = CompiledQuery(_upcoming_at_one)


def detail_queryset(queryset, ctx: ApiContext):
    """What a detail reads beside its row; the images come from `preload_images` (poi_details)."""
    return with_row_lists(queryset).prefetch_related(
        "opening_hours",
        "opening_hours_exceptions",
        "gallery_images",
        # `related_of` reads the target's translation key alone (not ~30 page columns each)
        Prefetch(
            "related_links",
            queryset=PointOfInterestRelatedPage.objects.select_related("target").only(
                "sort_order", "page", "target__translation_key"
            ),
        ),
    )


def poi_detail(poi: PointOfInterest, ctx: ApiContext) -> dict:
    return poi_details([poi], ctx)[0]


def poi_details(pois: list[PointOfInterest], ctx: ApiContext) -> list[dict]:
    """Details of places loaded with `detail_queryset`: what they link to is read for all at once,
    so the bulk export costs the same queries for a chunk of 200 as the detail for one."""
    learn_streams([poi.body for poi in pois], ctx)
    gallery = [item.image_id for poi in pois for item in poi.gallery_images.all()]
    preload_images(ctx, [*(poi.image_id for poi in pois), *gallery])
    related = related_of([poi.related_links.all() for poi in pois], ctx)
    upcoming = upcoming_at_venues(pois, ctx)
    translations = translations_of(pois, ctx)
    return [
        _poi_detail(poi, ctx, related[index], upcoming[index], translations[index])
        for index, poi in enumerate(pois)
    ]


def _poi_detail(
    poi: PointOfInterest, ctx: ApiContext, related: list, upcoming: list, translations: list
) -> dict:
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
                for image in (item_image(item, ctx) for item in poi.gallery_images.all())
                if image is not None
            ],
            "related": related,
            "upcoming_events": upcoming,
            "translations": translations,
        }
    )
    schema_types = sorted(
        {c.schema_type for c in item_categories(poi) if c.schema_type} - {"TouristAttraction"}
    )
    data["jsonld"] = poi_jsonld(data, ctx, schema_types)
    return data
