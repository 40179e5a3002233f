"""HTTP caching: validators, 304s, and the server-side answer cache that publishing invalidates."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import http_date
from wagtail.models import Locale, Page

from cms.demo.translation import translate_with_strings
from tests.factories import CategoryFactory, SiteTree
from tests.worlds import built_once, fresh

pytestmark = pytest.mark.django_db

CACHE = "X-Roland-Cache"


@pytest.fixture(params=["local-memory", "redis"])
def any_cache(request):
    """The same behaviour on the default local-memory cache and on a real Redis server."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    return request.param


# A site tree without content, built once for the tests that add their own.
_site_tree = built_once(SiteTree, scope="class")


def titles(response) -> set[str]:
    return {item["title"] for item in response.json()["items"]}


class TestAnswerCache:
    """Tests that add their own content to a site tree built once for the class."""

    @pytest.fixture
    def tree(self, _site_tree, db) -> SiteTree:
        return fresh(_site_tree)

    @pytest.mark.parametrize(
        "path",
        ["/api/v1/pois", "/api/v1/events", "/api/v1/news", "/api/v1/categories", "/api/wagtail/v2/pages/"],
    )
    def test_every_get_has_validators_and_cache_control(self, client, tree, path):
        response = client.get(path)
        assert response.status_code == 200
        assert response["ETag"].startswith('"') and len(response["ETag"]) > 20
        assert response.has_header("Last-Modified")
        assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
        assert "Accept-Language" in response["Vary"]

    def test_second_read_is_served_from_the_cache_with_the_same_etag(self, client, tree):
        tree.poi(title="Schloss Hundisburg", slug="schloss")
        first = client.get("/api/v1/pois")
        second = client.get("/api/v1/pois")
        assert (first[CACHE], second[CACHE]) == ("miss", "hit")
        assert first["ETag"] == second["ETag"]
        assert first.content == second.content
        assert second["Content-Type"] == "application/json; charset=utf-8"
        assert second["Content-Language"] == "de"

    def test_a_hit_carries_what_the_fresh_answer_carried(self, client, tree, any_cache):
        """A hit is answered from headers prepared once: the same as the answer it keeps, for
        anonymous callers (public) and partner keys (private) alike."""
        from sites.api_keys import issue_key
        from sites.models import ApiClient

        partner = ApiClient(name="Eventportal", rate_limit=100)
        key = issue_key(partner)
        partner.save()
        tree.poi(title="Schloss Hundisburg", slug="schloss")
        # Per request, or (Content-Length) left to the server for a kept answer, as before.
        own = {
            "age",
            "x-roland-cache",
            "x-request-id",
            "ratelimit-remaining",
            "ratelimit-reset",
            "content-length",
        }

        def headers(response) -> dict[str, str]:
            return {name.lower(): value for name, value in response.items() if name.lower() not in own}

        fresh_answer = client.get("/api/v1/pois")
        for _ in range(2):
            hit = client.get("/api/v1/pois")
            assert hit[CACHE] == "hit"
            assert headers(hit) == headers(fresh_answer)
            assert hit.content == fresh_answer.content
        keyed = client.get("/api/v1/pois", HTTP_AUTHORIZATION=f"Bearer {key}")
        assert keyed[CACHE] == "hit" and keyed.content == fresh_answer.content
        assert keyed["Cache-Control"].startswith("private")
        assert client.get("/api/v1/pois")["Cache-Control"].startswith("public")
        revalidated = client.get("/api/v1/pois", HTTP_IF_NONE_MATCH=fresh_answer["ETag"])
        assert revalidated.status_code == 304 and revalidated["ETag"] == fresh_answer["ETag"]
        assert revalidated["Content-Language"] == "de"

    def test_a_remembered_request_is_still_checked_against_allowed_hosts(self, client, tree, settings):
        settings.ALLOWED_HOSTS = ["testserver", "api.example"]
        assert client.get("/api/v1/pois", HTTP_HOST="api.example").status_code == 200
        assert client.get("/api/v1/pois", HTTP_HOST="api.example")[CACHE] == "hit"
        settings.ALLOWED_HOSTS = ["testserver"]
        assert client.get("/api/v1/pois", HTTP_HOST="api.example").status_code == 400

    def test_if_none_match_and_if_modified_since_give_304(self, client, tree):
        tree.poi(title="Schloss Hundisburg", slug="schloss")
        first = client.get("/api/v1/pois")
        etag, modified = first["ETag"], first["Last-Modified"]
        for headers in (
            {"HTTP_IF_NONE_MATCH": etag},
            {"HTTP_IF_NONE_MATCH": f'W/{etag}, "other"'},
            {"HTTP_IF_MODIFIED_SINCE": modified},
        ):
            response = client.get("/api/v1/pois", **headers)
            assert response.status_code == 304, headers
            assert response.content == b""
            assert response["ETag"] == etag
            assert response.has_header("RateLimit-Remaining")
        assert client.get("/api/v1/pois", HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
        assert client.get("/api/v1/pois", HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200

    def test_a_change_turns_the_old_etag_into_a_full_answer(self, client, tree):
        tree.poi(title="Schloss Hundisburg", slug="schloss")
        etag = client.get("/api/v1/pois")["ETag"]
        tree.poi(title="Roland-Statue", slug="roland")
        response = client.get("/api/v1/pois", HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200
        assert response["ETag"] != etag
        assert titles(response) == {"Schloss Hundisburg", "Roland-Statue"}

    def test_publish_read_unpublish_read_never_shows_the_item_again(self, client, tree, any_cache):
        poi = tree.poi(title="Kulturfabrik", slug="kulturfabrik")
        event = tree.event(title="Rolandfest", slug="rolandfest")
        article = tree.news_article(title="Neue Radwege", slug="radwege")
        urls = {
            poi: ["/api/v1/pois", "/api/v1/pois.geojson", f"/api/v1/pois/{poi.pk}"],
            event: ["/api/v1/events", "/api/v1/events.ics", f"/api/v1/events/{event.pk}"],
            article: ["/api/v1/news", "/api/v1/news.rss", f"/api/v1/news/{article.pk}"],
        }
        for page, paths in urls.items():
            for path in paths:
                assert page.title in client.get(path).content.decode(), path
                assert client.get(path)[CACHE] == "hit", path
            client.get(f"/api/wagtail/v2/pages/{page.pk}/")
            page.unpublish()
            for path in paths:
                response = client.get(path)
                assert page.title not in response.content.decode(), path
            assert client.get(f"/api/wagtail/v2/pages/{page.pk}/").status_code == 404

    def test_delete_and_move_invalidate(self, client, tree, any_cache):
        poi = tree.poi(title="Kulturfabrik", slug="kulturfabrik")
        other = tree.poi(title="Stadtmauer", slug="stadtmauer")
        assert titles(client.get("/api/v1/pois")) == {"Kulturfabrik", "Stadtmauer"}
        poi.delete()
        assert titles(client.get("/api/v1/pois")) == {"Stadtmauer"}
        # Moved out of the site (under the tree root): no longer public.
        Page.objects.get(pk=other.pk).move(Page.get_first_root_node(), pos="last-child")
        assert titles(client.get("/api/v1/pois")) == set()

    def test_unpublishing_a_translation_invalidates_its_locale(
        self, client, tree, locales, any_cache, django_capture_on_commit_callbacks
    ):
        poi = tree.poi(title="Roland-Statue", slug="roland")
        with django_capture_on_commit_callbacks(execute=True):
            translate_with_strings(tree.home, locales["en"], {})
            translate_with_strings(tree.pois, locales["en"], {})
            english, _missing = translate_with_strings(poi, locales["en"], {"Roland-Statue": "Roland statue"})
        english = Page.objects.get(pk=english.pk).specific
        assert titles(client.get("/api/v1/pois?locale=en&fallback=false")) == {"Roland statue"}
        assert client.get("/api/v1/pois?locale=en&fallback=false")[CACHE] == "hit"
        english.unpublish()
        assert titles(client.get("/api/v1/pois?locale=en&fallback=false")) == set()
        fallback = client.get("/api/v1/pois?locale=en").json()["items"]
        assert [(item["title"], item["is_fallback"]) for item in fallback] == [("Roland-Statue", True)]

    def test_languages_are_cached_apart(self, client, tree, locales):
        tree.poi(title="Roland-Statue", slug="roland")
        german = client.get("/api/v1/pois", HTTP_ACCEPT_LANGUAGE="de")
        english = client.get("/api/v1/pois", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
        again = client.get("/api/v1/pois", HTTP_ACCEPT_LANGUAGE="en")
        assert german["Content-Language"] == "de"
        assert english["Content-Language"] == again["Content-Language"] == "en"
        assert again[CACHE] == "hit"

    def test_a_percent_encoded_language_parameter_keeps_its_own_answer(self, client, tree, locales):
        """`?%6Cocale=en` is `?locale=en` to the view: it must not be cached under the header's language."""
        tree.poi(title="Roland-Statue", slug="roland")
        encoded = client.get("/api/v1/pois?%6Cocale=en", HTTP_ACCEPT_LANGUAGE="de")
        plain = client.get("/api/v1/pois", HTTP_ACCEPT_LANGUAGE="de")
        assert encoded["Content-Language"] == "en"
        assert (plain["Content-Language"], plain[CACHE]) == ("de", "miss")

    def test_snippet_changes_reach_cached_lists(self, client, tree):
        category = CategoryFactory(name="Museen", slug="museum")
        poi = tree.poi(title="Museum", slug="museum")
        poi.categories = [category]
        poi.save_revision().publish()
        first = client.get("/api/v1/pois").json()["items"][0]["categories"]
        assert [c["name"] for c in first] == ["Museen"]
        category.name = "Museen und Galerien"
        category.save()
        second = client.get("/api/v1/pois").json()["items"][0]["categories"]
        assert [c["name"] for c in second] == ["Museen und Galerien"]

    def test_errors_and_private_answers_are_not_cached(self, client, tree):
        assert client.get("/api/v1/pois?limit=0").status_code == 400
        assert client.get("/api/v1/pois?limit=0")[CACHE] == "bypass"
        assert client.get("/api/v1/pois/123456")[CACHE] == "bypass"

    def test_answers_for_another_host_are_not_shared(self, client, tree, settings):
        settings.ALLOWED_HOSTS = ["testserver", "api.example"]
        tree.poi(title="Roland-Statue", slug="roland")
        client.get("/api/v1/pois")
        other = client.get("/api/v1/pois", HTTP_HOST="api.example")
        assert other["X-Roland-Cache"] == "miss"
        assert other.json()["items"][0]["api_url"].startswith("http://api.example/")

    def test_hot_answers_keep_the_shared_caches_lifetime_and_versions(
        self, client, tree, any_cache, monkeypatch
    ):
        """Each process keeps the most read answers too; they end when the shared copy would."""
        import time

        from django.core.cache import cache

        from cms.core import http_cache

        tree.poi(title="Rathaus")
        first = client.get("/api/v1/pois")
        assert first[CACHE] == "miss"
        key, _answer = http_cache.lookup(first.wsgi_request)
        cache.delete(key)  # the shared copy is gone: what follows is the process's own copy
        assert client.get("/api/v1/pois")[CACHE] == "hit"
        # Past the lifetime (60 s) that copy is not served either.
        later = time.time() + 61
        monkeypatch.setattr(http_cache.time, "time", lambda: later)
        assert client.get("/api/v1/pois")[CACHE] == "miss"
        # A publish changes the key in every process: the new title shows at once.
        tree.poi(title="Stadtbibliothek")
        response = client.get("/api/v1/pois")
        assert response[CACHE] == "miss" and titles(response) == {"Rathaus", "Stadtbibliothek"}


# Every way a client states (or does not state) a language: no header, a configured language, an
# unconfigured one, a preference list; each also with the parameter, which wins over the header.
ACCEPT_LANGUAGES = [None, "de", "en", "fr", "en-GB,de;q=0.5"]
LOCALE_QUERIES = ["", "?locale=de", "?locale=en"]


def build_bilingual() -> dict:
    """A place, an event and a news article in German, each with a live English translation."""
    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    day = timezone.localdate() + timedelta(days=3)
    for index in (tree.home, tree.pois, tree.events, tree.news):
        translate_with_strings(index, english, {})
    german = {
        "pois": (tree.poi(title="Reitender Roland", slug="roland"), "Riding Roland"),
        "events": (tree.event(title="Rolandfest", slug="rolandfest", start_date=day), "Roland festival"),
        "news": (tree.news_article(title="Neues WLAN am Markt", slug="wlan"), "New Wi-Fi at the market"),
    }
    pages = {}
    for kind, (page, title) in german.items():
        translation, _missing = translate_with_strings(page, english, {page.title: title})
        pages[kind] = {"de": page, "en": translation}
    return pages


_bilingual = built_once(build_bilingual, scope="class")


def ask(client, url: str, accept_language: str | None):
    headers = {} if accept_language is None else {"HTTP_ACCEPT_LANGUAGE": accept_language}
    return client.get(url, **headers)


def seen(response) -> tuple[int, str, bytes]:
    """What a client gets: status, language and bytes."""
    return response.status_code, response.get("Content-Language", ""), response.content


class TestLanguageVariants:
    """The bilingual pages, built once for the class."""

    @pytest.fixture
    def bilingual(self, _bilingual, db) -> dict:
        return fresh(_bilingual)

    @pytest.mark.parametrize("kind", ["pois", "events", "news"])
    def test_no_language_variant_of_a_url_gets_another_variants_answer(
        self, client, bilingual, settings, any_cache, kind
    ):
        """Each variant, asked after the others were stored, gets what it gets with the cache switched off.

        The detail of an English item asked without any language answers in English; asked with
        `Accept-Language: de` it must not get that English answer back from the cache.
        """
        german, english = bilingual[kind]["de"], bilingual[kind]["en"]
        paths = [f"/api/v1/{kind}", f"/api/v1/{kind}/{german.pk}", f"/api/v1/{kind}/{english.pk}"]
        urls = [path + query for path in paths for query in LOCALE_QUERIES]
        lifetime = settings.API_CACHE_SERVER_SECONDS
        settings.API_CACHE_SERVER_SECONDS = 0  # the answer cache switched off: each variant's own answer
        uncached = {
            (url, header): seen(ask(client, url, header)) for url in urls for header in ACCEPT_LANGUAGES
        }
        settings.API_CACHE_SERVER_SECONDS = lifetime
        languages = {
            header: uncached[f"/api/v1/{kind}/{english.pk}", header][1] for header in ACCEPT_LANGUAGES
        }
        assert languages == {None: "en", "de": "de", "en": "en", "fr": "de", "en-GB,de;q=0.5": "en"}
        for order in (ACCEPT_LANGUAGES, ACCEPT_LANGUAGES[::-1]):
            for url in urls:
                for header in order:
                    response = ask(client, url, header)
                    assert seen(response) == uncached[url, header], (url, header, response[CACHE])
                    assert "Accept-Language" in response["Vary"], (url, header)
        assert ask(client, paths[2], None)[CACHE] == "hit"
