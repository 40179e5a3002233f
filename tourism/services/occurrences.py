"""Materialised event occurrences: written on publish, removed on unpublish, extended by a task."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from .recurrence import RecurrenceError, expand

logger = logging.getLogger(__name__)

PAST_WINDOW = timedelta(days=366)

# Sent with `event_id` after an event's occurrences changed (written, moved or removed; not when a
# refresh found nothing to do): facts derived from them elsewhere, such as the search table's
# "last occurrence ends", follow.
occurrences_changed = Signal()


def occurrence_window(now: datetime | None = None) -> tuple[datetime, datetime]:
    """The stored window: one year back (past listings, search) to the horizon ahead."""
    now = now or timezone.now()
    return now - PAST_WINDOW, now + timedelta(days=settings.ROLAND_OCCURRENCE_HORIZON_DAYS)


@transaction.atomic
def refresh_occurrences(event, now: datetime | None = None) -> int:
    """Rewrite the occurrences of a live event to match its dates; keeps rows that did not change.

    Returns the number of stored occurrences. A non-live event loses all of them.
    """
    from ..models import EventOccurrence

    if not event.live:
        remove_occurrences(event)
        return 0
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
    if stale or changed or added:
        occurrences_changed.send(sender=EventOccurrence, event_id=event.pk)
    return len(wanted)


def remove_occurrences(event) -> int:
    from ..models import EventOccurrence

    deleted, _ = EventOccurrence.objects.filter(event=event).delete()
    if deleted:
        occurrences_changed.send(sender=EventOccurrence, event_id=event.pk)
    return deleted


def extend_all(now: datetime | None = None, progress=None) -> tuple[int, int]:
    """Refresh every live event so the horizon moves on; returns (events, occurrences)."""
    from ..models import Event

    events = Event.objects.live().prefetch_related("excluded_dates", "extra_dates").order_by("pk")
    total_events = total_occurrences = 0
    for event in events.iterator(chunk_size=200):
        total_occurrences += refresh_occurrences(event, now)
        total_events += 1
        if progress:
            progress(total_events)
    from cms.signals import content_changed

    content_changed()  # event lists and feeds show the new horizon
    return total_events, total_occurrences
