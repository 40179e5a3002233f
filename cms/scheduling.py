"""Scheduled go-live and expiry without cron, and the other periodic jobs of the worker process.

`publish_scheduled` does what Wagtail's `publish_scheduled` command does, through Wagtail's own
publish and unpublish, so the signals fire and Roland's publish pipeline runs exactly as for an
editor's click. The worker (cms.worker) calls it every SCHEDULED_PUBLISHING_SECONDS through the
`Scheduler` here. Daily jobs move the occurrence horizon on and keep the change feed (announce what
it missed, prune what is older than its retention).

Two guards keep several workers from doing the same work twice, on SQLite and PostgreSQL alike:
- a tick is claimed by a conditional UPDATE of its `ScheduledJob.started_at` (the due marker): of
  workers reaching the same tick, exactly one moves it on and runs it;
- each object is published in its own transaction that first re-reads it under a row lock
  (`select_for_update(skip_locked=True)`; SQLite's immediate transactions serialise instead) and
  skips it unless it is still due, so even overlapping ticks (one slower than the interval, or a
  stale list) publish nothing twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, models, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision

from media import uploads
from sites import fleet, submissions
from tourism.tasks import refresh_due_import_sources

from . import editing, publishing
from .models import ScheduledJob

logger = logging.getLogger(__name__)


# --- scheduled publishing --------------------------------------------------------------------


@dataclass
class ScheduledPublishing:
    """What one run did; `skipped` objects were no longer due when their turn came (another worker)."""

    published: int = 0
    unpublished: int = 0
    failed: int = 0
    skipped: int = 0

    def __bool__(self) -> bool:
        return bool(self.published or self.unpublished or self.failed)

    def __str__(self) -> str:
        return (
            f"{self.published} published, {self.unpublished} unpublished, "
            f"{self.failed} failed, {self.skipped} skipped"
        )


def scheduled_models() -> list[type[models.Model]]:
    """Pages and every other model with go-live and expiry dates, as Wagtail's command has them."""
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def publish_scheduled() -> ScheduledPublishing:
    """Publish the approved revisions whose go-live time has come, then unpublish what has expired.

    Going live first means that a revision whose expiry has also passed (the worker was down) ends
    the run offline rather than live until the next run. Each object is its own transaction: a
    failure is logged with the object and rolled back (it is tried again next run), the rest go on.
    """
    result = ScheduledPublishing()
    due = (
        Revision.objects.filter(approved_go_live_at__lt=timezone.now())
        .order_by("approved_go_live_at", "pk")
        .values_list("pk", "content_type__app_label", "content_type__model", "object_id", "object_str")
    )
    for pk, app_label, model_name, object_id, title in list(due):
        label = f"{app_label}.{model_name} {object_id} «{title}» (revision {pk})"
        _count(result, "published", _each("publishing", label, lambda pk=pk: _publish_revision(pk)))
    for model in scheduled_models():
        expired = model._default_manager.filter(live=True, expire_at__lt=timezone.now()).order_by(
            "expire_at", "pk"
        )
        if model is Page:
            expired = expired.only("pk", "title")
        for obj in list(expired):
            label = f"{model._meta.label_lower} {obj.pk} «{obj}»"
            _count(
                result,
                "unpublished",
                _each("unpublishing", label, lambda model=model, pk=obj.pk: _unpublish_expired(model, pk)),
            )
    return result


def _publish_revision(revision_id: int) -> bool:
    revision = (
        Revision.objects.select_for_update(skip_locked=True)
        .filter(pk=revision_id, approved_go_live_at__lt=timezone.now())
        .first()
    )
    if revision is None:  # published, rescheduled or withdrawn meanwhile, or in another worker's hands
        return False
    # The approved go-live time has passed, so Wagtail's publish makes the object live now.
    revision.publish(log_action="wagtail.publish.scheduled")
    return True


def _unpublish_expired(model: type[models.Model], pk: int) -> bool:
    obj = (
        model._default_manager.select_for_update(skip_locked=True)
        .filter(pk=pk, live=True, expire_at__lt=timezone.now())
        .first()
    )
    if obj is None:
        return False
    obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
    return True


def _each(doing: str, label: str, action: Callable[[], bool]) -> bool | None:
    """Run one object's action in its own transaction: True done, False no longer due, None failed."""
    try:
        with transaction.atomic():
            return action()
    except Exception:
        logger.exception("Scheduled %s of %s failed", doing, label)
        return None


def _count(result: ScheduledPublishing, done_field: str, outcome: bool | None) -> None:
    if outcome is None:
        result.failed += 1
    elif outcome:
        setattr(result, done_field, getattr(result, done_field) + 1)
    else:
        result.skipped += 1


