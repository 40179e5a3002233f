"""Refresh the materialised occurrences of every live event so the horizon keeps moving."""

import time

from django.core.management.base import BaseCommand

from tourism.services.occurrences import extend_all


class Command(BaseCommand):
    help = "Rewrite event occurrences up to the configured horizon (the worker does this daily by itself)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Enqueue the django-tasks task instead of running here."
        )

    def handle(self, *args, enqueue: bool = False, **options):
        if enqueue:
            from tourism.tasks import extend_occurrence_horizon

            result = extend_occurrence_horizon.enqueue()
            self.stdout.write(f"Enqueued task {result.id}")
            return
        started = time.monotonic()

        def progress(count: int) -> None:
            if count % 100 == 0:
                self.stdout.write(f"  {count} events …")

        events, occurrences = extend_all(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Refreshed {events} events, {occurrences} occurrences in {time.monotonic() - started:.1f} s"
            )
        )
