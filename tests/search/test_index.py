"""The own search table follows publishing, and the rebuild command restores it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from search.analysis import analyse, fts5_match, parse_query
from search.models import SearchEntry, SynonymGroup
from search.synonyms import expand, groups_from_terms, split_terms, validate_terms

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


def test_synonyms_widen_matching_words_and_phrases_only():
    groups = groups_from_terms(["Museum, Museen", "WC; Toilette\nÖrtchen", "Kaffee und Kuchen, Kaffeetafel"])
    widened = expand(parse_query('Museen Kirche -Toiletten "Kaffee und Kuchen"'), "de", groups)
    assert widened.clauses == (
        (("Museen",), ("Museum",)),
        (("Kirche",),),
        (("Kaffee", "und", "Kuchen"), ("Kaffeetafel",)),
    )
    assert widened.excluded == (("Toiletten",), ("WC",), ("Örtchen",))
    assert expand(parse_query("Museen"), "de", []) == parse_query("Museen")
    assert fts5_match(widened, "de") == (
        '(((("muse" OR "museum") AND "kirch" AND ("kaffe und kuch" OR "kaffeetafel")) '
        'NOT "toilett") NOT "wc") NOT "ortch"'
    )


@translation.override("en")
def test_synonym_groups_are_validated(locales):
    assert validate_terms("Museum") == "Give at least two words, separated by commas."
    assert validate_terms("Museum, museum") is not None  # the same word twice is one word
    assert validate_terms("Museum, ???") == "“???” contains no letters or digits."
    assert validate_terms("Museum,\n Museen ,") is None
    assert split_terms(" Museum ,Museen,, museum\n") == ["Museum", "Museen"]


def test_editors_keep_synonyms_in_the_admin(admin_client, locales):
    add_url = reverse("wagtailsnippets_roland_search_synonymgroup:add")
    response = admin_client.post(add_url, {"locale": locales["de"].pk, "terms": "Museum"})
    assert response.status_code == 200
    assert "mindestens zwei Wörter" in response.content.decode()  # the editor's admin is in German
    assert not SynonymGroup.objects.exists()
    response = admin_client.post(add_url, {"locale": locales["de"].pk, "terms": "Museum, Museen"})
    assert response.status_code == 302
    listing = admin_client.get(reverse("wagtailsnippets_roland_search_synonymgroup:list"))
    assert "Museum, Museen" in listing.content.decode()


def test_publish_unpublish_and_delete_maintain_the_entry(tree):
    poi = tree.poi(title="Kloster Althaldensleben", teaser="Ein Klostergut.", body=[("heading", "Kirche")])
    entry = SearchEntry.objects.get(page_id=poi.pk)
    assert (entry.kind, entry.title, entry.config) == ("poi", "Kloster Althaldensleben", "roland_german")
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
