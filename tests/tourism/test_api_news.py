"""/api/v1/news, /news/{id} and /news.rss: what the city website, feed readers and partner apps rely on."""

import json
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from email.utils import parsedate_to_datetime

import pytest
from wagtail.models import Locale, PageViewRestriction, Site

from cms.demo.translation import translate_with_strings
from cms.publishing import visibility_changed
from media.renditions import PRESETS
from tests.factories import CategoryFactory, ImageFactory, SiteTree
from tests.querycount import count_api_queries
from tests.worlds import built_once, fresh
from tourism.models import NewsArticleRelatedPage

pytestmark = pytest.mark.django_db

SCHEMA_ORG = "https://schema.org/"


def build_articles() -> dict:
    """Three articles with images; "WLAN" is tagged, categorised, linked and translated to English."""
    tree = SiteTree()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    tourism = CategoryFactory(name="Tourismus", slug="tourism", kind="news")
    town_hall = CategoryFactory(name="Rathaus", slug="town-hall", kind="news")
    translate_with_strings(tree.home, locales["en"], {})
    translate_with_strings(tree.news, locales["en"], {"Aktuelles": "News", "aktuelles": "news"})
    translate_with_strings(tree.pois, locales["en"], {"orte": "places"})
    translate_with_strings(tourism, locales["en"], {"Tourismus": "Tourism"})
    roland = tree.poi(title="Reitender Roland", slug="roland")
    translate_with_strings(roland, locales["en"], {"Reitender Roland": "Riding Roland", "roland": "roland"})
    hidden_poi = tree.poi(title="Verborgener Ort", slug="verborgen", live=False)
    tour = tree.event(title="Stadtführung", slug="fuehrung")
    wifi = tree.news_article(
        title="Neues WLAN am Markt",
        slug="wlan",
        date=date(2026, 3, 10),
        body=[("paragraph", "<p>Ab sofort surfen alle kostenlos.</p>")],
        image=ImageFactory(),
        live=False,
    )
    wifi.categories = [tourism]
    wifi.tags.add("wlan")
    wifi.related_links = [
        NewsArticleRelatedPage(target=roland),
        NewsArticleRelatedPage(target=hidden_poi),
        NewsArticleRelatedPage(target=tour),
    ]
    wifi.save_revision().publish()
    translate_with_strings(
        wifi,
        locales["en"],
        {
            "Neues WLAN am Markt": "New Wi-Fi at the market",
            "wlan": "wifi",
            "Der Marktplatz hat jetzt freies WLAN.": "The market square now has free Wi-Fi.",
        },
    )
    festival = tree.news_article(
        title="Stadtfest 2026", slug="stadtfest", date=date(2026, 5, 1), image=ImageFactory(), live=False
    )
    festival.categories = [town_hall]
    festival.save_revision().publish()
    works = tree.news_article(
        title="Baustelle Hagenstraße", slug="baustelle", date=date(2026, 1, 15), image=ImageFactory()
    )
    return {
        "wifi": wifi,
        "wifi_en": wifi.get_translation(locales["en"]),
        "festival": festival,
        "works": works,
        "roland": roland,
        "roland_en": roland.get_translation(locales["en"]),
        "tour": tour,
        "tree": tree,
    }


_articles = built_once(build_articles, scope="class")
_empty_index = built_once(SiteTree, scope="class")


def get(client, path, **params):
    return client.get(f"/api/v1/{path}", params)


def titles(response):
    assert response.status_code == 200, response.content[:300]
    return [item["title"] for item in response.json()["items"]]


# --- list -----------------------------------------------------------------------------------------


