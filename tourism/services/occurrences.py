"""Materialised event occurrences: written on publish, removed on unpublish, extended daily.

Called by the publish pipeline (cms.publishing), which makes search and caches follow.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import Event, EventOccurrence
from .recurrence import RecurrenceError, expand

logger = logging.getLogger(__name__)

PAST_WINDOW = timedelta(days=366)


class Extended(NamedTuple):
    events: int
    occurrences: int
    changed: list[int]  # events whose rows changed: facts derived from them (search) must follow


def occurrence_window(now: datetime | None = None) -> tuple[datetime, datetime]:
    """The stored window: one year back (past listings, search) to the horizon ahead."""
    now = now or timezone.now()
    return now - PAST_WINDOW, now + timedelta(days=settings.ROLAND_OCCURRENCE_HORIZON_DAYS)


def refresh_occurrences(event, now: datetime | None = None) -> int:
    """Rewrite the occurrences of a live event to match its dates; keeps rows that did not change.

    Returns the number of stored occurrences. A non-live event loses all of them.
    """
    return _refresh(event, now)[0]


# Without a savepoint of its own (two more queries per publish): a failure rolls back the publish.
@transaction.atomic(savepoint=False)
def _refresh(event, now: datetime | None = None) -> tuple[int, bool]:
    """(stored occurrences, whether any row was written, changed or removed)."""
    if not event.live:
        return 0, remove_occurrences(event) > 0
    window_start, window_end = occurrence_window(now)
    try:
        spans = expand(event.dates(), window_start, window_end)
    except RecurrenceError:
        # Validation refuses such rules in the admin; data from elsewhere is logged, not fatal.
        logger.exception("Event %s has an invalid recurrence rule; no occurrences written", event.pk)
        spans = []
    existing = {occ.start: occ for occ in EventOccurrence.objects.filter(event=event)}
    wanted = {span.start: span for span in spans}
    stale = [occ.pk for start, occ in existing.items() if start not in wanted]
    if stale:
        EventOccurrence.objects.filter(pk__in=stale).delete()
    changed = [
        occ
        for start, occ in existing.items()
        if start in wanted and (occ.end, occ.all_day) != (wanted[start].end, wanted[start].all_day)
    ]
    for occ in changed:
        occ.end, occ.all_day = wanted[occ.start].end, wanted[occ.start].all_day
    if changed:
        EventOccurrence.objects.bulk_update(changed, ["end", "all_day"])
    added = EventOccurrence.objects.bulk_create(
        [
            EventOccurrence(event=event, start=span.start, end=span.end, all_day=span.all_day)
            for start, span in wanted.items()
            if start not in existing
        ]
    )
    return len(wanted), bool(stale or changed or added)


def remove_occurrences(event) -> int:
    deleted, _ = EventOccurrence.objects.filter(event=event).delete()
    return deleted


def extend_all(now: datetime | None = None, progress=None) -> Extended:
    """Refresh every live event so the horizon moves on.

    Run it through the publish pipeline (cms.publishing.extend_occurrence_horizon), which makes
    search and cached answers follow the changed events.
    """
    events = Event.objects.live().prefetch_related("excluded_dates", "extra_dates").order_by("pk")
    total_events = total_occurrences = 0
    changed: list[int] = []
    for event in events.iterator(chunk_size=200):
        stored, was_changed = _refresh(event, now)
        total_occurrences += stored
        total_events += 1
        if was_changed:
            changed.append(event.pk)
        if progress:
            progress(total_events)
    return Extended(total_events, total_occurrences, changed)
