"""Events as the API shows them: occurrences in time order from the materialised table, the event
detail and its schemas; the routes are in tourism.api.events, search and kiosks reuse these."""

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Literal
from uuid import UUID

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from pydantic import Field
from wagtail.models import Page

from cms.core.compiled import CompiledQuery
from cms.core.context import ApiContext, rule_key, visible, visible_to
from cms.core.pagination import CompiledPage, page_of
from cms.core.params import parse_id_param, parse_moment, parse_point
from cms.core.problems import bad_param
from cms.core.schema import Schema
from cms.core.timezone import LOCAL_TZ
from cms.core.visibility import visible_pages
from media.bodies import learn_streams, stream_data
from media.schemas import ImageOut, item_image, preload_images

from ..models import Event, EventOccurrence, PointOfInterest
from ..renderers.jsonld import event_jsonld
from ..selectors import occurrences_between, place_in_box, within_radius
from ..services.occurrences import occurrence_window
from ..services.recurrence import OccurrenceSpan, RecurrenceError, expand
from .common import (
    ITEM_BASE_FIELDS,
    LOCATION_FIELDS,
    CategoryOut,
    ItemBase,
    LocationOut,
    TranslationOut,
    categories_data,
    item_base,
    location_data,
    translations_of,
    with_category_ids,
)

MAX_WINDOW = timedelta(days=366)
DEFAULT_WINDOW = timedelta(days=90)


class EventFilters(Schema):
    from_: str | None = Field(
        None, alias="from", description="Date (YYYY-MM-DD) or ISO 8601 datetime; default now."
    )
    to: str | None = Field(None, description="Date or datetime; default `from` + 90 days; window ≤ 366 days.")
    category: list[str] = Field([], description="Category slug; repeat for any of several.")
    audience: (
        Literal["everyone", "families", "children", "youth", "adults", "seniors", "business", "tourists"]
        | None
    ) = None
    venue: str | None = Field(None, description="Id of a point of interest (any language version).")
    near: str | None = Field(None, description="LAT,LNG — with `radius`.")
    radius: float = Field(5, gt=0, le=50, description="Kilometres around `near` (default 5, max 50).")
    status: Literal["scheduled", "cancelled", "postponed", "rescheduled", "moved_online"] | None = None
    free: bool | None = None
    ordering: Literal["start", "-start"] = "start"


class VenueOut(Schema):
    id: int
    title: str
    location: LocationOut


class OccurrenceItem(ItemBase):
    event_id: int
    start: datetime
    end: datetime
    all_day: bool
    status: str
    status_note: str
    venue: VenueOut | None
    location: LocationOut | None
    categories: list[CategoryOut]
    audience: str
    free: bool
    ticket_url: str
    image: ImageOut | None


class OccurrenceList(Schema):
    count: int
    next: str | None
    previous: str | None
    items: list[OccurrenceItem]


class RecurrenceOut(Schema):
    rrule: str
    exdates: list[str]
    rdates: list[str]


class OrganizerOut(Schema):
    name: str
    website: str
    email: str
    phone: str


class PricesOut(Schema):
    free: bool
    text: str


class NextOccurrenceOut(Schema):
    start: datetime
    end: datetime
    all_day: bool


class EventDetail(ItemBase):
    start: datetime
    end: datetime
    all_day: bool
    status: str
    status_note: str
    previous_start_date: date | None
    venue: VenueOut | None
    location: LocationOut | None
    online_url: str
    categories: list[CategoryOut]
    audience: str
    free: bool
    ticket_url: str
    image: ImageOut | None
    body: list[dict]
    recurrence: RecurrenceOut | None
    next_occurrences: list[NextOccurrenceOut]
    organizer: OrganizerOut | None
    prices: PricesOut
    translations: list[TranslationOut]
    jsonld: dict


def window(filters: EventFilters, ctx: ApiContext) -> tuple[datetime, datetime]:
    start = parse_moment("from", filters.from_) or ctx.now
    end = (
        parse_moment("to", filters.to, end_of_day=True) if filters.to is not None else start + DEFAULT_WINDOW
    )
    if end <= start:
        raise bad_param("to", "must be after `from`")
    if end - start > MAX_WINDOW:
        raise bad_param("to", "the window from `from` to `to` is at most 366 days")
    return start, end


