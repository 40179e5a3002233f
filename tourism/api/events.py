"""Routes of /api/v1/events: parse, call and shape (the item builders are in tourism.items.events)."""

from django.http import HttpRequest
from ninja import Query, Router

from cms.core.context import api_context
from cms.core.pagination import envelope
from cms.core.params import DetailParams, ListParams, strict_query
from cms.core.problems import PROBLEM_RESPONSES
from media.schemas import preload_images

from ..items.common import (
    categories_prefetch,
    get_detail,
)
from ..items.events import (
    EventDetail,
    EventFilters,
    OccurrenceList,
    detail_queryset,
    event_detail,
    event_filters,
    events_of,
    occurrence_item,
    occurrence_page,
    venue_translations,
    visible_events,
    window,
)
from ..models import EVENT, Event, EventOccurrence
from ..renderers.ical import calendar_response
from ..renderers.jsonld import detail_answer, jsonld_openapi

router = Router(tags=["Events"])


@router.get(
    f"/{EVENT.collection}",
    response={200: OccurrenceList, **PROBLEM_RESPONSES},
    summary="List event occurrences",
)
@strict_query(ListParams, EventFilters)
def list_events(request: HttpRequest, params: Query[ListParams], filters: Query[EventFilters]):
    """Occurrences in time order: a recurring event appears once per date; one running now is included.

    Consumers: the city website's calendar, kiosks, partner event portals.
    """
    ctx = api_context(request, params.locale, params.fallback)
    count, page = occurrence_page(ctx, filters, params.limit, params.offset)
    events = events_of(page)
    venues = venue_translations(events, ctx)
    preload_images(ctx, [event.image_id for event in events])

    return envelope(
        ctx, count, params.limit, params.offset, [occurrence_item(occ, ctx, venues) for occ in page]
    )


@router.get(
    f"/{EVENT.collection}.ics",
    response={200: str, **PROBLEM_RESPONSES},
    summary="Events as iCalendar",
    openapi_extra={
        "responses": {200: {"description": "RFC 5545 calendar", "content": {"text/calendar": {}}}}
    },
)
@strict_query(ListParams, EventFilters)
def events_ics(request: HttpRequest, params: Query[ListParams], filters: Query[EventFilters]):
    """The events with an occurrence in the window (same filters as the list), one VEVENT each with its RRULE."""
    ctx = api_context(request, params.locale, params.fallback)
    start, end = window(filters, ctx)
    events = event_filters(visible_events(ctx), filters, ctx)
    with_dates = EventOccurrence.objects.filter(start__lt=end, end__gt=start).values("event_id")
    selected = (
        events.filter(pk__in=with_dates)
        .select_related("venue", "locale")
        .prefetch_related("excluded_dates", "extra_dates", categories_prefetch(ctx))
        .order_by("start_date", "pk")
    )
    shown = list(selected[:2000])
    name = f"{ctx.site.site_name or 'Roland'} ({ctx.code})"
    return calendar_response(shown, ctx, name, venue_translations(shown, ctx))


@router.get(
    f"/{EVENT.collection}/{{event_id}}",
    response={200: EventDetail, **PROBLEM_RESPONSES},
    summary="One event",
    openapi_extra=jsonld_openapi("The event"),
)
@strict_query(DetailParams)
def get_event(request: HttpRequest, event_id: str, params: Query[DetailParams]):
    """An event with body, recurrence, the next occurrences, organizer and prices.

    Consumers: the city website's event page, partner portals; `?format=jsonld` for search engines.
    """
    ctx = api_context(request, params.locale)
    event, ctx = get_detail(Event.objects.all(), event_id, ctx, detail_queryset)
    data = event_detail(event, ctx)
    return detail_answer(request, data)
