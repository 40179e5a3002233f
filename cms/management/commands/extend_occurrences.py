"""Refresh the materialised occurrences of every live event so the horizon keeps moving."""

import time

from django.core.management.base import BaseCommand

from cms.publishing import extend_occurrence_horizon
from cms.tasks import extend_occurrence_horizon as horizon_task


class Command(BaseCommand):
    help = "Rewrite event occurrences up to the configured horizon (the worker does this daily by itself)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Enqueue the django-tasks task instead of running here."
        )

    def handle(self, *args, enqueue: bool = False, **options):
        if enqueue:
            result = horizon_task.enqueue()
            self.stdout.write(f"Enqueued task {result.id}")
            return
        started = time.monotonic()

        def progress(count: int) -> None:
            if count % 100 == 0:
                self.stdout.write(f"  {count} events …")

        events, occurrences = extend_occurrence_horizon(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Refreshed {events} events, {occurrences} occurrences in {time.monotonic() - started:.1f} s"
            )
        )
