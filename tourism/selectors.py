"""Queries of tourism content that lists, kiosks and search share (views only parse, call and shape)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q, QuerySet

from .models import EventOccurrence
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
