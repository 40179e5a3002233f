"""One publish of an event, as the editor's "Veröffentlichen" runs it (save a revision, publish it):
bounded SQL whatever the number of occurrences, and Wagtail's indexes written once, right."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backend

from cms.core import versions
from tests.worlds import fresh, tree_per_module
from tourism.models import Event, EventOccurrence

pytestmark = pytest.mark.django_db

# What publishing a weekly event costs, Wagtail's own work included (its revision, log entry,
# validation and reference index): 90 on PostgreSQL, 94 on SQLite (its full-text rows); the
# pipeline's steps are bench_publish's split.
PUBLISH_QUERIES = 94

# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


def publish_queries(event: Event) -> int:
    event = fresh(event)
    with CaptureQueriesContext(connection) as queries:
        event.save_revision().publish()
    return len(queries)


# The version counters are kept for an hour, so both publishes find them as fresh (a slow machine
# must not add a read to one of them).
@override_settings(ROLAND_OCCURRENCE_HORIZON_DAYS=800, VERSIONS_MEMORY_SECONDS=3600)
def test_publishing_a_weekly_event_costs_the_same_for_10_and_100_dates(tree):
    start = timezone.localdate() + timedelta(days=1)
    few = tree.event(start_date=start, recurrence_rule="FREQ=WEEKLY;COUNT=10", live=False)
    many = tree.event(start_date=start, recurrence_rule="FREQ=WEEKLY;COUNT=100", live=False)
    versions.forget()
    # The first publish of the process warms what a running server has (content types, versions).
    tree.event(start_date=start, recurrence_rule="FREQ=WEEKLY;COUNT=3", live=False).save_revision().publish()

    counts = [publish_queries(few), publish_queries(many)]

    assert EventOccurrence.objects.filter(event=few).count() == 10
    assert EventOccurrence.objects.filter(event=many).count() == 100
    assert counts[0] == counts[1], counts
    assert counts[0] <= PUBLISH_QUERIES, counts


def test_the_admin_search_finds_the_published_title_and_not_a_draft_one(tree):
    event = tree.event(title="Laternenumzug", live=False)
    event.title = "Martinsumzug mit Laternen"
    event.save_revision().publish()
    event = fresh(event)
    event.title = "Entwurfstitel Fackelzug"
    event.save_revision()  # a draft: the live page keeps its title

    backend = get_search_backend()
    assert [page.pk for page in backend.autocomplete("Martinsumzug", Event)] == [event.pk]
    assert list(backend.autocomplete("Laternenumzug", Event)) == []
    assert list(backend.autocomplete("Fackelzug", Event)) == []


def test_the_reference_index_shows_the_published_venue(tree):
    event = tree.event(live=False)
    event.venue = tree.poi()
    event.save_revision().publish()
    event = fresh(event)
    event.save_revision()  # a draft saved afterwards keeps the reference

    references = ReferenceIndex.get_references_for_object(event).values_list("model_path", flat=True)
    assert "venue" in set(references)
