"""Wagtail's `update_index`, followed by a rebuild of the project's own search table.

One command repairs every search index: the engine's (or Wagtail's database index for the admin),
including updates missed while Elasticsearch/OpenSearch was unreachable, and the table behind
/api/v1/search on the database default.

Chunks are read after the last primary key of the one before (the library pages with OFFSET, which
reads every earlier row again: its cost grows with the square of the table).
"""

from collections.abc import Iterator

from django.core.management import call_command
from django.db import transaction
from django.db.models import QuerySet
from wagtail.search.management.commands.update_index import DEFAULT_CHUNK_SIZE
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex


class Command(WagtailUpdateIndex):
    help = "Update Wagtail's search index(es), then rebuild the table behind /api/v1/search."

    @transaction.atomic  # as the library's: the rows stay the same while they are read
    def queryset_chunks(self, qs: QuerySet, chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[list]:
        qs = qs.order_by("pk")
        last = None
        while True:
            items = list((qs if last is None else qs.filter(pk__gt=last))[:chunk_size])
            if not items:
                return
            yield items
            last = items[-1].pk

    def handle(self, *args, **options) -> None:
        super().handle(*args, **options)
        if not options.get("schema_only"):
            call_command("rebuild_search_index", stdout=self.stdout, verbosity=options.get("verbosity", 1))
