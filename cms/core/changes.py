"""The change feed: what became public, changed, or left public view, per site, in commit order.

Partners sync by it (`GET /api/v1/changes`): after one full read they ask only for what changed
since their cursor, deletions included. Written by the publish pipeline (cms.publishing) in the
transaction of the change itself, so every path that changes content — the admin, scheduled
go-live and expiry, imports, moves, restrictions, deletions — is covered by the pipeline's own
order.

What an entry says is decided by the visibility rule (cms.core.visibility), never by the kind of
edit: after a change the rule is asked again for each item the change may touch, and the answer is
compared with what the feed last said of the item (`PublicItem`). Public now and not before (or
edited while public): `upsert`. Public before and not now, for whatever reason (unpublished,
deleted, restricted, expired, moved out of the site, its translation withdrawn): `delete`. Neither:
no entry — a draft saved or a restricted page published changes nothing public.

Order: every writing transaction first locks the one `ChangeHead` row and takes the next numbers
from it, so numbers are gap-free and commit in order (the lock is held until the commit). A reader
that has seen number N has seen everything before it; a cursor is just a number, opaque to clients.
Numbers start from the clock (in microseconds) like the version counters, so a cursor of another
database is never mistaken for one of this.

Retention: entries older than CHANGES_RETENTION_DAYS are pruned by the worker (`prune`); a cursor
that would need pruned entries, or that is behind by more than the retention, is refused
(`CursorExpired`, 410 in the API) and the client syncs in full again.
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType as DjangoContentType
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from wagtail.models import Page, Site

from . import registry
from .models import ChangeEntry, ChangeHead, PublicItem
from .visibility import visible_pages

UPSERT = ChangeEntry.UPSERT
DELETE = ChangeEntry.DELETE
_CURSOR_PREFIX = "c"
_BATCH = 500


class CursorExpired(Exception):
    """The cursor or moment lies before what the feed still holds: sync in full, then go on."""


class InvalidCursor(ValueError):
    """Not a cursor this feed handed out."""


def retention() -> timedelta:
    return timedelta(days=settings.CHANGES_RETENTION_DAYS)


# --- cursors -------------------------------------------------------------------------------------


def encode_cursor(sequence: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{sequence}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The sequence number behind a cursor; InvalidCursor for anything else."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidCursor(cursor) from None
    digits = raw.removeprefix(_CURSOR_PREFIX)
    if not raw.startswith(_CURSOR_PREFIX) or not digits.isdigit() or len(digits) > 18:
        raise InvalidCursor(cursor)
    return int(digits)


# --- writing -------------------------------------------------------------------------------------


def _fresh_start() -> int:
    return time.time_ns() // 1000


def _locked_head() -> ChangeHead:
    """The head row under a lock held until the transaction ends (created on first use)."""
    head = ChangeHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        start = _fresh_start()
        ChangeHead.objects.get_or_create(pk=1, defaults={"last_sequence": start, "pruned_through": start})
        head = ChangeHead.objects.select_for_update().get(pk=1)
    return head


def _type_names() -> dict[int, str]:
    """Django content type id → API type of every registered content type."""
    models = {content_type.model: content_type.name for content_type in registry.types()}
    found = DjangoContentType.objects.get_for_models(*models, for_concrete_models=False)
    return {django_type.pk: models[model] for model, django_type in found.items()}


def pages_changed(page_ids: Iterable[int], *, edited: bool) -> set[int]:
    """These pages changed (published, unpublished, deleted): announce what that changed publicly.

    `edited`: their content may have changed, so a page public before and after is announced again.
    Returns the ids of the items announced (empty: nothing public changed).
    """
    ids = sorted(set(page_ids))
    if not ids:
        return set()
    return _record(Q(pk__in=ids), Q(item_id__in=ids), edited=edited)


def subtree_changed(path: str, *, edited: bool) -> set[int]:
    """Every page under a tree path may have changed visibility (a move, a restriction, a site root)."""
    under = Page.objects.filter(path__startswith=path).values("pk")
    return _record(Q(path__startswith=path), Q(item_id__in=under), edited=edited)


def reconcile() -> set[int]:
    """Compare every item of every site with what the feed last said (sites and locales changed; the
    worker's daily check, which also announces everything public once after the feed is installed)."""
    return _record(Q(), Q(), edited=False)


def _record(pages: Q, announced: Q, *, edited: bool) -> set[int]:
    types = _type_names()
    # Part of the change's transaction (no savepoint of its own): the head's lock is held to its end.
    with transaction.atomic(savepoint=False):
        head = _locked_head()  # first: what the feed last said is read only by the lock holder
        now = timezone.now()
        entries: list[ChangeEntry] = []
        for site in Site.objects.order_by("pk"):
            public = {
                pk: (types[content_type], locale)
                for pk, content_type, locale in visible_pages(
                    Page.objects.filter(pages, content_type_id__in=list(types)), site
                ).values_list("pk", "content_type_id", "locale__language_code")
            }
            before = {
                row.item_id: row
                for row in PublicItem.objects.filter(announced, site=site).order_by("item_id")
            }
            gone = [row for pk, row in before.items() if pk not in public]
            new = [pk for pk in public if pk not in before]
            shown = sorted(pk for pk in public if edited or pk not in before)
            found = [(pk, *public[pk], UPSERT) for pk in shown]
            found += [(row.item_id, row.item_type, row.locale, DELETE) for row in gone]
            for item_id, item_type, locale, action in sorted(found):
                head.last_sequence += 1
                entries.append(
                    ChangeEntry(
                        sequence=head.last_sequence,
                        site=site,
                        item_type=item_type,
                        item_id=item_id,
                        locale=locale,
                        action=action,
                        changed_at=now,
                    )
                )
            for start in range(0, len(gone), _BATCH):  # (a site root's change may take thousands)
                PublicItem.objects.filter(pk__in=[row.pk for row in gone[start : start + _BATCH]]).delete()
            PublicItem.objects.bulk_create(
                [
                    PublicItem(site=site, item_id=pk, item_type=public[pk][0], locale=public[pk][1])
                    for pk in new
                ],
                batch_size=_BATCH,
            )
        if entries:
            ChangeEntry.objects.bulk_create(entries, batch_size=_BATCH)
            ChangeHead.objects.filter(pk=1).update(last_sequence=head.last_sequence)
    return {entry.item_id for entry in entries}


def prune(now: datetime | None = None) -> int:
    """Delete the entries older than the retention (the worker, daily); returns how many went."""
    cutoff = (now or timezone.now()) - retention()
    with transaction.atomic():
        head = _locked_head()
        old = ChangeEntry.objects.filter(changed_at__lt=cutoff).aggregate(
            through=Max("sequence"), until=Max("changed_at")
        )
        if old["through"] is None:
            return 0
        deleted, _by_model = ChangeEntry.objects.filter(sequence__lte=old["through"]).delete()
        head.pruned_through = max(head.pruned_through, old["through"])
        head.pruned_until = max(filter(None, (head.pruned_until, old["until"])))
        head.save(update_fields=["pruned_through", "pruned_until"])
    return deleted


# --- reading -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedPage:
    entries: list[ChangeEntry]
    next_sequence: int  # the cursor to ask with next time
    has_more: bool


def _head() -> ChangeHead:
    head = ChangeHead.objects.filter(pk=1).first()
    if head is None:  # nothing written yet (a database flushed by tests)
        start = _fresh_start()
        return ChangeHead(last_sequence=start, pruned_through=start)
    return head


def after_moment(moment: datetime, now: datetime | None = None) -> int:
    """The sequence a reader starts after to get every change from `moment` on."""
    now = now or timezone.now()
    head = _head()
    if moment < now - retention() or (head.pruned_until is not None and moment <= head.pruned_until):
        raise CursorExpired
    found = (
        ChangeEntry.objects.filter(changed_at__gte=moment)
        .order_by("sequence")
        .values_list("sequence", flat=True)
        .first()
    )
    return found - 1 if found is not None else head.last_sequence


def read(
    site: Site,
    after: int | None,
    *,
    types: Iterable[str] = (),
    locale: str | None = None,
    limit: int = 100,
    now: datetime | None = None,
) -> FeedPage:
    """Up to `limit` entries of the site after sequence `after` (None: from the oldest kept).

    Raises CursorExpired when entries after `after` were pruned or are older than the retention,
    or when `after` lies beyond the last entry (a cursor of another database).
    """
    now = now or timezone.now()
    head = _head()  # read first: every entry up to its number has committed
    start = head.pruned_through if after is None else after
    if start > head.last_sequence:
        raise CursorExpired
    rows = ChangeEntry.objects.filter(site=site, sequence__gt=start, sequence__lte=head.last_sequence)
    if types:
        rows = rows.filter(item_type__in=list(types))
    if locale:
        rows = rows.filter(locale=locale)
    entries = list(rows.order_by("sequence")[: limit + 1])
    # Read again after the entries: a prune that ran meanwhile may have taken some of them.
    if start < _head().pruned_through:
        raise CursorExpired
    if after is not None:
        following = ChangeEntry.objects.filter(sequence__gt=start).order_by("sequence").first()
        if following is not None and following.changed_at < now - retention():
            raise CursorExpired
    has_more = len(entries) > limit
    entries = entries[:limit]
    return FeedPage(entries, entries[-1].sequence if has_more else head.last_sequence, has_more)
