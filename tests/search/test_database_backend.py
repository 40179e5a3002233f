"""Wagtail's database search index on PostgreSQL: a publish sets the title norms of what it wrote
without reading or rewriting the whole index table (search.database_backend)."""

import pytest
from django.db import connection
from django.db.models import Avg
from django.db.models.functions import Length
from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from search.database_backend import IncrementalTitleNorms
from tests.factories import CategoryFactory
from tests.worlds import tree_per_module

pytestmark = [
    pytest.mark.django_db,
    # Skipped before the module's tree is built, not after.
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="title norms are PostgreSQL's (SQLite's search has none)"
    ),
]

# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


@pytest.fixture
def index(db):
    return get_search_backend().get_index_for_model(Page)


def exact_average() -> float:
    entries = IndexEntry.objects.annotate(title_length=Length("title")).filter(title_length__gt=0)
    return entries.aggregate(Avg("title_length"))["title_length__avg"]


def entry_of(page) -> IndexEntry:
    """With `title_length`: the number of words of its title (the title is a tsvector)."""
    entries = IndexEntry.objects.annotate(title_length=Length("title"))
    return entries.get(object_id=str(page.pk), content_type__model="pointofinterest")


def test_a_publish_weighs_its_title_against_the_average_without_scanning_the_index(
    index, tree, django_capture_on_commit_callbacks
):
    for number in range(3):
        tree.poi(title=f"Ort mit einem langen Namen Nummer {number}", slug=f"ort-{number}")
    IncrementalTitleNorms._average = (0.0, None)
    index.average_title_length()  # as a running process has it
    average = exact_average()
    others = {entry.pk: entry.title_norm for entry in IndexEntry.objects.all()}
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        cafe = tree.poi(title="Café Roland", slug="cafe")
    entry = entry_of(cafe)
    assert entry.title_length == 2
    assert entry.title_norm == pytest.approx(average / 2)
    assert entry.title_norm != 1.0  # Wagtail's default before a norm is set
    unchanged = {pk: norm for pk, norm in others.items() if IndexEntry.objects.get(pk=pk).title_norm == norm}
    assert unchanged == others
    scans = [
        q["sql"]
        for q in queries.captured_queries
        if "AVG(" in q["sql"] and "wagtailsearch_indexentry" in q["sql"]
    ]
    assert scans == []


def test_a_rebuild_sets_every_norm_from_the_exact_average(index, tree):
    for number in range(3):
        tree.poi(title="x" * (5 + number), slug=f"kurz-{number}")
    IndexEntry.objects.update(title_norm=1.0)
    index._refresh_title_norms(full=True)
    average = exact_average()
    for entry in IndexEntry.objects.annotate(title_length=Length("title")).filter(title_length__gt=0):
        assert entry.title_norm == pytest.approx(average / entry.title_length)


ROW = (
    "SELECT title::text, autocomplete::text, body::text, title_text, body_text FROM wagtailsearch_indexentry"
)


def rows_for(pages) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(ROW + " WHERE object_id = ANY(%s) ORDER BY object_id", [[str(p.pk) for p in pages]])
        return dict(
            zip([str(p.pk) for p in sorted(pages, key=lambda p: p.pk)], cursor.fetchall(), strict=True)
        )


def test_entries_are_written_as_the_library_writes_them(index, tree):
    museums = CategoryFactory(name="Museen & Kultur", slug="museen")
    body = [
        {"type": "heading", "value": "Geschichte"},
        {"type": "paragraph", "value": "<p>Seit <b>1528</b> am Markt, 100 % Sandstein.</p>"},
    ]
    poi = tree.poi(title="Reitender Roland", slug="roland", body=body, locality="Haldensleben")
    poi.categories.add(museums)
    event = tree.event(title="Führung: Schloss & Park", slug="fuehrung", teaser="   ")
    news = tree.news_article(title="Kurz", slug="kurz", teaser="Nur ein Anreißer.", body=[])
    pages = [poi, event, news]
    for page in pages:
        page.refresh_from_db()
    for page in pages:
        index.add_items(type(page), [page])
    ours = rows_for(pages)
    for page in pages:
        PostgresIndex.add_items(index, type(page), [page])  # the library's own writing
    theirs = rows_for(pages)
    assert ours == theirs
    assert "'roland':" in ours[str(poi.pk)][0] and "sandstein" in ours[str(poi.pk)][2]
    assert "'muse'" in ours[str(poi.pk)][2] and "'haldensleb'" in ours[str(poi.pk)][2]  # category, locality
