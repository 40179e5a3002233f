"""Keeping the project's own search table in step with published content.

Called synchronously by the publish pipeline (cms.publishing; a few cheap statements per page), so the index never
waits for the background worker; `rebuild_search_index` (and `update_index`) rebuild it in bulk.
Only live, non-alias POI, event and news pages are written, each with copies of the facts the
visibility rule reads (path, go-live, expiry, translation key): Wagtail changes those only by
publishing, unpublishing or moving a page, and each of those rewrites the row. Restrictions and site
roots are not copied: the rule compares the row's path with them at query time
(`cms.core.visibility.visible_in_site`), and the hits shown are checked against the page rows again.
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Max, OuterRef, Subquery
from wagtail.models import Locale, Page

from cms.core import registry, versions
from tourism.models import EVENT, EventOccurrence

from .analysis import analyse, postgres_config
from .models import SearchEntry

# SQL here interpolates module constants only (table names); values are always parameters.

TABLE = SearchEntry._meta.db_table
FTS_TABLE = "roland_search_fts"
BATCH = 500


def _kinds() -> list[type]:
    return [content_type.model for content_type in registry.searchable()]


def content_kind(page: Page) -> str | None:
    """The registry's type name of a searchable page (`poi`, …), None for every other page."""
    content_type = registry.of_model(type(page))
    return content_type.name if content_type and content_type.searchable else None


def field_text(page: Page, name: str) -> str:
    """Plain text of a field; StreamField bodies give the searchable text of every block."""
    field = page._meta.get_field(name)
    value = getattr(page, name)
    if hasattr(field, "stream_block"):
        return " ".join(str(part) for part in field.get_searchable_content(value) if part)
    return str(value or "")


def body_text(page: Page) -> str:
    """Everything searchable below the title: teaser, body and the place's name or town."""
    names = ["teaser", "body", "locality", "location_name"]
    parts = [field_text(page, name) for name in names if hasattr(page, name)]
    return "\n".join(part for part in parts if part.strip())


def is_indexable(page: Page) -> bool:
    return bool(page.live) and page.alias_of_id is None and content_kind(page) is not None


def _language(locale_id: int) -> str:
    return Locale.objects.get(pk=locale_id).language_code


def _write_fts(rows: list[tuple[int, str, str, str]]) -> None:
    """SQLite's FTS5 rows for (page id, language, title, body): Snowball-stemmed text."""
    if not rows or connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(row[0],) for row in rows])  # noqa: S608
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608
            [(page_id, analyse(title, code), analyse(body, code)) for page_id, code, title, body in rows],
        )


def last_occurrence_ends(event_ids: list[int]) -> dict[int, datetime]:
    """When each event's last stored occurrence ends (events without occurrences are left out)."""
    rows = (
        EventOccurrence.objects.filter(event_id__in=event_ids)
        .values("event_id")
        .annotate(last_end=Max("end"))
        .values_list("event_id", "last_end")
    )
    return dict(rows)


def refresh_occurrence_ends(event_ids: list[int]) -> None:
    """Copy when each event's last occurrence ends onto its entry (if it has one): one UPDATE."""
    if not event_ids:
        return

    last_end = (
        EventOccurrence.objects.filter(event_id=OuterRef("page_id"))
        .values("event_id")
        .annotate(last_end=Max("end"))
        .values("last_end")
    )
    SearchEntry.objects.filter(page_id__in=event_ids, kind=EVENT.name).update(
        last_occurrence_end=Subquery(last_end)
    )


def _entry(page: Page, code: str, last_end: datetime | None) -> SearchEntry:
    """The row for a live page: its text, language and the facts the visibility rule reads."""
    return SearchEntry(
        page_id=page.pk,
        kind=content_kind(page),
        locale_id=page.locale_id,
        title=page.title,
        body=body_text(page),
        config=postgres_config(code),
        last_occurrence_end=last_end,
        live=page.live and page.alias_of_id is None,
        path=page.path,
        translation_key=page.translation_key,
        go_live_at=page.go_live_at,
        expire_at=page.expire_at,
    )


_WRITTEN = [field.name for field in SearchEntry._meta.concrete_fields if not field.primary_key]


@transaction.atomic(savepoint=False)  # part of the publish: no savepoint of its own
def index_page(page: Page) -> bool:
    """Write (or remove) one page's entry; True when the page is now in the index."""
    page = page.specific
    if not is_indexable(page):
        remove_page(page.pk)
        return False
    code = _language(page.locale_id)
    last_end = last_occurrence_ends([page.pk]).get(page.pk) if content_kind(page) == EVENT.name else None
    entry = _entry(page, code, last_end)
    # One statement whether the entry is new or not (the page id is the key).
    SearchEntry.objects.bulk_create(
        [entry], update_conflicts=True, unique_fields=["page"], update_fields=_WRITTEN
    )
    _write_fts([(page.pk, code, entry.title, entry.body)])
    return True


def remove_page(page_id: int) -> None:
    """Drop a page's entry (on SQLite a trigger drops its FTS row with it)."""
    SearchEntry.objects.filter(page_id=page_id).delete()


def index_subtree(page: Page) -> int:
    """Re-index a page and its descendants, e.g. after a move; returns how many are indexed."""
    pages = Page.objects.descendant_of(page, inclusive=True).specific()
    return sum(1 for descendant in pages if index_page(descendant))


def _indexable_pages() -> Iterator[Page]:
    for model in _kinds():
        queryset = model.objects.filter(live=True, alias_of__isnull=True).order_by("pk")
        yield from queryset.iterator(chunk_size=BATCH)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def count_indexable() -> int:
    return sum(model.objects.filter(live=True, alias_of__isnull=True).count() for model in _kinds())


@transaction.atomic
def rebuild_index(progress: Callable[[int], None] | None = None) -> int:
    """Empty the table and write every indexable page again in batches; returns the number written."""
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    SearchEntry.objects.all().delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608
    written = 0
    for chunk in _chunks(_indexable_pages(), BATCH):
        ends = last_occurrence_ends([page.pk for page in chunk if content_kind(page) == EVENT.name])
        entries = [_entry(page, codes[page.locale_id], ends.get(page.pk)) for page in chunk]
        SearchEntry.objects.bulk_create(entries)
        _write_fts([(e.page_id, codes[e.locale_id], e.title, e.body) for e in entries])
        written += len(entries)
        if progress:
            progress(written)
    versions.bump(versions.CONTENT)  # cached search answers came from the old table
    return written
