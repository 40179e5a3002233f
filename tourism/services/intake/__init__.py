"""Imports from partners' calendars and lists: fetch → parse → apply, and the scheduled refresh.

`run_import` is what the admin, the command line (`import_source`) and the worker call. A source that
cannot be fetched or read fails as a whole before any item is touched; after that each item is its
own transaction, so an error in item 17 leaves items 1–16 imported and nothing half-written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ...models import ImportRun, ImportSource, RunStatus, SourceKind
from . import ical, jsonld, tables
from .apply import LOG_ACTION, Report, apply
from .fetch import fetch
from .records import Parsed, SourceError

__all__ = [
    "LOG_ACTION",
    "Report",
    "SourceError",
    "backoff",
    "claim_due_sources",
    "fetch",
    "guess_kind",
    "parse",
    "read_source",
    "run_import",
]

logger = logging.getLogger(__name__)

BACKOFF_FIRST = timedelta(minutes=5)


def guess_kind(data: bytes) -> str:
    """iCalendar and JSON-LD say what they are in their first bytes; anything else is read as CSV."""
    if ical.looks_like(data):
        return SourceKind.ICAL
    if jsonld.looks_like(data):
        return SourceKind.JSONLD
    return SourceKind.CSV


def read_source(source: ImportSource) -> bytes:
    if source.url:
        return fetch(source.url, source.kind).body
    if source.file:
        with source.file.open("rb") as handle:
            return handle.read()
    raise SourceError(_("The source has neither a URL nor a file."))


def parse(source: ImportSource, data: bytes) -> Parsed:
    if source.kind == SourceKind.ICAL:
        return ical.parse(data)
    if source.kind == SourceKind.JSONLD:
        return jsonld.parse(data)
    return tables.parse(data, source.column_mapping, encoding=source.encoding, delimiter=source.delimiter)


def run_import(
    source: ImportSource,
    *,
    dry_run: bool = False,
    content: bytes | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportRun:
    """One run, logged as an ImportRun with its report; `content` instead of reading the source."""
    run = ImportRun.objects.create(source=source, dry_run=dry_run)
    try:
        parsed = parse(source, read_source(source) if content is None else content)
        if not parsed.seen and source.items.filter(present=True).exists():
            # A partner's broken export, not the end of every event: nothing is removed.
            raise SourceError(
                _("The source lists nothing at all; the items imported before are left as they are.")
            )
    except SourceError as error:
        run.status, run.report = RunStatus.FAILED, {"error": str(error)}
        run.finished_at = timezone.now()
        run.save()
        logger.warning("Import source %s failed: %s", source.slug, error)
        return run
    report = apply(source, parsed, dry_run=dry_run, progress=progress)
    run.created, run.changed, run.unchanged = len(report.new), len(report.changed), report.unchanged
    run.removed, run.conflicts, run.errors = len(report.removed), len(report.conflicts), len(report.errors)
    run.report = report.as_dict()
    run.status = RunStatus.PARTIAL if report.errors else RunStatus.SUCCEEDED
    run.finished_at = timezone.now()
    run.save()
    return run


# --- scheduled refresh ---------------------------------------------------------------------------


def backoff(source: ImportSource) -> timedelta:
    """After the n-th failure in a row: 5, 10, 20 … minutes, never longer than the source's interval."""
    interval = timedelta(minutes=source.refresh_minutes or 1440)
    return min(interval, BACKOFF_FIRST * 2 ** max(source.failures - 1, 0))


def claim_due_sources(now: datetime | None = None) -> list[int]:
    """Sources whose refresh is due, each claimed by one conditional UPDATE (one worker gets it).

    The claim moves `next_run_at` an interval on; `finish_refresh` sets it from the outcome.
    """
    now = now or timezone.now()
    due = Q(next_run_at__isnull=True) | Q(next_run_at__lte=now)
    claimed = []
    for pk, refresh, next_run_at in ImportSource.objects.filter(due, refresh_minutes__gt=0).values_list(
        "pk", "refresh_minutes", "next_run_at"
    ):
        rows = (
            ImportSource.objects.filter(pk=pk, next_run_at=next_run_at)
            if next_run_at
            else (ImportSource.objects.filter(pk=pk, next_run_at__isnull=True))
        )
        if rows.update(next_run_at=now + timedelta(minutes=refresh)):
            claimed.append(pk)
    return claimed


def refresh(source_id: int) -> ImportRun | None:
    """The scheduled run of one source; a failure counts towards the back-off, a success resets it."""
    source = ImportSource.objects.filter(pk=source_id).first()
    if source is None:
        return None
    run = run_import(source)
    now = timezone.now()
    if run.status == RunStatus.FAILED:
        ImportSource.objects.filter(pk=source.pk).update(failures=F("failures") + 1)
        source.refresh_from_db(fields=["failures"])
        ImportSource.objects.filter(pk=source.pk).update(next_run_at=now + backoff(source))
    else:
        ImportSource.objects.filter(pk=source.pk).update(
            failures=0, next_run_at=now + timedelta(minutes=source.refresh_minutes or 1440)
        )
    return run
