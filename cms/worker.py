"""The background worker process (`manage.py worker`): queued tasks and the periodic jobs, no cron.

Why one loop in the worker, not cron, a thread or self-re-enqueuing tasks:
- The office runs what `make run` (or the image's worker container) starts and nothing else; so the
  process that already runs the queued tasks also keeps the clock.
- One thread: a round claims and runs the due jobs (cms.scheduling), then the ready tasks
  (django-tasks-db's own worker, in batches of at most TASKS_PER_ROUND so a long queue cannot hold
  back go-live times for long), then sleeps the poll interval. No second thread shares connections
  or has to be stopped.
- Tasks that enqueue their own next run (`run_after`) need someone to start the chain, break when
  one run is lost, multiply when two workers start it, and leave a task record per minute; the
  marker row per job (cms.models.ScheduledJob) has none of that and survives restarts, so a
  restart neither skips nor repeats the daily job.
- Several workers are safe: one claims each tick, and publishing re-checks every object under a row
  lock (see cms.scheduling).
- A failing job or round is logged and the loop goes on. SIGTERM or SIGINT finishes the task or tick
  in hand, then exits with status 0; a second signal ends the process at once (the database rolls
  back what was in hand).
- A worker that dies with a task in hand (killed, out of memory, the machine restarted) leaves it
  RUNNING, and django-tasks-db never looks at it again: a bulk translation would say "läuft" for
  ever. Each worker, when it starts and every ORPHAN_CHECK_SECONDS, puts such tasks of its own
  machine back in the queue (`requeue_orphaned_tasks`); our tasks go on where they were cut short.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
from types import FrameType

from django.db import close_old_connections, transaction
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.management.commands.db_worker import Worker as TaskWorker
from django_tasks_db.models import DBTaskResult

from .scheduling import Scheduler

logger = logging.getLogger(__name__)

TASKS_PER_ROUND = 20
PAUSE_AFTER_ERROR_SECONDS = 5.0
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
ORPHAN_CHECK_SECONDS = 60.0
# A task whose worker died this many times while running it is failed, not run again: it may be
# what kills the worker (memory), and must not do so for ever.
MAX_RUNS = 3


class WorkerDied(Exception):
    """The worker stopped while it ran the task (killed, out of memory, the machine restarted)."""


def _is_dead_worker_of_this_host(worker_id: str, host: str) -> bool:
    """A worker id of the default form host-pid whose process is gone from this machine."""
    name, _, pid = worker_id.rpartition("-")
    if name != host or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # a process of another user has that pid now: not our worker, alive
        return False
    return False


def requeue_orphaned_tasks(worker_id: str, starting: bool = False) -> int:
    """Put back in the queue the tasks a dead worker of this machine left RUNNING; the count.

    Dead: its id is host-pid (the default) with this host and no such process; or, when this worker
    is `starting`, its own id — a worker restarted under a fixed id (a container whose process has
    the same pid again) runs nothing yet. Tasks of other machines are left to their own workers.
    """
    host = socket.gethostname()
    orphans = [
        result
        for result in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).only("id", "worker_ids")
        if result.worker_ids
        and (
            (starting and result.worker_ids[-1] == worker_id)
            or _is_dead_worker_of_this_host(result.worker_ids[-1], host)
        )
    ]
    for orphan in orphans:
        with transaction.atomic():
            result = DBTaskResult.objects.select_for_update().filter(
                pk=orphan.pk, status=TaskResultStatus.RUNNING
            )
            result = result.first()
            if result is None:
                continue
            if len(result.worker_ids) >= MAX_RUNS:
                logger.error(
                    "Task %s (%s): its worker stopped %d times while running it; failed, not run again",
                    result.pk,
                    result.task_path,
                    len(result.worker_ids),
                )
                # As django-tasks-db's worker fails a task, so what follows its end (a job's page) hears.
                result.set_failed(
                    WorkerDied(f"The worker stopped while running this task, {MAX_RUNS} times.")
                )
                task_finished.send(sender=type(result.task.get_backend()), task_result=result.task_result)
                continue
            logger.warning(
                "Task %s (%s): its worker %s stopped while running it; queued again",
                result.pk,
                result.task_path,
                result.worker_ids[-1],
            )
            result.status = TaskResultStatus.READY
            result.started_at = None
            result.save(update_fields=["status", "started_at"])
    return len(orphans)


class _TaskBatch(TaskWorker):
    """django-tasks-db's worker in batch mode, counting what it ran."""

    ran = 0

    def run_task(self, db_task_result) -> None:
        try:
            super().run_task(db_task_result)
        finally:
            self.ran += 1


