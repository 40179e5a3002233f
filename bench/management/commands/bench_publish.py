"""Publish-side cost: publishing an event with a weekly recurrence, as an editor does."""

import json
import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from bench.tasks import run_due_tasks
from cms.core import versions
from tourism.models import Event, EventIndexPage, EventOccurrence


class Command(BaseCommand):
    help = "Time publishing a weekly recurring event (occurrences, cache invalidation, queued index work)."

    def handle(self, *args, **options) -> None:

        index = EventIndexPage.objects.filter(locale__language_code="de").first()
        start = timezone.localdate() + timedelta(days=1)
        event = Event(
            title="Benchmark: wöchentliche Stadtführung",
            slug=f"bench-publish-{int(time.time())}",
            teaser="Jeden Samstag durch die Altstadt.",
            start_date=start,
            start_time=timezone.datetime(2000, 1, 1, 10, 0).time(),
            end_time=timezone.datetime(2000, 1, 1, 12, 0).time(),
            recurrence_rule="FREQ=WEEKLY;BYDAY=SA",
        )
        index.add_child(instance=event)
        run_due_tasks("bench")
        version_before = versions.current(versions.CONTENT)
        started = time.perf_counter()
        with transaction.atomic():
            event.save_revision().publish()
        publish_ms = (time.perf_counter() - started) * 1000
        # What the publish queued for the worker (webhook deliveries): timed here in-process.
        started = time.perf_counter()
        run_due_tasks("bench")
        queued_ms = (time.perf_counter() - started) * 1000
        result = {
            "publish_ms": round(publish_ms, 1),
            "queued_work_ms": round(queued_ms, 1),
            "occurrences": EventOccurrence.objects.filter(event=event).count(),
            "cache_invalidated": versions.current(versions.CONTENT) != version_before,
        }
        event.delete()
        self.stdout.write(json.dumps(result))