class TestPublishedArticles:
    """Three articles (one draft place and one event linked), built once for the class."""

    @pytest.fixture
    def news(self, _articles, db) -> dict:
        return fresh(_articles)

    @pytest.fixture
    def tree(self, news):
        """The articles' site tree (not a second one)."""
        return news["tree"]

    def test_list_contract_for_the_city_website(self, client, news):
        response = get(client, "news", locale="de")
        assert response.status_code == 200
        assert response["Content-Language"] == "de"
        assert "Accept-Language" in response["Vary"]
        data = response.json()
        assert set(data) == {"count", "next", "previous", "items"}
        assert data["count"] == 3
        wifi = next(item for item in data["items"] if item["title"] == "Neues WLAN am Markt")
        assert set(wifi) >= {
            "id", "type", "locale", "is_fallback", "title", "slug", "teaser", "url", "api_url", "last_published_at",
            "date", "categories", "image",
        }  # fmt: skip
        assert (wifi["type"], wifi["locale"], wifi["is_fallback"]) == ("news", "de", False)
        assert wifi["date"] == "2026-03-10"
        assert wifi["slug"] == "wlan"
        assert wifi["teaser"] == "Der Marktplatz hat jetzt freies WLAN."
        assert wifi["categories"] == [{"slug": "tourism", "name": "Tourismus"}]
        assert wifi["url"].endswith("/aktuelles/wlan/")
        assert wifi["api_url"].endswith(f"/api/v1/news/{news['wifi'].pk}")
        assert set(wifi["image"]["renditions"]) == set(PRESETS)
        assert wifi["image"]["alt"] and wifi["image"]["credit"]
        assert "body" not in wifi and "jsonld" not in wifi

    def test_newest_first(self, client, news):
        assert titles(get(client, "news")) == [
            "Stadtfest 2026",
            "Neues WLAN am Markt",
            "Baustelle Hagenstraße",
        ]

    def test_same_day_articles_are_ordered_newest_created_first(self, client, news, tree):
        later = tree.news_article(title="Später am selben Tag", slug="spaeter", date=date(2026, 5, 1))
        assert titles(get(client, "news", limit="2")) == [later.title, "Stadtfest 2026"]

    def test_since_tag_and_category_filters(self, client, news):
        assert titles(get(client, "news", since="2026-03-01")) == ["Stadtfest 2026", "Neues WLAN am Markt"]
        assert titles(get(client, "news", since="2026-03-10")) == ["Stadtfest 2026", "Neues WLAN am Markt"]
        assert titles(get(client, "news", since="2026-03-11")) == ["Stadtfest 2026"]
        assert titles(get(client, "news", tag="wlan")) == ["Neues WLAN am Markt"]
        assert titles(get(client, "news", tag="unbekannt")) == []
        assert titles(get(client, "news", category="tourism")) == ["Neues WLAN am Markt"]
        both = client.get("/api/v1/news?category=tourism&category=town-hall")
        assert titles(both) == ["Stadtfest 2026", "Neues WLAN am Markt"]
        assert titles(get(client, "news", category="tourism", since="2026-04-01")) == []

    def test_english_with_fallback_marks_untranslated_articles(self, client, news):
        items = get(client, "news", locale="en").json()["items"]
        assert [item["title"] for item in items] == [
            "Stadtfest 2026",
            "New Wi-Fi at the market",
            "Baustelle Hagenstraße",
        ]
        by_title = {item["title"]: item for item in items}
        english = by_title["New Wi-Fi at the market"]
        assert (english["locale"], english["is_fallback"]) == ("en", False)
        assert english["categories"] == [{"slug": "tourism", "name": "Tourism"}]
        assert english["url"].endswith("/en/news/wifi/")
        assert english["teaser"] == "The market square now has free Wi-Fi."
        assert (by_title["Stadtfest 2026"]["locale"], by_title["Stadtfest 2026"]["is_fallback"]) == (
            "de",
            True,
        )
        strict = get(client, "news", locale="en", fallback="false")
        assert titles(strict) == ["New Wi-Fi at the market"]
        assert titles(get(client, "news", locale="en", tag="wlan")) == ["New Wi-Fi at the market"]

    def test_paging_links(self, client, news):
        first = get(client, "news", limit="2").json()
        assert len(first["items"]) == 2 and first["previous"] is None
        second = client.get(first["next"]).json()
        assert [item["title"] for item in second["items"]] == ["Baustelle Hagenstraße"]
        assert second["next"] is None and second["previous"]

    def test_detail_contract_with_related_and_translations(self, client, news):
        wifi = news["wifi"]
        response = get(client, f"news/{wifi.pk}")
        assert response.status_code == 200
        data = response.json()
        assert set(data) >= {"body", "related", "translations", "jsonld", "date", "image", "categories"}
        assert data["body"] == [{"type": "paragraph", "value": "<p>Ab sofort surfen alle kostenlos.</p>"}]
        assert data["translations"] == [
            {
                "locale": "en",
                "id": news["wifi_en"].pk,
                "api_url": f"http://testserver/api/v1/news/{news['wifi_en'].pk}",
            }
        ]
        # The draft place is left out; the others come in the reader's language.
        assert [(r["type"], r["title"]) for r in data["related"]] == [
            ("poi", "Reitender Roland"),
            ("event", "Stadtführung"),
        ]
        assert data["related"][0]["api_url"].endswith(f"/api/v1/pois/{news['roland'].pk}")
        assert data["related"][1]["api_url"].endswith(f"/api/v1/events/{news['tour'].pk}")
        english = get(client, f"news/{wifi.pk}", locale="en").json()
        assert english["related"][0] == {
            "id": news["roland_en"].pk,
            "type": "poi",
            "title": "Riding Roland",
            "url": english["related"][0]["url"],
            "api_url": f"http://testserver/api/v1/pois/{news['roland_en'].pk}",
        }
        assert english["related"][0]["url"].endswith("/en/places/roland/")

    def test_detail_of_a_translation_answers_in_its_language(self, client, news):
        response = get(client, f"news/{news['wifi_en'].pk}")
        assert response["Content-Language"] == "en"
        data = response.json()
        assert (data["title"], data["locale"], data["is_fallback"]) == (
            "New Wi-Fi at the market",
            "en",
            False,
        )
        assert data["categories"] == [{"slug": "tourism", "name": "Tourism"}]
        assert [t["locale"] for t in data["translations"]] == ["de"]
        assert data["jsonld"]["inLanguage"] == "en"

    def test_jsonld_news_article(self, client, news):
        wifi = news["wifi"]
        data = get(client, f"news/{wifi.pk}").json()
        ld = data["jsonld"]
        assert ld["@context"] == "https://schema.org"
        assert ld["@type"] == "NewsArticle"
        assert ld["headline"] == "Neues WLAN am Markt"
        assert ld["description"] == "Der Marktplatz hat jetzt freies WLAN."
        assert ld["datePublished"] == "2026-03-10"
        assert ld["dateModified"][-6:] in {"+01:00", "+02:00"}  # Europe/Berlin
        assert ld["inLanguage"] == "de"
        # A stable id (the API address survives a new slug) and where people read it.
        assert ld["@id"] == data["api_url"] and ld["url"] == data["url"]
        assert ld["identifier"] == f"news:{wifi.pk}"
        [image] = ld["image"]
        assert image["@type"] == "ImageObject"
        assert image["contentUrl"] == data["image"]["renditions"]["hero"]["url"]
        assert image["creditText"] == image["copyrightNotice"] == data["image"]["credit"]
        assert image["license"] == data["image"]["license_url"]
        # The dataset's terms: the default licence, published by the default attribution.
        assert ld["license"] == ld["sdLicense"] == "https://creativecommons.org/licenses/by/4.0/"
        assert ld["sdPublisher"]["name"] == "Stadt Haldensleben"
        assert ld["publisher"] == {
            "@type": "Organization",
            "name": "Stadt Haldensleben",
            "url": "http://testserver",
        }
        assert ld["articleSection"] == ["Tourismus"]

        as_jsonld = get(client, f"news/{wifi.pk}", format="jsonld")
        assert as_jsonld.status_code == 200
        assert as_jsonld["Content-Type"] == "application/ld+json"
        assert as_jsonld.json() == ld
        accept = client.get(f"/api/v1/news/{wifi.pk}", HTTP_ACCEPT="application/ld+json")
        assert accept["Content-Type"] == "application/ld+json"
        assert accept.json() == ld
        assert (
            get(client, f"news/{wifi.pk}", format="json")["Content-Type"] == "application/json; charset=utf-8"
        )

    def test_jsonld_expands_as_linked_data(self, client, news):
        from pyld import jsonld

        document = get(client, f"news/{news['wifi'].pk}", format="jsonld").json()
        (node,) = jsonld.expand(document, {"documentLoader": offline_loader})
        assert node["@type"] == [f"{SCHEMA_ORG}NewsArticle"]
        assert node["@id"] == document["@id"]
        assert node[f"{SCHEMA_ORG}headline"] == [{"@value": "Neues WLAN am Markt"}]
        assert node[f"{SCHEMA_ORG}inLanguage"] == [{"@value": "de"}]
        assert node[f"{SCHEMA_ORG}datePublished"] == [{"@type": f"{SCHEMA_ORG}Date", "@value": "2026-03-10"}]
        assert node[f"{SCHEMA_ORG}url"] == [{"@id": document["url"]}]
        [image] = node[f"{SCHEMA_ORG}image"]
        assert image["@type"] == [f"{SCHEMA_ORG}ImageObject"]
        assert image[f"{SCHEMA_ORG}contentUrl"] == [{"@value": document["image"][0]["contentUrl"]}]
        (publisher,) = node[f"{SCHEMA_ORG}publisher"]
        assert publisher["@type"] == [f"{SCHEMA_ORG}Organization"]
        assert publisher[f"{SCHEMA_ORG}name"] == [{"@value": "Stadt Haldensleben"}]

    def test_rss_structure(self, client, news):
        Site.objects.filter(is_default_site=True).update(site_name="Haldensleben")
        visibility_changed()
        response = get(client, "news.rss")
        assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
        assert response["Content-Language"] == "de"
        root = ET.fromstring(response.content)
        assert (root.tag, root.get("version")) == ("rss", "2.0")
        channel, items = rss_items(response)
        assert channel.findtext("language") == "de"
        assert channel.findtext("title") == "Haldensleben: Aktuelles"
        assert channel.findtext("link") == "http://testserver"
        assert channel.findtext("description")
        assert [item.findtext("title") for item in items] == [
            "Stadtfest 2026",
            "Neues WLAN am Markt",
            "Baustelle Hagenstraße",
        ]
        wifi = items[1]
        assert wifi.findtext("link").endswith("/aktuelles/wlan/")
        assert wifi.findtext("description") == "Der Marktplatz hat jetzt freies WLAN."
        guid = wifi.find("guid")
        assert (guid.text, guid.get("isPermaLink")) == (wifi.findtext("link"), "true")
        published = parsedate_to_datetime(wifi.findtext("pubDate"))
        assert published.date() == date(2026, 3, 10) and published.utcoffset() is not None
        enclosure = wifi.find("enclosure")
        assert enclosure.get("type") == "image/webp"
        assert enclosure.get("length") == "0"
        assert enclosure.get("url").startswith("http://testserver/") and enclosure.get("url").endswith(
            ".webp"
        )
        assert [category.text for category in wifi.findall("category")] == ["Tourismus"]

    def test_rss_parses_in_a_feed_reader(self, client, news):
        import feedparser

        wifi_detail = get(client, f"news/{news['wifi'].pk}").json()
        feed = feedparser.parse(get(client, "news.rss").content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "rss20"
        assert feed.feed.language == "de"
        assert feed.feed.link == "http://testserver"
        entry = feed.entries[1]
        assert entry.title == "Neues WLAN am Markt"
        assert entry.link == wifi_detail["url"]
        assert entry.id == wifi_detail["url"] and entry.guidislink is False
        assert tuple(entry.published_parsed)[:3] in {
            (2026, 3, 10),
            (2026, 3, 9),
        }  # local midnight, shown in UTC
        (enclosure,) = entry.enclosures
        assert enclosure.href == wifi_detail["image"]["renditions"]["card"]["url"]
        assert enclosure.type == "image/webp"

    def test_rss_in_english_with_filters(self, client, news):
        channel, items = rss_items(get(client, "news.rss", locale="en"))
        assert channel.findtext("language") == "en"
        assert channel.findtext("title") == "News"  # the site has no name here
        assert [item.findtext("title") for item in items][1] == "New Wi-Fi at the market"
        assert items[1].findtext("link").endswith("/en/news/wifi/")
        _channel, strict = rss_items(get(client, "news.rss", locale="en", fallback="false"))
        assert [item.findtext("title") for item in strict] == ["New Wi-Fi at the market"]
        _channel, since = rss_items(client.get("/api/v1/news.rss?since=2026-02-01&category=town-hall"))
        assert [item.findtext("title") for item in since] == ["Stadtfest 2026"]
        _channel, tagged = rss_items(get(client, "news.rss", tag="wlan"))
        assert [item.findtext("title") for item in tagged] == ["Neues WLAN am Markt"]

    def test_drafts_and_restricted_articles_are_hidden_everywhere(self, client, news, tree):
        draft = tree.news_article(title="Entwurf", slug="entwurf", date=date(2026, 6, 1), live=False)
        PageViewRestriction.objects.create(page=news["festival"], restriction_type="password", password="x")
        for hidden in (draft, news["festival"]):
            for params in ({}, {"format": "jsonld"}, {"locale": "en"}):
                response = get(client, f"news/{hidden.pk}", **params)
                assert response.status_code == 404
                assert response["Content-Type"] == "application/problem+json"
        expected = ["Neues WLAN am Markt", "Baustelle Hagenstraße"]
        assert titles(get(client, "news")) == expected
        assert titles(get(client, "news", since="2026-01-01", category="town-hall")) == []
        _channel, items = rss_items(get(client, "news.rss"))
        assert [item.findtext("title") for item in items] == expected
        assert b"Entwurf" not in get(client, "news.rss").content

    def test_a_restricted_translation_is_replaced_by_its_source(self, client, news):
        PageViewRestriction.objects.create(page=news["wifi_en"], restriction_type="password", password="x")
        items = get(client, "news", locale="en").json()["items"]
        by_title = {item["title"]: item for item in items}
        assert "New Wi-Fi at the market" not in by_title
        assert by_title["Neues WLAN am Markt"]["is_fallback"] is True
        assert titles(get(client, "news", locale="en", fallback="false")) == []
        assert get(client, f"news/{news['wifi_en'].pk}").status_code == 404
        assert [t["locale"] for t in get(client, f"news/{news['wifi'].pk}").json()["translations"]] == []

    def test_list_query_count_does_not_grow_with_the_page(self, client, news):
        for extra in ({}, {"locale": "en"}, {"category": "tourism", "tag": "wlan", "since": "2026-01-01"}):
            one, hundred = (
                count_queries(client, "news", limit=1, **extra),
                count_queries(client, "news", limit=100, **extra),
            )
            assert one == hundred <= 10, (extra, one, hundred)

    def test_rss_and_detail_query_counts_are_bounded(self, client, news):
        assert count_queries(client, "news.rss") <= 10
        assert count_queries(client, f"news/{news['wifi'].pk}") <= 8
        assert count_queries(client, f"news/{news['wifi_en'].pk}") <= 8
        assert count_queries(client, f"news/{news['wifi'].pk}", locale="en") <= 8


# --- detail and JSON-LD ---------------------------------------------------------------------------


# A minimal stand-in for the schema.org context (the real one is large and online): it gives the
# terms the same IRIs and the same @id coercions, so expansion is checked without the network.
SCHEMA_ORG_CONTEXT = {
    "@context": {
        "@vocab": SCHEMA_ORG,
        "schema": SCHEMA_ORG,
        "url": {"@id": "schema:url", "@type": "@id"},
        "image": {"@id": "schema:image", "@type": "@id"},
        "mainEntityOfPage": {"@id": "schema:mainEntityOfPage", "@type": "@id"},
        "datePublished": {"@id": "schema:datePublished", "@type": "schema:Date"},
        "dateModified": {"@id": "schema:dateModified", "@type": "schema:DateTime"},
    }
}


def offline_loader(url, options=None):
    if url.rstrip("/") in {"https://schema.org", "http://schema.org"}:
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_ORG_CONTEXT}
    raise AssertionError(f"the test tried to load {url}")


