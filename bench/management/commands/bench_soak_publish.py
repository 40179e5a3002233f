"""The soak's editor: publishes a revision of its own event for every title read on stdin.

Each publish runs the project's publish pipeline (occurrences, search entry, versions, webhooks),
then the tasks it queued, as the worker would. The event is created on start (today, all day, weekly)
so it heads today's event lists, and deleted at the end of input; the bench data stay unchanged.
Prints one JSON line on start (`event_id`, `start`) and one per publish.
"""

import json
import sys
import time
from datetime import time as clock

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from bench.tasks import run_due_tasks
from tourism.models import Event, EventIndexPage

SLUG = "bench-soak"


def soak_event() -> Event:
    """The soak's event, live from today; a leftover of an interrupted run is reused."""
    event = Event.objects.filter(slug=SLUG).first()
    if event is None:
        index = EventIndexPage.objects.filter(locale__language_code="de").first()
        event = Event(
            title="Soak: Stadtführung",
            slug=SLUG,
            teaser="Wird während des Soaks alle paar Sekunden neu veröffentlicht.",
            start_date=timezone.localdate(),
            start_time=clock(0, 0),
            end_time=clock(23, 59),
            recurrence_rule="FREQ=WEEKLY",
        )
        index.add_child(instance=event)
    event.start_date = timezone.localdate()
    with transaction.atomic():
        event.save_revision().publish()
    run_due_tasks("bench-soak")
    return event


class Command(BaseCommand):
    help = (
        "Publish the soak event once per title read on stdin (one JSON line per publish); delete it at EOF."
    )

    def handle(self, *args, **options) -> None:
        event = soak_event()
        self._emit({"event_id": event.pk, "start": str(event.start_date)})
        try:
            for line in sys.stdin:
                title = line.strip()
                if not title:
                    continue
                started = time.perf_counter()
                try:
                    event.title = title
                    with transaction.atomic():
                        event.save_revision().publish()
                    publish_ms = (time.perf_counter() - started) * 1000
                    run_due_tasks("bench-soak")
                except Exception as exc:  # reported by the driver as a finding; the soak goes on
                    self._emit({"title": title, "error": f"{exc.__class__.__name__}: {exc}"})
                    event = Event.objects.get(pk=event.pk)
                    continue
                self._emit({"title": title, "publish_ms": round(publish_ms, 1),
                            "with_tasks_ms": round((time.perf_counter() - started) * 1000, 1)})  # fmt: skip
        finally:
            Event.objects.get(pk=event.pk).delete()

    def _emit(self, facts: dict) -> None:
        self.stdout.write(json.dumps(facts))
        self.stdout.flush()