class WorkerProcess:
    def __init__(
        self,
        *,
        worker_id: str,
        backend_name: str = "worker",
        queue_names: list[str] | None = None,
        interval: float = 1.0,
        scheduler: Scheduler | None = None,
    ) -> None:
        self.worker_id = worker_id
        self.backend_name = backend_name
        self.queue_names = queue_names or ["default"]
        self.interval = interval
        self.scheduler = scheduler or Scheduler(worker_id)
        self._stopping = threading.Event()
        self._batch: _TaskBatch | None = None
        self._handled: list[signal.Signals] = []
        self._orphans_checked: float | None = None  # monotonic time of the last check; None: never

    def install_signal_handlers(self) -> None:
        """Catch SIGTERM and SIGINT, except one ignored from the start: a background job of a shell
        (`make run`) ignores the terminal's Ctrl+C and gets its SIGTERM from the shell's trap; caught,
        the two would count as "again" and cut the work in hand short."""
        self._handled = [s for s in STOP_SIGNALS if signal.getsignal(s) is not signal.SIG_IGN]
        for signum in self._handled:
            signal.signal(signum, self._on_signal)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        logger.warning(
            "Received %s: stopping after the work in hand (again to stop at once)", signal.strsignal(signum)
        )
        for handled in self._handled:
            signal.signal(handled, signal.SIG_DFL)
        self.stop()

    def stop(self) -> None:
        self._stopping.set()
        if self._batch is not None:
            self._batch.running = False

    def run(self) -> None:
        jobs = ", ".join(f"{job.name} every {job.every}" for job in self.scheduler.jobs)
        logger.info(
            "Worker %s started: tasks of backend %r (queues %s); scheduled jobs: %s",
            self.worker_id,
            self.backend_name,
            ",".join(self.queue_names),
            jobs or "none",
        )
        while not self._stopping.is_set():
            try:
                busy = self.run_round()
            except Exception:
                logger.exception("Worker round failed; trying again in %.0f s", PAUSE_AFTER_ERROR_SECONDS)
                self._stopping.wait(PAUSE_AFTER_ERROR_SECONDS)
                continue
            if not busy:
                self._stopping.wait(self.interval)
        close_old_connections()
        logger.info("Worker %s stopped", self.worker_id)

    def run_round(self) -> bool:
        """The due jobs, then up to TASKS_PER_ROUND ready tasks; True if tasks may be waiting still."""
        close_old_connections()
        try:
            self.scheduler.run_pending()
            if self._stopping.is_set():
                return False
            now = time.monotonic()
            if self._orphans_checked is None or now - self._orphans_checked >= ORPHAN_CHECK_SECONDS:
                requeue_orphaned_tasks(self.worker_id, starting=self._orphans_checked is None)
                self._orphans_checked = now
            self._batch = _TaskBatch(
                queue_names=self.queue_names,
                interval=self.interval,
                batch=True,
                backend_name=self.backend_name,
                startup_delay=False,
                max_tasks=TASKS_PER_ROUND,
                worker_id=self.worker_id,
                excluded_queue_names=[],
            )
            if self._stopping.is_set():  # a signal came while the batch was made
                return False
            self._batch.run()
            return self._batch.ran >= TASKS_PER_ROUND
        finally:
            self._batch = None
            close_old_connections()
