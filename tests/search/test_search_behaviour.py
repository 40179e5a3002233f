"""/api/v1/search and /search/suggest: the search behaviour suite the city website and partner apps rely on.

Runs on the database default (SQLite locally, PostgreSQL in CI); the same tests run against an
OpenSearch-protocol stand-in server (osmem, test_search_behaviour_engines.py) and real engines when
their URLs are set (test_search_behaviour_real_engines.py), through the `search_backend` and
`content` fixtures those modules give (see conftest.py).
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from cms.demo.translation import translate_with_strings
from cms.publishing import extend_occurrence_horizon, occurrence_horizon_extended
from search.models import SynonymGroup
from tests.factories import CategoryFactory, SiteTree
from tests.querycount import count_api_queries
from tests.worlds import built_once, fresh
from tourism.models import Event
from tourism.services.occurrences import remove_occurrences

pytestmark = pytest.mark.django_db


def build_content(tree: SiteTree, locales: dict) -> dict:
    """German POIs, events and news; the museum translated to English; hidden pages of every kind."""
    today = timezone.localdate()
    museums = CategoryFactory(name="Museen", slug="museum", kind="poi")
    translate_with_strings(tree.home, locales["en"], {})
    translate_with_strings(tree.pois, locales["en"], {"orte": "places"})
    museum = tree.poi(
        title="Museum Haldensleben",
        slug="museum",
        teaser="Sammlung zur Geschichte der Stadt.",
        body=[("paragraph", "<p>Die Ausstellung zeigt den Roland aus Holz.</p>")],
    )
    museum.categories = [museums]
    museum.save_revision().publish()
    museum_en, _missing = translate_with_strings(
        museum,
        locales["en"],
        {
            "Museum Haldensleben": "Town Museum",
            "museum": "town-museum",
            "Sammlung zur Geschichte der Stadt.": "Collections on the history of the town.",
        },
    )
    cafe = tree.poi(title="Café Roland", slug="cafe", teaser="Kaffee und Kuchen an der Straße zum Markt.")
    tour = tree.event(
        title="Stadtführung durch die Altstadt",
        slug="tour",
        teaser="Ein Rundgang mit dem Nachtwächter.",
        start_date=today + timedelta(days=7),
    )
    old_tour = tree.event(
        title="Stadtführung im Sommer",
        slug="old-tour",
        teaser="Ein Rundgang am Abend.",
        start_date=today - timedelta(days=40),
    )
    news = tree.news_article(
        title="Neues WLAN am Markt",
        slug="wlan",
        teaser="Freies Internet rund um das Museum.",
        date=today,
    )
    draft = tree.poi(title="Museumsnacht Entwurf", slug="draft", teaser="Geheim.", live=False)
    restricted = tree.poi(title="Museumsdepot", slug="depot", teaser="Nur für Mitarbeiter.")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    expired = tree.poi(title="Museumsfest", slug="fest", teaser="Vorbei.")
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    return {
        "museum": museum,
        "museum_en": museum_en,
        "cafe": cafe,
        "tour": tour,
        "old_tour": old_tour,
        "news": news,
        "draft": draft,
        "restricted": restricted,
        "expired": expired,
    }


def build_world() -> dict:
    tree = SiteTree()
    return {
        **build_content(tree, {locale.language_code: locale for locale in Locale.objects.all()}),
        "tree": tree,
    }


# Built once per module; on the database backend each test's changes to the search table roll back
# with the rest of its data (test_search_behaviour_engines.py indexes the same world into an engine).
_content = built_once(build_world)


@pytest.fixture
def content(_content, search_backend) -> dict:
    return fresh(_content)


def search(client, q, **params):
    response = client.get("/api/v1/search", {"q": q, **params})
    assert response.status_code == 200, response.content[:500]
    return response.json()


def ids(body) -> list[int]:
    return [item["id"] for item in body["items"]]


def test_german_inflections_find_the_base_form(client, content):
    for query in ("Stadtführungen", "stadtfuhrung", "Stadtführung"):
        assert ids(search(client, query)) == [content["tour"].pk], query


def test_english_plural_finds_the_singular(client, content):
    body = search(client, "museums", locale="en")
    assert content["museum_en"].pk in ids(body)
    item = next(item for item in body["items"] if item["id"] == content["museum_en"].pk)
    assert (item["type"], item["locale"], item["is_fallback"]) == ("poi", "en", False)


def test_sharp_s_and_ss_find_each_other(client, content):
    for query in ("Strasse", "Straße", "STRASSE"):
        assert ids(search(client, query)) == [content["cafe"].pk], query


def test_diacritics_do_not_matter(client, content):
    for query in ("Cafe", "café", "CAFÉ"):
        assert ids(search(client, query)) == [content["cafe"].pk], query


def test_synonyms_widen_the_search_at_once(client, content, locales):
    assert content["museum"].pk not in ids(search(client, "Museen"))  # "Museen" stems to "mus"
    SynonymGroup.objects.create(locale=locales["de"], terms="Museum, Museen")
    # The cached answer went with the change; the title match still ranks first.
    assert ids(search(client, "Museen"))[:2] == [content["museum"].pk, content["news"].pk]
    assert content["museum"].pk in ids(search(client, "museen -WLAN"))
    # Groups belong to a language: an English one widens English searches only.
    SynonymGroup.objects.create(locale=locales["en"], terms="exhibits, collections")
    assert ids(search(client, "exhibits", locale="en")) == [content["museum_en"].pk]
    assert search(client, "exhibits")["count"] == 0


def test_synonym_phrases_and_removal(client, content, locales):
    group = SynonymGroup.objects.create(locale=locales["de"], terms="Kaffeetafel; Kaffee und Kuchen")
    assert ids(search(client, "Kaffeetafel")) == [content["cafe"].pk]
    group.delete()
    assert ids(search(client, "Kaffeetafel")) == []


def test_past_events_only_with_past_true(client, content):
    assert ids(search(client, "Rundgang", type="event")) == [content["tour"].pk]
    found = ids(search(client, "Rundgang", type="event", past="true"))
    assert sorted(found) == sorted([content["tour"].pk, content["old_tour"].pk])


def test_an_event_whose_dates_pass_leaves_the_upcoming_results(client, content):
    """Occurrences are rewritten on publish and by the daily horizon job; search follows them."""
    tour = content["tour"]

    def move_to(days: int) -> None:  # the event's dates change in the database; the daily job runs
        Event.objects.filter(pk=tour.pk).update(start_date=timezone.localdate() + timedelta(days=days))
        extend_occurrence_horizon()

    move_to(-3)
    assert ids(search(client, "Nachtwächter")) == []
    assert ids(search(client, "Nachtwächter", past="true")) == [tour.pk]
    move_to(3)
    assert ids(search(client, "Nachtwächter")) == [tour.pk]
    remove_occurrences(tour)  # an event without dates is not upcoming
    occurrence_horizon_extended([tour.pk])
    assert ids(search(client, "Nachtwächter")) == []


def test_event_items_carry_their_next_date(client, content):
    item = search(client, "Nachtwächter")["items"][0]
    assert item["type"] == "event"
    assert item["event_id"] == item["id"] == content["tour"].pk
    assert item["start"].startswith(str(timezone.localdate() + timedelta(days=7)))
    assert item["api_url"].endswith(f"/api/v1/events/{content['tour'].pk}")


def test_hidden_content_is_never_found(client, content):
    found = ids(search(client, "Museum OR Museumsnacht OR Museumsdepot OR Museumsfest"))
    for hidden in ("draft", "restricted", "expired"):
        assert content[hidden].pk not in found
    suggested = [s["title"] for s in client.get("/api/v1/search/suggest", {"q": "Museum"}).json()]
    assert not {"Museumsnacht Entwurf", "Museumsdepot", "Museumsfest"} & set(suggested)


def test_unpublish_and_delete_remove_from_the_index(client, content, search_backend):
    content["cafe"].unpublish()
    search_backend.refresh()
    assert ids(search(client, "Kuchen")) == []
    content["news"].delete()
    search_backend.refresh()
    assert ids(search(client, "WLAN")) == []


def test_fallback_items_come_in_the_source_language(client, content):
    body = search(client, "Kaffee", locale="en")
    assert [(i["id"], i["locale"], i["is_fallback"]) for i in body["items"]] == [
        (content["cafe"].pk, "de", True)
    ]
    assert search(client, "Kaffee", locale="en", fallback="false")["count"] == 0
    # A translated page answers in the requested language only, never twice.
    found = ids(search(client, "Museum", locale="en", type="poi"))
    assert content["museum_en"].pk in found and content["museum"].pk not in found


def test_titles_are_boosted_over_body_text(client, content):
    # "Museum" is the museum's title and only in the body of the news article.
    assert ids(search(client, "Museum"))[:2] == [content["museum"].pk, content["news"].pk]


def test_type_and_category_filters(client, content):
    assert ids(search(client, "Museum", type="news")) == [content["news"].pk]
    both = search(client, "Museum", type=["news", "poi"])
    assert {item["type"] for item in both["items"]} == {"news", "poi"}
    assert ids(search(client, "Museum", category="museum")) == [content["museum"].pk]
    assert search(client, "Museum", category="nowhere")["count"] == 0


def test_paging(client, content):
    first = search(client, "Museum OR Rundgang OR Kaffee", limit=2)
    assert first["count"] == 4 and len(first["items"]) == 2
    assert first["previous"] is None and "offset=2" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["items"]) == 2 and second["next"] is None
    assert not set(ids(first)) & set(ids(second))


def test_suggest_completes_title_prefixes(client, content):
    response = client.get("/api/v1/search/suggest", {"q": "Stadtf"})
    assert response.status_code == 200
    assert response.json() == [
        {
            "title": "Stadtführung durch die Altstadt",
            "type": "event",
            "api_url": f"http://testserver/api/v1/events/{content['tour'].pk}",
        }
    ]
    titles = [s["title"] for s in client.get("/api/v1/search/suggest", {"q": "muse", "locale": "en"}).json()]
    assert titles == ["Town Museum"]


BAD_INPUT = (
    ({"q": "x" * 201}, "q"),
    ({"q": " ".join(["wort"] * 33)}, "q"),
    ({"q": ""}, "q"),
    ({}, "q"),
    ({"q": "museum", "type": "page"}, "type"),
    ({"q": "museum", "limit": "101"}, "limit"),
    ({"q": "museum", "past": "maybe"}, "past"),
    ({"q": "museum", "locale": "xx"}, "locale"),
    ({"q": "museum", "sort": "x"}, "sort"),
)


@pytest.mark.parametrize("path", ["/api/v1/search", "/api/v1/search/suggest"])
def test_bad_input_is_a_400_naming_the_parameter(client, content, path):
    for params, param in BAD_INPUT:
        # suggest takes neither limit nor past: there they are unknown parameters, named as such
        response = client.get(path, params)
        assert response.status_code == 400, (params, response.content[:300])
        assert response["Content-Type"] == "application/problem+json"
        assert param in [error["param"] for error in response.json()["errors"]], params


def test_32_terms_and_200_characters_are_accepted(client, content):
    assert search(client, " ".join(["Café"] * 32))["count"] == 1
    assert search(client, " " * 194 + "Museum")["count"] >= 1


def test_odd_syntax_never_fails(client, content):
    for query in ('"', "-", "OR", "*", '"Roland', "NOT AND", "a:b", "(", "Museum -Stadt", "&|!:*", "'"):
        assert client.get("/api/v1/search", {"q": query}).status_code == 200, query
        assert client.get("/api/v1/search/suggest", {"q": query}).status_code == 200, query
    assert ids(search(client, "Museum -Stadt")) == [content["news"].pk]  # the museum's teaser says Stadt
    assert ids(search(client, '"Kaffee und Kuchen"')) == [content["cafe"].pk]
    assert ids(search(client, '"Kuchen und Kaffee"')) == []


def test_query_count_is_bounded_whatever_the_page_size(client, content, search_backend):
    if search_backend.name != "database":
        pytest.skip("query count is a property of the database path")
    for path, params in (
        ("/api/v1/search", {"q": "Museum OR Rundgang OR Kaffee"}),
        ("/api/v1/search", {"q": "Museum", "locale": "en"}),
    ):
        one = count_api_queries(client, path, {**params, "limit": 1})
        hundred = count_api_queries(client, path, {**params, "limit": 100})
        assert one <= hundred <= 20, (params, one, hundred)
    assert count_api_queries(client, "/api/v1/search/suggest", {"q": "Mus"}) <= 3


def test_a_search_reads_its_synonyms_once_per_content_version(client, content, locales, search_backend):
    """The synonym groups are kept per process for the content version (a saved group raises it):
    a search that finds nothing costs its one search query."""
    if search_backend.name != "database":
        pytest.skip("query count is a property of the database path")
    assert count_api_queries(client, "/api/v1/search", {"q": "Zeppelinhangar"}) == 1
    SynonymGroup.objects.create(locale=locales["de"], terms="Zeppelinhangar, Museum")
    assert content["museum"].pk in ids(search(client, "Zeppelinhangar"))


def test_event_hits_read_their_dates_in_one_query(client, content, search_backend):
    """Events found: their rows (with the id of the date to show and their category ids), that
    date's times, the search query itself; venues only where an event has one."""
    if search_backend.name != "database":
        pytest.skip("query count is a property of the database path")
    upcoming = count_api_queries(client, "/api/v1/search", {"q": "Rundgang", "type": "event"})
    with_past = count_api_queries(
        client, "/api/v1/search", {"q": "Rundgang", "type": "event", "past": "true"}
    )
    assert upcoming == with_past == 3, (upcoming, with_past)
