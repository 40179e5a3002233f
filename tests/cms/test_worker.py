"""A worker that dies with a task in hand (killed, out of memory, a restart) leaves it RUNNING; the next
worker round of this machine queues it again and the office's job finishes — but not for ever, and
never a task whose worker is alive or runs on another machine.

The state a killed worker leaves is made as it arises: a real bulk translation job queued, then
claimed by django-tasks-db's own `claim` under the id of a process that has exited.
"""

from __future__ import annotations

import os
import socket
import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

import cms.worker
from cms.scheduling import Scheduler
from cms.translation import bulk, tasks
from cms.translation.config import machine_translator
from cms.translation.models import BulkTranslationJob
from cms.worker import MAX_RUNS, WorkerProcess
from tests.factories import SiteTree
from tests.worlds import built_once, fresh
from tourism.models import PointOfInterest

pytestmark = pytest.mark.django_db

HOST = socket.gethostname()


def build() -> dict:
    tree = SiteTree()
    pois = [tree.poi(title=f"Markt {n}", slug=f"markt-{n}") for n in range(2)]
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "pw")
    return {"tree": tree, "pois": pois, "admin": admin}


world = built_once(build)


@pytest.fixture
def w(world, monkeypatch):
    # Connection recycling would close the test's transaction on PostgreSQL (see run_tasks).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    monkeypatch.setattr(cms.worker, "close_old_connections", lambda: None)
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=machine_translator("dummy")):
        yield fresh(world)


def dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def queued_job(w, django_capture_on_commit_callbacks) -> tuple[BulkTranslationJob, DBTaskResult]:
    with django_capture_on_commit_callbacks(execute=True):
        job = bulk.create_job(w["admin"], w["pois"], [Locale.objects.get(language_code="en")])
        tasks.queue(job)
    return job, DBTaskResult.objects.get(status="READY")


def claimed_by(result: DBTaskResult, *worker_ids: str) -> None:
    for worker_id in worker_ids:
        result.claim(worker_id)  # what the worker writes when it takes the task, then it died


def round_of(worker_id: str, worker: WorkerProcess | None = None) -> WorkerProcess:
    worker = worker or WorkerProcess(worker_id=worker_id, scheduler=Scheduler(worker_id, jobs=[]))
    worker.run_round()
    return worker


def english_drafts() -> int:
    return PointOfInterest.objects.filter(locale__language_code="en").count()


def test_a_job_left_running_by_a_dead_worker_is_run_again_and_finishes(w, django_capture_on_commit_callbacks):
    job, result = queued_job(w, django_capture_on_commit_callbacks)
    claimed_by(result, f"{HOST}-{dead_pid()}")
    round_of(f"{HOST}-{os.getpid()}")
    result.refresh_from_db()
    job.refresh_from_db()
    assert result.status == "SUCCESSFUL"
    assert job.status == BulkTranslationJob.FINISHED
    assert english_drafts() == 2


def test_a_live_worker_and_another_machine_keep_their_tasks(w, django_capture_on_commit_callbacks):
    _, result = queued_job(w, django_capture_on_commit_callbacks)
    for owner in (f"{HOST}-{os.getpid()}", f"anderer-rechner-{dead_pid()}", "kiosk-worker"):
        claimed_by(result, owner)
        round_of(f"{HOST}-{dead_pid()}")
        result.refresh_from_db()
        assert result.status == "RUNNING", owner
        DBTaskResult.objects.filter(pk=result.pk).update(worker_ids=[])
    assert english_drafts() == 0


def test_a_worker_restarted_under_its_own_id_takes_back_its_task_only_when_it_starts(
    w, django_capture_on_commit_callbacks
):
    # A container's worker comes back with the same id (same host name, same pid): at its start it
    # has run nothing, so a task under its id is from its life before.
    _, result = queued_job(w, django_capture_on_commit_callbacks)
    worker = round_of("container-worker")  # started: nothing left yet; runs the queued task
    assert DBTaskResult.objects.get(pk=result.pk).status == "SUCCESSFUL"
    _, second = queued_job(w, django_capture_on_commit_callbacks)
    claimed_by(second, "container-worker")
    round_of("container-worker", worker)  # the same life: its own task is in hand, not orphaned
    assert DBTaskResult.objects.get(pk=second.pk).status == "RUNNING"
    round_of("container-worker")  # a new life under the same id
    assert DBTaskResult.objects.get(pk=second.pk).status == "SUCCESSFUL"


def test_a_task_its_worker_died_on_again_and_again_is_failed_not_run(w, django_capture_on_commit_callbacks):
    job, result = queued_job(w, django_capture_on_commit_callbacks)
    claimed_by(result, *(f"{HOST}-{dead_pid()}" for _ in range(MAX_RUNS)))
    round_of(f"{HOST}-{os.getpid()}")
    result.refresh_from_db()
    assert result.status == "FAILED"
    assert "stopped while running this task, 3 times" in result.traceback
    assert english_drafts() == 0
    # The office's job page no longer says it runs: its pages are failed, with the German reason.
    job.refresh_from_db()
    assert job.status == BulkTranslationJob.FINISHED
    assert set(job.items.values_list("status", "reason")) == {
        ("failed", "Die Übersetzung brach vor dieser Seite ab (Einzelheiten im Protokoll des Workers).")
    }
