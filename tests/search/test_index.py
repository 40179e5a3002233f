"""The own search table follows publishing, and the rebuild command restores it."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from search.analysis import analyse, fts5_match, parse_query
from search.models import SearchEntry, SynonymGroup
from search.synonyms import expand, groups_from_terms, split_terms, validate_terms
from tests.querycount import count_api_queries
from tests.worlds import tree_per_module
from tourism.models import EventOccurrence

pytestmark = pytest.mark.django_db


# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


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
    concert = tree.event(title="Konzert im Kloster", start_date=timezone.localdate() + timedelta(days=5))
    tree.news_article(title="Kloster geöffnet")
    last_end = EventOccurrence.objects.get(event=concert).end
    assert SearchEntry.objects.get(page_id=concert.pk).last_occurrence_end == last_end
    SearchEntry.objects.all().delete()
    assert client.get("/api/v1/search", {"q": "Kloster"}).json()["count"] == 0
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexing 3 pages" in out.getvalue() and "3/3" in out.getvalue()
    assert SearchEntry.objects.count() == 3
    body = client.get("/api/v1/search", {"q": "Kloster"}).json()
    assert poi.pk in [item["id"] for item in body["items"]] and body["count"] == 3
    # "upcoming only" rests on the end of the last occurrence, written with the rebuilt entry
    assert SearchEntry.objects.get(page_id=concert.pk).last_occurrence_end == last_end


def test_entries_copy_the_page_facts_and_follow_expiry_and_moves(tree, client):
    """The visibility rule runs on the table's copies of path, go-live, expiry and translation key."""
    poi = tree.poi(title="Kloster Althaldensleben")
    entry = SearchEntry.objects.get(page_id=poi.pk)
    assert (entry.path, entry.translation_key, entry.expire_at) == (poi.path, poi.translation_key, None)
    assert client.get("/api/v1/search", {"q": "Kloster"}).json()["count"] == 1
    # Published with an expiry that has passed (the publish_scheduled job has not run yet): hidden.
    poi.expire_at = timezone.now() - timedelta(minutes=1)
    poi.save_revision().publish()
    assert SearchEntry.objects.get(page_id=poi.pk).expire_at == poi.expire_at
    assert client.get("/api/v1/search", {"q": "Kloster"}).json()["count"] == 0
    poi.expire_at = None
    poi.save_revision().publish()
    assert client.get("/api/v1/search", {"q": "Kloster"}).json()["count"] == 1
    # Moved out of the site: the copied path follows, and the site no longer finds it.
    poi.move(tree.home.get_parent(), pos="last-child")
    poi.refresh_from_db()
    assert SearchEntry.objects.get(page_id=poi.pk).path == poi.path
    assert client.get("/api/v1/search", {"q": "Kloster"}).json()["count"] == 0


def test_a_row_out_of_step_never_reveals_a_hidden_page(tree, client):
    """A page hidden by a direct database write (no signal, so its row is stale) is still never shown."""
    tree.poi(title="Kloster Althaldensleben", slug="kloster")
    hidden = tree.poi(title="Kloster Hundisburg", slug="hundisburg")
    Page.objects.filter(pk=hidden.pk).update(live=False)  # bypasses Wagtail: the search row stays
    assert SearchEntry.objects.filter(page_id=hidden.pk).exists()
    body = client.get("/api/v1/search", {"q": "Kloster"}).json()
    assert [item["title"] for item in body["items"]] == ["Kloster Althaldensleben"]
    suggested = client.get("/api/v1/search/suggest", {"q": "Kloster"}).json()
    assert [item["title"] for item in suggested] == ["Kloster Althaldensleben"]


def test_the_count_of_a_search_counts_only_what_may_be_shown(tree, client):
    """A stale row must not tell by its count that a hidden page holds the word searched for."""
    tree.poi(title="Kloster Althaldensleben", slug="kloster")
    unpublished = tree.poi(title="Kloster Hundisburg mit Geheimgang", slug="hundisburg")
    expired = tree.poi(title="Kloster Marienborn, Geheimgang", slug="marienborn")
    Page.objects.filter(pk=unpublished.pk).update(live=False)  # direct writes: the rows stay as they were
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(days=1))
    secret = client.get("/api/v1/search", {"q": "Geheimgang"}).json()
    assert (secret["count"], secret["items"]) == (0, [])
    broad = client.get("/api/v1/search", {"q": "Kloster"}).json()
    assert broad["count"] == len(broad["items"]) == 1
    past_the_end = client.get("/api/v1/search", {"q": "Kloster", "offset": 5}).json()
    assert past_the_end["count"] == 1


@override_settings(API_CACHE_SERVER_SECONDS=0)
def test_the_copies_follow_a_direct_write_to_the_page_row(tree, client):
    """The page trigger keeps the row in step with writes that bypass the pipeline, so the count and
    the ranking can read the table alone (answers uncached: a direct write raises no version)."""
    poi = tree.poi(title="Kloster Althaldensleben", slug="kloster")
    Page.objects.filter(pk=poi.pk).update(live=False)
    assert SearchEntry.objects.get(page_id=poi.pk).live is False
    assert client.get("/api/v1/search", {"q": "Kloster"}).json()["count"] == 0
    Page.objects.filter(pk=poi.pk).update(live=True)
    assert client.get("/api/v1/search", {"q": "Kloster"}).json()["count"] == 1
    later = timezone.now() + timedelta(days=2)
    Page.objects.filter(pk=poi.pk).update(go_live_at=later)
    entry = SearchEntry.objects.get(page_id=poi.pk)
    assert (entry.live, entry.go_live_at) == (True, later)
    assert client.get("/api/v1/search", {"q": "Kloster"}).json()["count"] == 0


def test_a_search_costs_the_same_queries_for_few_and_many_matches(tree, client):
    """Matching, ranking and counting are one query on the table, the page of items a fixed number
    more: the same whatever the number of matches (one or several, all shown)."""
    for number in range(6):
        tree.poi(title=f"Kloster {number}", slug=f"kloster-{number}")
    tree.poi(title="Burg Hundisburg", slug="burg")
    assert client.get("/api/v1/search", {"q": "Kloster"}).json()["count"] == 6
    narrow = count_api_queries(client, "/api/v1/search", {"q": "Burg", "limit": 1})
    broad = count_api_queries(client, "/api/v1/search", {"q": "Kloster", "limit": 6})
    assert narrow == broad