def visible_events(ctx: ApiContext):
    return visible(ctx, Event)


def event_filters(events, filters: EventFilters, ctx: ApiContext):
    if filters.category:
        events = events.filter(categories__slug__in=filters.category)
    if filters.audience:
        events = events.filter(audience=filters.audience)
    if filters.status:
        events = events.filter(status=filters.status)
    if filters.free is not None:
        events = events.filter(is_free=filters.free)
    if filters.venue is not None:
        venue_id = parse_id_param("venue", filters.venue)
        keys = PointOfInterest.objects.filter(pk=venue_id).values("translation_key")
        events = events.filter(venue__translation_key__in=keys)
    near = parse_point("near", filters.near)
    if near:
        events = events.filter(pk__in=events_near(events, near, filters.radius))
    return events


def events_near(events, near: tuple[float, float], radius: float) -> list[int]:
    """Events whose venue (or own location) lies within the radius: box in SQL, exact distance here."""
    rows = events.filter(place_in_box(near, radius)).values_list(
        "pk", "venue__latitude", "venue__longitude", "latitude", "longitude"
    )
    return [pk for pk, *coordinates in rows if within_radius(near, radius, *coordinates)]


def venue_translations(events: list[Event], ctx: ApiContext) -> dict:
    """Venues in the reader's language where translated and visible (one query for the whole page)."""
    keys = {venue_key(event) for event in events if event.venue_id}
    if not keys:
        return {}
    venues = _VENUES(
        rule_key(ctx),
        keys=sorted(keys),
        now=timezone.now(),
        locales=list(ctx.choice.preference_ids),
    )
    return ctx.choice.best(venues, key=lambda row: row.translation_key, locale_id=lambda row: row.locale_id)


def _venues(shape: tuple, *, keys, now: datetime, locales) -> QuerySet:
    site, _rule = shape
    return (
        visible_pages(PointOfInterest.objects.filter(translation_key__in=keys), site, now)
        .filter(locale_id__in=locales)
        .values_list(*VENUE_FIELDS, named=True)  # rows, not page objects: only these fields are shown
    )


_VENUES = CompiledQuery(_venues)


def venue_key(event: Event) -> UUID:
    """The translation key of the event's venue: read in its own row where its query did
    (`venue_key`, lists and details), else from the venue's."""
    return event.venue_key if hasattr(event, "venue_key") else event.venue.translation_key


def place_data(event: Event, venues: dict) -> tuple[dict | None, dict | None]:
    venue = venues.get(venue_key(event)) if event.venue_id else None
    if venue is not None:
        location = location_data(venue)
        return {"id": venue.pk, "title": venue.title, "location": location}, location
    if event.latitude is not None or event.street or event.locality:
        return None, location_data(event)
    return None, None


def event_fields(event: Event, ctx: ApiContext, venues: dict) -> dict:
    venue, location = place_data(event, venues)
    return {
        "status": event.status,
        "status_note": event.status_note,
        "venue": venue,
        "location": location,
        "categories": categories_data(event, ctx),
        "audience": event.audience,
        "free": event.is_free,
        "ticket_url": event.ticket_url,
        "image": item_image(event, ctx),
    }


def occurrence_item(occurrence: EventOccurrence, ctx: ApiContext, venues: dict) -> dict:
    event = occurrence.event
    base = item_base(event, ctx)
    base["id"] = occurrence.pk
    return {
        **base,
        "event_id": event.pk,
        "start": occurrence.start.astimezone(LOCAL_TZ),
        "end": occurrence.end.astimezone(LOCAL_TZ),
        "all_day": occurrence.all_day,
        **event_fields(event, ctx, venues),
    }


