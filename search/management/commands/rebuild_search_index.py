"""Rebuild the project's own search table (search.models.SearchEntry) from the live pages."""

import time

from django.core.management.base import BaseCommand

from search.index import count_indexable, rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search table behind /api/v1/search (live POIs, events and news), with progress."

    def handle(self, *args, **options) -> None:
        total = count_indexable()
        started = time.monotonic()
        self.stdout.write(f"Indexing {total} pages for /api/v1/search …")

        def progress(done: int) -> None:
            self.stdout.write(f"  {done}/{total}")

        written = rebuild_index(progress)
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Indexed {written} pages in {seconds:.1f} s."))
