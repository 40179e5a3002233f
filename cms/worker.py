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
"""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Worker as TaskWorker

from .scheduling import Scheduler

logger = logging.getLogger(__name__)

TASKS_PER_ROUND = 20
PAUSE_AFTER_ERROR_SECONDS = 5.0
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


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
