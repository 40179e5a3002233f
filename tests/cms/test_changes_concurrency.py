"""The change feed under concurrent publishing (PostgreSQL): a reader paging while two writers publish
sees every change once, and the numbers are gap-free.

A module of its own: its test commits for real (a transactional test), which the once-built world
of tests/cms/test_changes.py, held in an open transaction, would not allow.
"""

import threading

import pytest
from django.db import connection
from wagtail.models import Page

from cms.core import changes
from cms.core.models import ChangeEntry
from tests.cms.test_changes import current_cursor, feed, publish_again
from tests.factories import SiteTree


@pytest.mark.django_db(transaction=True)
def test_cursors_have_no_gaps_while_two_writers_publish(client, locales):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writing transaction at a time: nothing concurrent to order")
    tree = SiteTree()
    pois = [tree.poi(slug=f"ort-{n}") for n in range(40)]
    start = current_cursor(client)
    halves = [pois[0::2], pois[1::2]]
    done = threading.Event()
    failures: list[BaseException] = []

    def write(pages) -> None:
        try:
            for page in pages:
                publish_again(Page.objects.get(pk=page.pk).specific)
        except BaseException as error:
            failures.append(error)
        finally:
            connection.close()

    writers = [threading.Thread(target=write, args=(half,)) for half in halves]
    for writer in writers:
        writer.start()
    seen, cursor = [], start
    watcher = threading.Thread(target=lambda: ([w.join() for w in writers], done.set()))
    watcher.start()
    while True:
        finished = done.is_set()  # read before the page: after it, nothing more can come
        answer = feed(client, since=cursor, limit=7)
        seen += [item["id"] for item in answer["items"]]
        cursor = answer["next_cursor"]
        if finished and not answer["has_more"]:
            break
    watcher.join()

    assert not failures
    assert sorted(seen) == sorted(page.pk for page in pois)  # each publish once: no gap, no repeat
    sequences = list(
        ChangeEntry.objects.filter(sequence__gt=changes.decode_cursor(start))
        .order_by("sequence")
        .values_list("sequence", flat=True)
    )
    assert sequences == list(range(sequences[0], sequences[0] + len(pois)))
