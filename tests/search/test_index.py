"""The own search table follows publishing, and the rebuild command restores it."""

from io import StringIO

import pytest
from django.core.management import call_command

from search.analysis import analyse, fts5_match, parse_query
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_analysis_stems_per_language_and_folds_diacritics():
    assert analyse("Stadtführungen", "de") == analyse("Stadtführung", "de")
    assert analyse("Straße", "de") == analyse("Strasse", "de") == "strass"
    assert analyse("Café", "de") == analyse("Cafe", "de")
    assert analyse("museums", "en") == analyse("Museum", "en") == "museum"
    assert analyse("Größe", "xx") == "grosse"  # no stemmer for the language: folded only


def test_query_syntax_becomes_a_safe_fts5_expression():
    assert fts5_match(parse_query('Führungen "Alte Stadt" -Nacht'), "de") == (
        '("fuhrung" AND "alt stadt") NOT "nacht"'
    )
    assert fts5_match(parse_query("Museum OR Kirche"), "de") == '("museum" OR "kirch")'
    assert fts5_match(parse_query('" * ( : -'), "de") == ""


def test_publish_unpublish_and_delete_maintain_the_entry(tree):
    poi = tree.poi(title="Kloster Althaldensleben", teaser="Ein Klostergut.", body=[("heading", "Kirche")])
    entry = SearchEntry.objects.get(page_id=poi.pk)
    assert (entry.kind, entry.title) == ("poi", "Kloster Althaldensleben")
    assert "Klostergut" in entry.body and "Kirche" in entry.body
    draft = tree.poi(title="Entwurf", live=False)
    assert not SearchEntry.objects.filter(page_id=draft.pk).exists()
    poi.unpublish()
    assert not SearchEntry.objects.filter(page_id=poi.pk).exists()
    poi.save_revision().publish()
    assert SearchEntry.objects.filter(page_id=poi.pk).exists()
    poi.delete()
    assert not SearchEntry.objects.filter(page_id=poi.pk).exists()


def test_rebuild_command_restores_the_index_with_progress(tree, client):
    poi = tree.poi(title="Kloster Althaldensleben")
    tree.event(title="Konzert im Kloster")
    tree.news_article(title="Kloster geöffnet")
    SearchEntry.objects.all().delete()
    assert client.get("/api/v1/search", {"q": "Kloster"}).json()["count"] == 0
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexing 3 pages" in out.getvalue() and "3/3" in out.getvalue()
    assert SearchEntry.objects.count() == 3
    body = client.get("/api/v1/search", {"q": "Kloster", "past": "true"}).json()
    assert poi.pk in [item["id"] for item in body["items"]] and body["count"] == 3