def extend_occurrence_horizon() -> dict[str, int]:
    """The daily move of the occurrence horizon (the job behind `manage.py extend_occurrences`)."""
    events, occurrences = publishing.extend_occurrence_horizon()
    return {"events": events, "occurrences": occurrences}


def delete_submission_contacts() -> dict[str, int]:
    """The daily deletion of submitters' e-mail addresses past SUBMISSION_CONTACT_RETENTION_DAYS."""
    return {"deleted": submissions.delete_old_contacts()}


def delete_abandoned_uploads() -> dict[str, int]:
    """The hourly deletion of the multiple uploader's files for forms never finished."""
    return {"deleted": uploads.delete_abandoned_uploads()}


def delete_abandoned_drafts() -> dict[str, int]:
    """The hourly deletion of new pages only an autosave saved, left alone (cms.editing)."""
    return {"deleted": editing.delete_abandoned_drafts()}


# --- periodic jobs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    run: Callable[[], object]  # its result is logged; a falsy one (nothing done) only at DEBUG


def default_jobs() -> list[Job]:
    return [
        Job("publish_scheduled", timedelta(seconds=settings.SCHEDULED_PUBLISHING_SECONDS), publish_scheduled),
        Job("extend_occurrences", timedelta(days=1), extend_occurrence_horizon),
        Job("keep_change_feed", timedelta(days=1), publishing.keep_change_feed),
        Job("watch_kiosks", timedelta(minutes=1), fleet.watch_screens),
        Job("delete_submission_contacts", timedelta(days=1), delete_submission_contacts),
        Job("delete_abandoned_uploads", timedelta(hours=1), delete_abandoned_uploads),
        Job("delete_abandoned_drafts", timedelta(hours=1), delete_abandoned_drafts),
        Job("import_sources", timedelta(seconds=settings.IMPORT_CHECK_SECONDS), refresh_due_import_sources),
    ]


def claim(job: Job, worker_id: str, now: datetime) -> bool:
    """Take the job's tick if it is due: one conditional UPDATE, so only one worker gets it."""
    due = Q(started_at__isnull=True) | Q(started_at__lte=now - job.every)
    rows = ScheduledJob.objects.filter(due, name=job.name)
    if rows.update(started_at=now, worker_id=worker_id[:64]):
        return True
    if ScheduledJob.objects.filter(name=job.name).exists():
        return False
    # First run ever: create the marker (a concurrent worker may do the same), then claim as usual.
    ScheduledJob.objects.bulk_create([ScheduledJob(name=job.name)], ignore_conflicts=True)
    return bool(rows.update(started_at=now, worker_id=worker_id[:64]))


class Scheduler:
    """Runs the jobs that are due, each at most once per interval across all workers.

    Between ticks it asks the database nothing: it remembers when each job is next due.
    """

    def __init__(self, worker_id: str, jobs: Iterable[Job] | None = None) -> None:
        self.worker_id = worker_id
        self.jobs = list(default_jobs() if jobs is None else jobs)
        self._next_check: dict[str, datetime] = {}

    def run_pending(self, now: datetime | None = None) -> list[str]:
        """Claim and run every due job; returns the names of those run here. Never raises."""
        ran = []
        for job in self.jobs:
            moment = now or timezone.now()
            if moment < self._next_check.get(job.name, moment):
                continue
            try:
                claimed = claim(job, self.worker_id, moment)
            except DatabaseError:
                logger.exception("Could not claim the scheduled job %s; trying again shortly", job.name)
                self._next_check[job.name] = moment + min(job.every, timedelta(seconds=10))
                continue
            if claimed:
                self._run(job, moment)
                ran.append(job.name)
                self._next_check[job.name] = moment + job.every
            else:
                self._next_check[job.name] = self._next_due(job, moment)
        return ran

    def _run(self, job: Job, started_at: datetime) -> None:
        began = time.monotonic()
        try:
            result = job.run()
        except Exception as error:
            logger.exception("Scheduled job %s failed", job.name)
            succeeded, outcome = False, f"{type(error).__name__}: {error}"
        else:
            succeeded, outcome = True, str(result)
            level = logging.INFO if result else logging.DEBUG
            logger.log(level, "Scheduled job %s: %s (%.1f s)", job.name, outcome, time.monotonic() - began)
        try:
            ScheduledJob.objects.filter(name=job.name, started_at=started_at).update(
                finished_at=timezone.now(), succeeded=succeeded, outcome=outcome[:500]
            )
        except DatabaseError:
            logger.exception("Could not record the outcome of the scheduled job %s", job.name)

    def _next_due(self, job: Job, now: datetime) -> datetime:
        try:
            started_at = (
                ScheduledJob.objects.filter(name=job.name).values_list("started_at", flat=True).first()
            )
        except DatabaseError:
            started_at = None
        return (started_at or now) + job.every