# The columns an occurrence item reads (of ~60 an event page has and ~70 of its venue's): building
# full page objects cost more than the queries that load them.
EVENT_ITEM_FIELDS = (
    *ITEM_BASE_FIELDS,
    *LOCATION_FIELDS,
    "status",
    "status_note",
    "venue",
    "audience",
    "is_free",
    "ticket_url",
    "image",
)
OCCURRENCE_ITEM_FIELDS = (
    "start",
    "end",
    "all_day",
    "event",
    *(f"event__{name}" for name in EVENT_ITEM_FIELDS),
)
VENUE_FIELDS = (
    "pk",
    "title",
    "translation_key",
    "locale_id",
    "latitude",
    "longitude",
    "street",
    "postal_code",
    "locality",
)


def filters_events(filters: EventFilters) -> bool:
    """Whether a filter reads the event's own fields (else visibility alone decides)."""
    return bool(
        filters.category
        or filters.audience
        or filters.status
        or filters.free is not None
        or filters.venue is not None
        or filters.near
    )


def occurrence_queryset(ctx: ApiContext, filters: EventFilters):
    start, end = window(filters, ctx)
    if not filters_events(filters):
        return occurrence_rows(visible(ctx, Page), start, end, filters.ordering)
    return occurrence_rows(event_filters(visible_events(ctx), filters, ctx), start, end, filters.ordering)


def occurrence_rows(events: QuerySet, start: datetime, end: datetime, ordering: str) -> QuerySet:
    """Occurrences of `events` in the window with what an item reads of its event, in list order.

    Without event filters visibility is the page's (`events` of Page): the event table is not joined
    (a third of the week's count query went to probing it)."""
    order = ("start", "pk") if ordering == "start" else ("-start", "-pk")
    return (
        occurrences_between(events, start, end)
        .only(*OCCURRENCE_ITEM_FIELDS)
        .select_related("event")
        .order_by(*order)
    )


def _visible_occurrences(shape: tuple, *, start: datetime, end: datetime, now: datetime, locales) -> QuerySet:
    """`occurrence_queryset` without event filters, as a definition `CompiledPage` compiles per shape:
    (site, the rule's facts, ordering)."""
    site, _rule, ordering = shape
    events = visible_to(Page, site, now, locales)
    return occurrence_rows(events, start, end, ordering)


def occurrence_page(ctx: ApiContext, filters: EventFilters, limit: int, offset: int) -> tuple[int, list]:
    """The total and one page of occurrences (with `with_event_rows`); the common list, without event
    filters, runs SQL compiled once per shape (the same SQL as `occurrence_queryset`'s)."""
    if filters_events(filters):
        return page_of(occurrence_queryset(ctx, filters), limit, offset, load=with_event_rows)
    start, end = window(filters, ctx)
    shape = rule_key(ctx, filters.ordering)
    locales = [locale.pk for locale in ctx.choice.answering]
    return _VISIBLE_PAGE(shape, limit, offset, start=start, end=end, now=timezone.now(), locales=locales)


def with_event_rows(occurrences: QuerySet) -> QuerySet:
    """Each occurrence's event's category ids and venue key in its own row, for `page_of`'s `load`
    (the query by id): a venue page object and a categories query per page cost more than the
    columns (`events_of` hands them to the events)."""
    return with_category_ids(occurrences, model=Event, item="event_id").annotate(
        venue_key=F("event__venue__translation_key")
    )


_VISIBLE_PAGE = CompiledPage(_visible_occurrences, load=with_event_rows)


def events_of(occurrences: list[EventOccurrence]) -> list[Event]:
    """The occurrences' events with what `with_event_rows` read for them."""
    events = []
    for occurrence in occurrences:
        event = occurrence.event
        event.category_ids = occurrence.category_ids
        event.venue_key = occurrence.venue_key
        events.append(event)
    return events


def detail_queryset(queryset, ctx: ApiContext):
    """What a detail reads beside its row: of its venue the translation key alone (`venue_key`;
    `venue_translations` reads the venue shown), its category ids in its row (`with_category_ids`);
    the image comes from `preload_images` (event_details)."""
    return (
        with_category_ids(queryset)
        .annotate(venue_key=F("venue__translation_key"))
        .select_related("organizer")
        .prefetch_related("excluded_dates", "extra_dates")
    )


