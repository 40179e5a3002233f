"""GET /api/v1/export/{collection}.{format}: a partner's full sync gets every public item, each as its
detail, under the site's dataset licence; the export is streamed and revalidates by a strong ETag.

The world (German and English, places with images, gallery, hours, links; events at a venue; news
linking places; hidden items of every kind; a second site) is built once. Times are weeks away, so
nothing in a detail turns with the clock while a test runs.
"""

from __future__ import annotations

import gzip
import json
from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.demo.translation import translate_with_strings
from home.models import HomePage
from sites.models import SiteSettings
from tests.factories import CategoryFactory, ImageFactory, SiteTree, add_page
from tests.worlds import built_once, fresh
from tourism.models import (
    NewsArticleRelatedPage,
    OpeningHoursException,
    OpeningHoursRule,
    Organizer,
    PointOfInterest,
    PointOfInterestGalleryImage,
    PointOfInterestIndexPage,
    PointOfInterestRelatedPage,
)

pytestmark = pytest.mark.django_db

EXPORT = "/api/v1/export"
COLLECTIONS = ("pois", "events", "news")
# One ETag for the whole module: the clock's window never turns between two requests of a test.
STEADY = override_settings(EXPORT_REFRESH_SECONDS=10**9)


def build_world() -> dict:
    tree = SiteTree()
    en = Locale.objects.get(language_code="en")
    translate_with_strings(tree.home, en, {})
    for index, slug in ((tree.pois, "places"), (tree.events, "events"), (tree.news, "news")):
        translate_with_strings(index, en, {index.slug: slug})
    museums = CategoryFactory(name="Museen", slug="museum", schema_type="Museum")
    soon = timezone.localdate() + timedelta(days=30)

    museum = tree.poi(title="Museum Haldensleben", slug="museum", image=ImageFactory(), live=False)
    museum.categories = [museums]
    museum.opening_hours = [  # a season years away: never open while the tests run
        OpeningHoursRule(tuesday=True, opens=time(10), closes=time(17), valid_from=date(2040, 4, 1))
    ]
    museum.opening_hours_exceptions = [
        OpeningHoursException(date_from=date(2040, 12, 24), closed=True, reason="christmas_eve")
    ]
    museum.gallery_images = [PointOfInterestGalleryImage(image=ImageFactory(credit="Foto: Stadtarchiv"))]
    museum.save_revision().publish()
    roland = tree.poi(title="Reitender Roland", slug="roland", body=[("paragraph", "<p>Seit 1528.</p>")])
    museum.related_links = [PointOfInterestRelatedPage(target=roland)]
    museum.save_revision().publish()
    translate_with_strings(museum, en, {"Museum Haldensleben": "Haldensleben Museum", "museum": "museum"})

    concert = tree.event(
        title="Konzert im Museum",
        slug="konzert",
        start_date=soon,
        venue=fresh(museum),
        image=ImageFactory(),
        organizer=Organizer.objects.create(name="Kulturverein", website="https://example.org/"),
    )
    translate_with_strings(concert, en, {"Konzert im Museum": "Concert at the museum", "konzert": "concert"})
    tour = tree.event(title="Stadtführung", slug="fuehrung", start_date=soon + timedelta(days=2))

    wifi = tree.news_article(title="Neues WLAN am Markt", slug="wlan", date=date(2026, 3, 10), live=False)
    wifi.related_links = [NewsArticleRelatedPage(target=roland)]
    wifi.save_revision().publish()

    hidden = {
        "draft": tree.poi(title="Entwurf", slug="entwurf", live=False),
        "restricted": tree.poi(title="Geschlossene Gesellschaft", slug="geschlossen"),
        "expired": tree.poi(title="Abgelaufen", slug="abgelaufen"),
        "draft_news": tree.news_article(title="Noch geheim", slug="geheim", live=False),
    }
    PageViewRestriction.objects.create(page=hidden["restricted"], restriction_type="password", password="x")
    hidden["expired"].expire_at = timezone.now() - timedelta(days=1)
    hidden["expired"].save_revision().publish()

    other_home = HomePage(title="Museum", slug="museum-home", locale=Locale.objects.get(language_code="de"))
    Page.get_first_root_node().add_child(instance=other_home)
    other_home.save_revision().publish()
    Site.objects.create(hostname="museum.example.org", root_page=other_home)
    rooms = add_page(other_home, PointOfInterestIndexPage(title="Räume", slug="raeume"))
    hidden["other_site"] = add_page(
        rooms,
        PointOfInterest(title="Saal", slug="saal", teaser="Ein Saal.", latitude="52.29", longitude="11.41"),
    )
    return {"tree": tree, "concert": concert, "tour": tour, "museum": museum, "wifi": wifi, "hidden": hidden}


world = built_once(build_world)


@pytest.fixture(autouse=True)
def _steady():
    with STEADY:
        yield


def export(client, collection: str, fmt: str, **params):
    response = client.get(f"{EXPORT}/{collection}.{fmt}", params)
    assert response.status_code == 200, response.content[:300]
    assert response.streaming
    return response


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def ndjson(client, collection: str, **params) -> tuple[dict, list[dict]]:
    lines = body(export(client, collection, "ndjson", **params)).decode().splitlines()
    head, *items = [json.loads(line) for line in lines]
    return head, items


def jsonld(client, collection: str, **params) -> dict:
    return json.loads(body(export(client, collection, "jsonld", **params)))


def stream_queries(client, path: str, params: dict) -> int:
    """SQL of one export, its streaming included (tests.querycount's count stops at the headers)."""
    body(client.get(path, params))  # warm the per-site facts, as a running server has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
        assert response.status_code == 200
        body(response)
    return len(queries)


