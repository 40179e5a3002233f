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
publish saves twice. A full `update_index` still computes every norm exactly.

Writing entries (`WriteOnce`): the library reads every search field of an object five times (for
the title, the body, the autocomplete vector and the two plain texts; a StreamField's rich text is
parsed each time) and builds an ORM expression per text that it compiles again for every object.
Here each field is read once and the same vectors are written as SQL text: the rows are identical
(tests/search/test_database_backend.py compares them), `update_index` is several times faster and
the cost per save drops alike. Other databases: unchanged.
"""

import time
from functools import cached_property

from django.db import connection
from django.db.models import Avg, F
from django.db.models.functions import Length
from modelsearch.backends.database import SearchBackend as _WagtailDatabaseBackend
from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer, PostgresIndex
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk

AVERAGE_SECONDS = 600  # how long a process keeps the average title length


class FieldsOnce(ObjectIndexer):
    """An object's search texts with each field read once; vectors as SQL with their parameters."""

    @cached_property
    def values(self) -> list[tuple[object, str, str]]:
        return [item for field in self.search_fields for item in self.prepare_field(self.obj, field)]

    def texts(self, part: str) -> list[tuple[str, str]]:
        """(text, weight) of the title, body or autocomplete fields, as the library splits them."""
        found = []
        for field, weight, value in self.values:
            is_title = isinstance(field, SearchField) and field.field_name == "title"
            if (
                (part == "title" and is_title)
                or (part == "body" and isinstance(field, SearchField) and not is_title)
                or (part == "autocomplete" and isinstance(field, AutocompleteField))
            ):
                found.append((value.strip(), weight))
        return [(text, weight) for text, weight in found if text]

    def vector(self, part: str, config: str | None) -> tuple[str, list]:
        texts = self.texts(part)
        if not texts:
            return "''::tsvector", []
        term = "setweight(to_tsvector(%s::regconfig, %s), %s)" if config else "setweight(to_tsvector(%s), %s)"
        params = [p for text, weight in texts for p in ((config, text, weight) if config else (text, weight))]
        return " || ".join([term] * len(texts)), params

    def plain(self, part: str) -> str:
        return " ".join(text for text, _weight in self.texts(part))


class IncrementalTitleNorms(PostgresIndex):
    _average: tuple[float, float | None] = (0.0, None)  # (read at, value), per process

    def _refresh_title_norms(self, full: bool = False) -> None:
        if full:  # rebuilds (update_index): every entry, against the exact average
            super()._refresh_title_norms(full=True)
            IncrementalTitleNorms._average = (time.monotonic(), self._read_average())
        # Otherwise add_items sets the norms of what it wrote.

    def add_items(self, model, objs) -> None:
        objs = list(objs)
        if not objs or not model.get_search_fields():
            return
        self.write_entries(model, objs)
        average = self.average_title_length()
        if average is None:
            return
        written = self.entries.filter(
            content_type_id=get_content_type_pk(model), object_id__in=[str(obj.pk) for obj in objs]
        )
        written.annotate(title_length=Length("title")).filter(title_length__gt=0).update(
            title_norm=average / F("title_length")
        )

    def write_entries(self, model, objs) -> None:
        """The library's upsert of index entries, with the texts of `FieldsOnce`."""
        content_type = get_content_type_pk(model)
        rows, params = [], []
        for obj in objs:
            indexer = FieldsOnce(obj, self.backend)
            title, title_params = indexer.vector("title", indexer.config)
            autocomplete, autocomplete_params = indexer.vector("autocomplete", indexer.autocomplete_config)
            body, body_params = indexer.vector("body", indexer.config)
            rows.append(f"(%s, %s, {title}, {autocomplete}, {body}, 1.0, %s, %s)")
            params += [content_type, indexer.id, *title_params, *autocomplete_params, *body_params]
            params += [indexer.plain("title"), indexer.plain("body")]
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title, autocomplete,
                    body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
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