def draft_occurrences(event: Event, ctx: ApiContext, limit: int = 10) -> list[OccurrenceSpan]:
    """The next dates of a draft from its own rule: the stored occurrences belong to the live version."""
    try:
        return expand(event.dates(), ctx.now, occurrence_window(ctx.now)[1])[:limit]
    except RecurrenceError:
        return []


def event_detail(event: Event, ctx: ApiContext, occurrences: Sequence | None = None) -> dict:
    """The detail of an event; `occurrences` (with start, end, all_day) replace the stored ones for drafts."""
    return event_details([event], ctx, [occurrences] if occurrences is not None else None)[0]


def next_occurrences(events: list[Event], ctx: ApiContext, limit: int = 10) -> list[list[EventOccurrence]]:
    """The next stored occurrences of each event, `limit` each, in one query."""

    if len(events) == 1:
        # a detail: no ranking to build (it cost more than the query itself), and its shape compiled
        # once per process
        rows = _NEXT_OCCURRENCES(limit, event=events[0].pk, moment=ctx.now)
    else:
        rank = Window(RowNumber(), partition_by=F("event_id"), order_by=(F("start").asc(), F("pk").asc()))
        pks = [event.pk for event in events]
        rows = _occurrences_after(pks, ctx.now).annotate(rank=rank).filter(rank__lte=limit)
    by_event: dict[int, list] = {}
    for occ in rows:
        by_event.setdefault(occ.event_id, []).append(occ)
    return [by_event.get(event.pk, []) for event in events]


def _occurrences_after(pks: list, moment: datetime) -> QuerySet:
    return EventOccurrence.objects.filter(event__in=pks, end__gt=moment).order_by("start", "pk")


def _next_of_one(limit: int, *, event: int, moment: datetime) -> QuerySet:
    return _occurrences_after([event], moment)[:limit]


_NEXT_OCCURRENCES = CompiledQuery(_next_of_one)


def event_details(
    events: list[Event], ctx: ApiContext, occurrences: list[Sequence] | None = None
) -> list[dict]:
    """Details of events loaded with `detail_queryset`, venues, dates and translations read for all
    at once (the bulk export builds 200 in the queries of one)."""
    venues = venue_translations(events, ctx)
    learn_streams([event.body for event in events], ctx)
    preload_images(ctx, [event.image_id for event in events])
    if occurrences is None:
        occurrences = next_occurrences(events, ctx)
    translations = translations_of(events, ctx)
    return [
        _event_detail(event, ctx, venues, occurrences[index], translations[index])
        for index, event in enumerate(events)
    ]


def _event_detail(
    event: Event, ctx: ApiContext, venues: dict, occurrences: Sequence, translations: list
) -> dict:
    dates = event.dates()
    organizer = event.organizer
    data = {
        **item_base(event, ctx),
        "start": event.start,
        "end": event.end,
        "all_day": event.all_day,
        "online_url": event.online_url,
        **event_fields(event, ctx, venues),
        "body": stream_data(event.body, ctx),
        "recurrence": {
            "rrule": dates.rule,
            "exdates": [day.isoformat() for day in dates.exdates],
            "rdates": [
                datetime.combine(day, at).isoformat() if at else day.isoformat() for day, at in dates.rdates
            ],
        }
        if dates.rule or dates.rdates
        else None,
        "next_occurrences": [
            {
                "start": occ.start.astimezone(LOCAL_TZ),
                "end": occ.end.astimezone(LOCAL_TZ),
                "all_day": occ.all_day,
            }
            for occ in occurrences
        ],
        "organizer": {
            "name": organizer.name,
            "website": organizer.website,
            "email": organizer.email,
            "phone": organizer.phone,
        }
        if organizer
        else None,
        "prices": {"free": event.is_free, "text": event.price_text},
        "previous_start_date": event.previous_start_date,
        "translations": translations,
    }
    data["jsonld"] = event_jsonld(data, ctx)
    return data
