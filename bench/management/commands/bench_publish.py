"""Publish-side cost: publishing an event with a weekly recurrence, as an editor does.

Besides the publish's time it prints the split: CPU time, time and SQL queries of each step of the
one publish (the pipeline's steps through `cms.publishing.recording_steps`; what Wagtail does around
them is "revision save", "Wagtail publish" and "commit"). A step inside another counts to the outer
one (a translation's publish inside "translations following the source").
"""

import json
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from bench.tasks import run_due_tasks
from cms import publishing
from cms.core import versions
from tourism.models import Event, EventIndexPage, EventOccurrence


class StepTimes:
    """CPU time, time and queries charged to whichever step runs; a pipeline step inside another
    counts to the outer one."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)
        self.queries: dict[str, int] = defaultdict(int)
        self.frame: str | None = None  # the stretch of Wagtail's work the pipeline runs in
        self.current: str | None = None
        self.mark = (time.process_time(), time.perf_counter())

    def _switch(self, name: str | None) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        if self.current is not None:
            self.cpu[self.current] += cpu - self.mark[0]
            self.wall[self.current] += wall - self.mark[1]
        self.current, self.mark = name, (cpu, wall)

    @contextmanager
    def outer(self, name: str) -> Iterator[None]:
        self.frame = name
        self._switch(name)
        try:
            yield
        finally:
            self._switch(None)
            self.frame = None

    @contextmanager
    def pipeline_step(self, name: str) -> Iterator[None]:
        if self.current != self.frame:  # inside another step: counts to that one
            yield
            return
        self._switch(name)
        try:
            yield
        finally:
            self._switch(self.frame)

    def count_query(self, execute, sql, params, many, context):
        self.queries[self.current or "outside"] += 1
        return execute(sql, params, many, context)

    def split(self, order: list[str]) -> dict[str, dict]:
        names = [name for name in order if name in self.cpu] + sorted(set(self.cpu) - set(order))
        return {
            name: {
                "cpu_ms": round(self.cpu[name] * 1000, 1),
                "ms": round(self.wall[name] * 1000, 1),
                "queries": self.queries.get(name, 0),
            }
            for name in names
        }


STEPS = [
    "revision save",
    "Wagtail publish",
    "occurrences",
    "search index",
    "search index (Wagtail)",
    "outdated translation texts",
    "invalidation",
    "change feed",
    "webhooks",
    "translations following the source",
    "commit",
]


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
        steps = StepTimes()
        cpu_started = time.process_time()
        started = time.perf_counter()
        with connection.execute_wrapper(steps.count_query), publishing.recording_steps(steps.pipeline_step):
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                with steps.outer("revision save"):
                    revision = event.save_revision()
                with steps.outer("Wagtail publish"):
                    revision.publish()
            except BaseException as error:
                atomic.__exit__(type(error), error, error.__traceback__)
                raise
            with steps.outer("commit"):
                atomic.__exit__(None, None, None)
        publish_ms = (time.perf_counter() - started) * 1000
        publish_cpu_ms = (time.process_time() - cpu_started) * 1000
        # What the publish queued for the worker (webhook deliveries): timed here in-process.
        started = time.perf_counter()
        run_due_tasks("bench")
        queued_ms = (time.perf_counter() - started) * 1000
        result = {
            "publish_ms": round(publish_ms, 1),
            "publish_cpu_ms": round(publish_cpu_ms, 1),
            "queries": sum(steps.queries.values()),
            "queued_work_ms": round(queued_ms, 1),
            "occurrences": EventOccurrence.objects.filter(event=event).count(),
            "cache_invalidated": versions.current(versions.CONTENT) != version_before,
            "split": steps.split(STEPS),
        }
        event.delete()
        self.stdout.write(json.dumps(result))
