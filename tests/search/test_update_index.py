"""`manage.py update_index`: every page gets its entry again, read chunk after chunk by primary key."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from search.management.commands.update_index import Command
from tests.worlds import tree_per_module

pytestmark = pytest.mark.django_db

# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


def test_chunks_follow_the_primary_key_and_leave_none_out(tree):
    for number in range(5):
        tree.poi(title=f"Ort {number}", slug=f"ort-{number}")
    chunks = list(Command().queryset_chunks(Page.objects.order_by("pk"), chunk_size=2))
    pks = [page.pk for chunk in chunks for page in chunk]
    assert pks == list(Page.objects.order_by("pk").values_list("pk", flat=True))
    assert [len(chunk) for chunk in chunks[:-1]] == [2] * (len(chunks) - 1)


def test_a_rebuild_in_small_chunks_indexes_every_page(tree):
    for number in range(5):
        tree.poi(title=f"Ort {number}", slug=f"ort-{number}")
    IndexEntry.objects.all().delete()
    call_command("update_index", chunk_size=2, stdout=io.StringIO())
    indexed = {int(pk) for pk in IndexEntry.objects.values_list("object_id", flat=True)}
    assert set(Page.objects.exclude(depth=1).values_list("pk", flat=True)) <= indexed
