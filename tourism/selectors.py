"""Queries of tourism content that lists, kiosks and search share (views only parse, call and shape)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page, Revision

from .models import (
    Event,
    EventOccurrence,
    EventStatus,
    NewsArticleRelatedPage,
    OpeningHoursRule,
    PointOfInterest,
    PointOfInterestRelatedPage,
)
from .services.geo import bounding_box, distance_km


def place_in_box(near: tuple[float, float], radius: float, prefix: str = "") -> Q:
    """Events (or, with `prefix` "event__", their occurrences) whose place — the venue's coordinates,
    else the event's own — lies in the box around `near`; the exact distance is `within_radius`."""
    min_lat, min_lng, max_lat, max_lng = bounding_box(near[0], near[1], radius)
    lat, lng = (min_lat, max_lat), (min_lng, max_lng)
    return Q(**{f"{prefix}venue__latitude__range": lat, f"{prefix}venue__longitude__range": lng}) | Q(
        **{f"{prefix}venue__isnull": True, f"{prefix}latitude__range": lat, f"{prefix}longitude__range": lng}
    )


def within_radius(near: tuple[float, float], radius: float, venue_lat, venue_lng, lat, lng) -> bool:
    """The exact check after `place_in_box`, on the venue's coordinates or else the event's own."""
    place = (venue_lat, venue_lng) if venue_lat is not None else (lat, lng)
    return place[0] is not None and distance_km(near[0], near[1], float(place[0]), float(place[1])) <= radius


def occurrences_between(events: QuerySet, start: datetime, end: datetime) -> QuerySet:
    """Occurrences of `events` (a queryset) overlapping start … end.

    The events' conditions (visibility, filters) are checked for the window's events only, each looked
    up by key (cms.core.lookups): as a plain join PostgreSQL hashed every visible event for every
    list.
    """
    in_window = EventOccurrence.objects.filter(start__lt=end, end__gt=start)
    events = events.filter(pk__in_probe=in_window.values("event_id"))
    return in_window.filter(event__in=events.values("pk"))


def pages_showing(page_ids: Iterable[int], venue_ids: Iterable[int] = ()) -> set[int]:
    """The other pages whose detail shows something of these pages, so a change to them is a change to
    those too: their language versions (each lists the others), pages with a related link to any
    language version (the link shows its title), events at a changed place (its name and address)
    and the places of a changed event (their upcoming events), `venue_ids` naming places an event
    was at before the change.
    """
    ids = set(page_ids)
    if not ids:
        return set()
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    group = set(Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True)) | ids
    showing = set(group)
    for link in (PointOfInterestRelatedPage, NewsArticleRelatedPage):
        showing.update(link.objects.filter(target_id__in=group).values_list("page_id", flat=True))
    showing.update(Event.objects.filter(venue_id__in=group).values_list("pk", flat=True))
    venues = {
        *Event.objects.filter(pk__in=group, venue__isnull=False).values_list("venue_id", flat=True),
        *venue_ids,
    }
    if venues:
        venue_keys = PointOfInterest.objects.filter(pk__in=venues).values("translation_key")
        showing.update(
            PointOfInterest.objects.filter(translation_key__in=venue_keys).values_list("pk", flat=True)
        )
    return showing - ids


def with_next_dates(events: QuerySet, now: datetime) -> QuerySet:
    """Events annotated from the occurrence table, in the same query whatever the number of rows:
    `next_start`/`next_all_day` (the first occurrence not over at `now`), `last_start`/`last_all_day`
    (the latest one stored) and `date_key`, the next start or else the last (what lists sort by).

    Events without occurrences (never published, or older than the stored window) have None; lists
    then show the event's own start.
    """
    upcoming = EventOccurrence.objects.filter(event=OuterRef("pk"), end__gt=now).order_by("start")
    latest = EventOccurrence.objects.filter(event=OuterRef("pk")).order_by("-start")
    return events.annotate(
        next_start=Subquery(upcoming.values("start")[:1]),
        next_all_day=Subquery(upcoming.values("all_day")[:1]),
        last_start=Subquery(latest.values("start")[:1]),
        last_all_day=Subquery(latest.values("all_day")[:1]),
    ).annotate(date_key=Coalesce(F("next_start"), F("last_start")))


