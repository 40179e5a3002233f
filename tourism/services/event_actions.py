"""What an editor does to a whole event from the events list: cancel it, or copy it to a new date.

Cancelling publishes a revision (Wagtail's publish, so the publish pipeline in cms.publishing runs:
occurrences, search, versions and the change feed, webhooks, and the translations following their
source); a draft the editor has pending gets the cancellation too, so a later publish of it does not
bring the event back. A copy is a draft, never public until an editor publishes it.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import PageLogEntry

from cms.core.timezone import LOCAL_TZ
from cms.core.translations import outdated_locale_ids, publish_translated_text

from ..models import Event, EventStatus

CANCEL_LOG_ACTION = "roland.event_cancelled"
_UNTIL = re.compile(r"UNTIL=(\d{8})(T\d{6}Z)?", re.IGNORECASE)


class EventActionError(Exception):
    """The action cannot be done to this event; the message is for the editor."""


@transaction.atomic
def cancel_event(event: Event, note: str, user=None, translated_notes: dict[int, str] | None = None) -> Event:
    """Cancel `event` with `note` (why, or where to turn): published at once when it is live.

    A live event gets a published revision of what is live with the new status; a pending draft gets
    the same status as a draft of its own. An event that was never published keeps it as its draft.
    Its translations are cancelled by the publish (cms.core.translations.follow_source); the note is
    text, so a live translation gets the note given for its language (`translated_notes`, by locale
    id) and otherwise shows the cancellation without one until it is translated.
    Everything happens in one transaction: on any error nothing is written.
    """
    note = note.strip()
    if not note:
        raise EventActionError(_("A note is required."))
    event = Event.objects.select_for_update().get(pk=event.pk)
    latest = event.get_latest_revision()
    pending = latest is not None and latest.pk != event.live_revision_id
    if event.live:
        outdated = outdated_locale_ids(event)
        _set_cancelled(event, note)
        event.save_revision(user=user, log_action=True).publish(user=user)
        for locale_id, text in (translated_notes or {}).items():
            if text.strip():
                publish_translated_text(
                    event,
                    locale_id,
                    "status_note",
                    text.strip(),
                    user=user,
                    was_outdated=locale_id in outdated,
                )
    if pending or not event.live:
        draft = latest.as_object() if latest is not None else event
        _set_cancelled(draft, note)
        draft.save_revision(user=user, log_action=True)
    PageLogEntry.objects.log_action(event, CANCEL_LOG_ACTION, user=user, data={"note": note})
    return Event.objects.get(pk=event.pk)


def _set_cancelled(event: Event, note: str) -> None:
    event.status = EventStatus.CANCELLED
    event.status_note = note


def shifted_rule(rule: str, days: int) -> str:
    """The recurrence rule of a series moved by `days`: its UNTIL moves with it (COUNT needs nothing)."""

    def move(match: re.Match) -> str:
        if not match.group(2):
            until = datetime.strptime(match.group(1), "%Y%m%d").date() + timedelta(days=days)
            return f"UNTIL={until:%Y%m%d}"
        # A UTC instant (as Event.clean stores it): moved by days on the Berlin clock, so the end of a
        # local day stays the end of a local day across a daylight-saving change.
        moment = datetime.strptime(match.group(0)[6:], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        local = moment.astimezone(LOCAL_TZ).replace(tzinfo=None) + timedelta(days=days)
        return f"UNTIL={local.replace(tzinfo=LOCAL_TZ).astimezone(UTC):%Y%m%dT%H%M%SZ}"

    return _UNTIL.sub(move, rule)


@transaction.atomic
def duplicate_event(event: Event, start_date: date, user=None) -> Event:
    """A draft copy of `event` starting on `start_date`, beside it, with a slug of its own.

    Everything dated moves by the same number of days: the end (so the duration stays), the end of
    the recurrence (UNTIL), excluded and additional dates. The copy is scheduled again (not
    cancelled or postponed, no previous date) and is a new item, not a translation of the old one.
    """
    source = Event.objects.get(pk=event.pk)
    days = (start_date - source.start_date).days
    parent = source.get_parent()
    base = slugify(f"{source.slug}-{start_date:%Y-%m-%d}")[:240]
    copy = source.copy(
        to=parent,
        update_attrs={
            "slug": find_available_slug(parent, base),
            "start_date": start_date,
            "end_date": source.end_date + timedelta(days=days) if source.end_date else None,
            "recurrence_rule": shifted_rule(source.recurrence_rule, days),
            "status": EventStatus.SCHEDULED,
            "status_note": "",
            "previous_start_date": None,
        },
        keep_live=False,
        copy_revisions=False,
        user=user,
    ).specific
    for row in [*copy.excluded_dates.all(), *copy.extra_dates.all()]:
        row.date += timedelta(days=days)
        row.save(update_fields=["date"])
    copy = Event.objects.get(pk=copy.pk)
    copy.save_revision(user=user, log_action=False)
    return copy