# --- RSS ------------------------------------------------------------------------------------------


def rss_items(response):
    assert response.status_code == 200, response.content[:300]
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


class TestEmptyNewsIndex:
    """A site tree without articles, built once for the class; tests add their own."""

    @pytest.fixture
    def tree(self, _empty_index, db) -> SiteTree:
        return fresh(_empty_index)

    def test_rss_holds_the_newest_fifty(self, client, tree):
        for day in range(52):
            tree.news_article(
                title=f"Meldung {day}", slug=f"meldung-{day}", date=date(2026, 1, 1) + timedelta(days=day)
            )
        _channel, items = rss_items(get(client, "news.rss"))
        assert len(items) == 50
        dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
        assert dates == sorted(dates, reverse=True)
        assert all(item.find("enclosure") is None for item in items)  # no image, no enclosure

    def test_rss_survives_control_characters(self, client, tree):
        tree.news_article(title="Steuer\x0bzeichen", slug="steuer", teaser="Text mit \x01 Zeichen")
        _channel, items = rss_items(get(client, "news.rss"))
        assert [(item.findtext("title"), item.findtext("description")) for item in items] == [
            ("Steuerzeichen", "Text mit  Zeichen")
        ]

    @pytest.mark.parametrize(
        "path", ["news/999999", "news/abc", "news/1.5", "news/-1", "news/1/extra", "news.atom"]
    )
    def test_unknown_ids_and_paths_are_404_problems(self, client, tree, path):
        response = client.get(f"/api/v1/{path}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"

    @pytest.mark.parametrize(
        ("path", "query", "param"),
        [
            ("news", "limit=0", "limit"),
            ("news", "limit=abc", "limit"),
            ("news", "offset=-1", "offset"),
            ("news", "fallback=maybe", "fallback"),
            ("news", "locale=xx", "locale"),
            ("news", "since=yesterday", "since"),
            ("news", "since=2026-13-01", "since"),
            ("news", "since=2026-02-30", "since"),
            ("news", "since=20260301", "since"),
            ("news", "since=2026-03-01T10:00", "since"),
            ("news", "since=0001-01-01", "since"),
            ("news", "since=", "since"),
            ("news", "since=2026-01-01&since=2026-02-01", "since"),
            ("news", "tag=a&tag=b", "tag"),
            ("news", "limit=5&limit=6", "limit"),
            ("news", "colour=red", "colour"),
            ("news", "tag=" + "x" * 10_000, "tag"),
            ("news", "category=" + "x" * 10_000, "category"),
            ("news", "tag=a%00b", "tag"),
            ("news", "category=a%00b", "category"),
            ("news", "format=jsonld", "format"),
            ("news.rss", "limit=10", "limit"),
            ("news.rss", "offset=10", "offset"),
            ("news.rss", "since=gestern", "since"),
            ("news.rss", "locale=xx", "locale"),
            ("news.rss", "fallback=2", "fallback"),
            ("news.rss", "tag=%00", "tag"),
            ("news.rss", "locale=" + "d" * 10_000, "locale"),
            ("news/{id}", "format=xml", "format"),
            ("news/{id}", "format=jsonld&format=json", "format"),
            ("news/{id}", "locale=xx", "locale"),
            ("news/{id}", "locale=de%00", "locale"),
            ("news/{id}", "fallback=true", "fallback"),
            ("news/{id}", "x" * 10_000 + "=1", "x" * 10_000),
        ],
    )
    def test_bad_input_is_a_400_problem_naming_the_parameter(self, client, tree, path, query, param):
        if "{id}" in path:
            path = path.replace("{id}", str(tree.news_article().pk))
        response = client.get(f"/api/v1/{path}?{query}")
        assert response.status_code == 400, response.content[:300]
        assert response["Content-Type"] == "application/problem+json"
        body = response.json()
        assert body["status"] == 400
        assert param in [error["param"] for error in body["errors"]]


# --- visibility -----------------------------------------------------------------------------------


# --- bad input ------------------------------------------------------------------------------------


# --- performance ----------------------------------------------------------------------------------


def count_queries(client, path, **params):
    return count_api_queries(client, f"/api/v1/{path}", params)


def test_openapi_documents_the_news_endpoints(client):
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    paths = schema["paths"]
    assert {"/api/v1/news", "/api/v1/news/{news_id}", "/api/v1/news.rss"} <= set(paths)
    assert "application/rss+xml" in paths["/api/v1/news.rss"]["get"]["responses"]["200"]["content"]
    assert "application/ld+json" in paths["/api/v1/news/{news_id}"]["get"]["responses"]["200"]["content"]
    listed = {param["name"] for param in paths["/api/v1/news"]["get"]["parameters"]}
    assert listed == {"limit", "offset", "locale", "fallback", "tag", "category", "since"}