def upcoming_q(today: date) -> Q:
    """Annotated events (`with_next_dates`) not over yet: an occurrence to come, or, without any
    occurrence stored, an own last day (end date, else start date) not before `today`."""
    return (
        Q(next_start__isnull=False)
        | Q(last_start__isnull=True, end_date__gte=today)
        | Q(last_start__isnull=True, end_date__isnull=True, start_date__gte=today)
    )


# --- The office's dashboard: what needs looking at, a few rows each and how many in all -------------

T = TypeVar("T")

DASHBOARD_ROWS = 8  # rows per panel; the count says how many there are in all
SOON_DAYS = 14  # "scheduled or expiring soon"


@dataclass(frozen=True)
class Shortlist(Generic[T]):
    """The first rows of a list and the length of the whole list: two queries, whatever its size."""

    rows: list[T]
    total: int


def _shortlist(queryset: QuerySet, limit: int) -> Shortlist:
    return Shortlist(list(queryset[:limit]), queryset.count())


def _source_language() -> Q:
    """Items in the default language only: translations follow their source and would repeat it."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


def occurrences_this_week(now: datetime, limit: int = DASHBOARD_ROWS) -> Shortlist[EventOccurrence]:
    """Dates of live events starting in the next seven days, soonest first, with their event."""
    occurrences = (
        EventOccurrence.objects.filter(
            start__gte=now,
            start__lt=now + timedelta(days=7),
            event__live=True,
            event__locale__language_code=settings.LANGUAGE_CODE,
        )
        .select_related("event")
        .order_by("start", "event_id")
    )
    return _shortlist(occurrences, limit)


def cancelled_upcoming_events(now: datetime, limit: int = DASHBOARD_ROWS) -> Shortlist[Event]:
    """Cancelled events that still have a date ahead (so the website shows them as cancelled), each
    with its next date (`next_start`, None for one whose occurrences are not written)."""
    ahead = EventOccurrence.objects.filter(event=OuterRef("pk"), end__gte=now)
    today = now.date()
    events = (
        Event.objects.filter(_source_language(), status=EventStatus.CANCELLED)
        .filter(Exists(ahead) | Q(start_date__gte=today) | Q(end_date__gte=today))
        .annotate(next_start=Subquery(ahead.order_by("start").values("start")[:1]))
        .order_by(F("next_start").asc(nulls_last=True), "start_date", "pk")
    )
    return _shortlist(events, limit)


@dataclass(frozen=True)
class Scheduled:
    """A page going live (`goes_live`) or leaving public view (`expires`) at `at`."""

    page: Page
    at: datetime
    goes_live: bool


def pages_scheduled_soon(
    now: datetime, days: int = SOON_DAYS, limit: int = DASHBOARD_ROWS
) -> tuple[Shortlist[Scheduled], Shortlist[Scheduled]]:
    """Pages with a go-live (an approved, scheduled revision) and live pages with an expiry within
    `days`, each soonest first. Wagtail keeps a live page's next go-live on its revision only."""
    end = now + timedelta(days=days)
    revisions = (
        Revision.objects.page_revisions()
        .filter(approved_go_live_at__gte=now, approved_go_live_at__lt=end)
        .order_by("approved_go_live_at", "pk")
        .values_list("object_id", "approved_go_live_at")
    )
    going = _shortlist(revisions, limit)
    pages = Page.objects.in_bulk([int(object_id) for object_id, _at in going.rows])
    live = Shortlist(
        [Scheduled(pages[int(pk)], at, True) for pk, at in going.rows if int(pk) in pages], going.total
    )
    expiring = _shortlist(
        Page.objects.filter(live=True, expire_at__gte=now, expire_at__lt=end).order_by("expire_at", "pk"),
        limit,
    )
    leaving = Shortlist([Scheduled(page, page.expire_at, False) for page in expiring.rows], expiring.total)
    return live, leaving


def places_without_opening_hours(limit: int = DASHBOARD_ROWS) -> Shortlist[PointOfInterest]:
    """Places with neither weekly hours nor a note on them (a note such as "always open" is an answer)."""
    places = (
        PointOfInterest.objects.filter(_source_language(), opening_hours_note="")
        .filter(~Exists(OpeningHoursRule.objects.filter(page=OuterRef("pk"))))
        .order_by("title", "pk")
    )
    return _shortlist(places, limit)
