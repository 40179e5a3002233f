"""Wagtail's database search backend (the admin's search and stock API v2 `?search=`), tuned for the
content languages on PostgreSQL.

Wagtail analyses full-text search with one configuration (`SEARCH_CONFIG`, here the first content
language's, with unaccent) and autocomplete — which the admin's page search uses — with the plain
`simple` configuration. `AUTOCOMPLETE_CONFIG` swaps the latter for `roland_simple` (simple plus
unaccent, search/migrations/0004), so an editor's "Cafe" finds "Café".

On PostgreSQL the title norms (average title length / this title's length, which weigh title matches)
of the entries a save writes are set against an average each process keeps for a few minutes
(`IncrementalTitleNorms`). Wagtail's own index averages every title and rewrites the norms of all
entries left at their default on every save: two scans of the whole index table per save, and a
publish saves twice. A full `update_index` still computes every norm exactly. Other databases:
unchanged.
"""

import time

from django.db import connection
from django.db.models import Avg, F
from django.db.models.functions import Length
from modelsearch.backends.database import SearchBackend as _WagtailDatabaseBackend
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from modelsearch.utils import get_content_type_pk

AVERAGE_SECONDS = 600  # how long a process keeps the average title length


class IncrementalTitleNorms(PostgresIndex):
    _average: tuple[float, float | None] = (0.0, None)  # (read at, value), per process

    def _refresh_title_norms(self, full: bool = False) -> None:
        if full:  # rebuilds (update_index): every entry, against the exact average
            super()._refresh_title_norms(full=True)
            IncrementalTitleNorms._average = (time.monotonic(), self._read_average())
        # Otherwise add_items sets the norms of what it wrote.

    def add_items(self, model, objs) -> None:
        objs = list(objs)
        super().add_items(model, objs)
        if not objs:
            return
        average = self.average_title_length()
        if average is None:
            return
        written = self.entries.filter(
            content_type_id=get_content_type_pk(model), object_id__in=[str(obj.pk) for obj in objs]
        )
        written.annotate(title_length=Length("title")).filter(title_length__gt=0).update(
            title_norm=average / F("title_length")
        )

    def average_title_length(self) -> float | None:
        read_at, value = IncrementalTitleNorms._average
        if value is None or time.monotonic() - read_at > AVERAGE_SECONDS:
            value = self._read_average()
            IncrementalTitleNorms._average = (time.monotonic(), value)
        return value

    def _read_average(self) -> float | None:
        entries = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        return entries.aggregate(Avg("title_length"))["title_length__avg"]


def SearchBackend(params):
    params = dict(params)
    autocomplete_config = params.pop("AUTOCOMPLETE_CONFIG", None)
    backend = _WagtailDatabaseBackend(params)
    if connection.vendor == "postgresql":
        if autocomplete_config:
            backend.autocomplete_config = autocomplete_config
        backend.index_class = IncrementalTitleNorms
    return backend