def detail(client, item: dict) -> dict:
    response = client.get(item["api_url"])
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_each_item_equals_its_detail(client, world, collection):
    _head, items = ndjson(client, collection)
    assert items
    for item in items:
        assert item == detail(client, item)


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_each_jsonld_node_is_its_detail_jsonld(client, world, collection):
    _head, items = ndjson(client, collection)
    graph = jsonld(client, collection)["@graph"]
    expected = []
    for item in items:
        answer = client.get(item["api_url"], {"format": "jsonld"}).json()
        expected.append({key: value for key, value in answer.items() if key != "@context"})
    assert graph == expected


def test_every_public_item_once_and_nothing_hidden(client, world):
    _head, pois = ndjson(client, "pois")
    museum_en = Page.objects.get(translation_key=world["museum"].translation_key, locale__language_code="en")
    assert sorted((item["id"], item["locale"]) for item in pois) == sorted(
        [
            (world["museum"].pk, "de"),
            (museum_en.pk, "en"),
            (PointOfInterest.objects.get(slug="roland").pk, "de"),
        ]
    )
    titles = {item["title"] for collection in COLLECTIONS for item in ndjson(client, collection)[1]}
    for page in world["hidden"].values():
        assert page.title not in titles
    assert {"Konzert im Museum", "Concert at the museum", "Stadtführung", "Neues WLAN am Markt"} <= titles


def test_one_language_or_all(client, world):
    _head, every = ndjson(client, "events")
    head, english = ndjson(client, "events", locale="en")
    _head, german = ndjson(client, "events", locale="de")
    assert [item["title"] for item in english] == ["Concert at the museum"]
    assert {item["locale"] for item in german} == {"de"} and len(german) == 2
    assert sorted(item["id"] for item in every) == sorted(item["id"] for item in german + english)
    assert head["inLanguage"] == ["en"]
    response = export(client, "events", "ndjson", locale="en")
    assert response["Content-Language"] == "en"


def test_images_keep_their_own_credit_and_licence(client, world):
    _head, pois = ndjson(client, "pois")
    museum = next(item for item in pois if item["id"] == world["museum"].pk)
    assert museum["gallery"][0]["credit"] == "Foto: Stadtarchiv"
    assert museum["image"]["license"] and museum["image"]["credit"] == "Testfoto"


def test_licence_in_headers_and_file_follows_the_site_setting(client, world):
    response = export(client, "news", "ndjson")
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    head = json.loads(body(response).decode().splitlines()[0])
    assert head["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert head["creditText"] == "Stadt Haldensleben"
    first_etag = response["ETag"]

    site = Site.objects.get(is_default_site=True)
    settings_row = SiteSettings.for_site(site)
    settings_row.licence = "dl-de-by-2.0"
    settings_row.attribution = "Landkreis Börde"
    settings_row.save()

    response = export(client, "news", "jsonld")
    document = json.loads(body(response))
    assert response["Link"] == '<https://www.govdata.de/dl-de/by-2-0>; rel="license"'
    assert (document["license"], document["creditText"]) == (
        "https://www.govdata.de/dl-de/by-2-0",
        "Landkreis Börde",
    )
    assert export(client, "news", "ndjson")["ETag"] != first_etag


def test_strong_etag_and_304(client, world):
    response = export(client, "pois", "ndjson")
    etag = response["ETag"]
    assert etag.startswith('"') and response["Last-Modified"]
    again = client.get(f"{EXPORT}/pois.ndjson", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert export(client, "pois", "ndjson", locale="de")["ETag"] != etag
    assert export(client, "pois", "jsonld")["ETag"] != etag
    body(response)


def test_etag_changes_when_an_item_is_published(client, world):
    etag = export(client, "pois", "ndjson")["ETag"]
    roland = PointOfInterest.objects.get(slug="roland")
    roland.title = "Roland zu Pferde"
    roland.save_revision().publish()
    response = client.get(f"{EXPORT}/pois.ndjson", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Roland zu Pferde" in body(response).decode()


def test_gzip_decodes_to_the_same(client, world):
    plain = body(export(client, "pois", "jsonld"))
    response = client.get(f"{EXPORT}/pois.jsonld", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(body(response)) == plain
    assert response["ETag"] != export(client, "pois", "jsonld")["ETag"]


def test_the_answer_cache_keeps_no_export(client, world):
    first = export(client, "news", "ndjson")
    body(first)
    assert first["X-Roland-Cache"] == "bypass"
    assert export(client, "news", "ndjson")["X-Roland-Cache"] == "bypass"


@pytest.mark.parametrize(
    ("path", "param"),
    [("pois.ndjson?locale=xx", "locale"), ("pois.csv", "format"), ("tours.ndjson", "collection")],
)
def test_bad_input_is_a_problem_naming_it(client, world, path, param):
    response = client.get(f"{EXPORT}/{path}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert param in [error["param"] for error in response.json()["errors"]]


def test_queries_grow_by_chunk_only(client, world):
    tree = fresh(world["tree"])

    def count() -> int:
        return stream_queries(client, f"{EXPORT}/pois.ndjson", {"locale": "de"})

    # Chunks of 10 over the world's two places: 4 items, a full chunk (10), two chunks (12).
    with override_settings(EXPORT_CHUNK_SIZE=10):
        for n in range(2):
            tree.poi(title=f"Ort {n}", slug=f"ort-{n}", image=ImageFactory())
        few = count()
        for n in range(2, 8):
            tree.poi(title=f"Ort {n}", slug=f"ort-{n}", image=ImageFactory())
        full = count()
        for n in range(8, 10):
            tree.poi(title=f"Ort {n}", slug=f"ort-{n}", image=ImageFactory())
        two_chunks = count()
    assert full == few
    assert few < two_chunks <= 2 * few
