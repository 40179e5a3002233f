"""`manage.py worker`: the background worker, queued tasks plus scheduled publishing (cms.worker)."""

import logging
import os
import socket

from django.core.management.base import BaseCommand
from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands.db_worker import (
    valid_backend_name,
    valid_interval,
    validate_worker_id,
)

from cms.worker import WorkerProcess

LEVELS = {0: logging.WARNING, 1: logging.INFO}


class Command(BaseCommand):
    help = (
        "Run the background worker: queued tasks (webhooks, occurrence horizon) and the scheduled jobs "
        "(go-live and expiry every SCHEDULED_PUBLISHING_SECONDS, the occurrence horizon daily). "
        "Stops cleanly on SIGTERM or SIGINT."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--backend",
            default="worker",
            type=valid_backend_name,
            dest="backend_name",
            help="Task backend to work for (default: %(default)r).",
        )
        parser.add_argument(
            "--queue-name",
            default="default",
            help="Queues to process, comma-separated; '*' for all (default: %(default)r).",
        )
        parser.add_argument(
            "--interval",
            default=1.0,
            type=valid_interval,
            help="Seconds to wait when there is nothing to do (default: %(default)r).",
        )
        parser.add_argument(
            "--worker-id",
            type=validate_worker_id,
            default=f"{socket.gethostname()}-{os.getpid()}"[:64],
            help="Name of this worker in task records and job markers (default: host-pid).",
        )

    def handle(
        self,
        *,
        backend_name: str,
        queue_name: str,
        interval: float,
        worker_id: str,
        verbosity: int,
        **options,
    ) -> None:
        level = LEVELS.get(verbosity, logging.DEBUG)
        for name in (TASKS_LOGGER, "cms"):
            logging.getLogger(name).setLevel(level)
        # The task batches would log a start and an end line every second.
        logging.getLogger("django_tasks_db").setLevel(max(level, logging.WARNING))
        worker = WorkerProcess(
            worker_id=worker_id,
            backend_name=backend_name,
            queue_names=queue_name.split(","),
            interval=interval,
        )
        worker.install_signal_handlers()
        worker.run()
