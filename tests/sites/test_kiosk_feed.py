"""Kiosk feed (/api/v1/kiosks/{slug}/feed): what the players at the tourist information rely on.

Selection by radius, categories and languages; now / later today / next seven days cut at Berlin
midnight and right across the daylight-saving changes; active hours; cancelled events; the size
budget; revalidation with 304; valid_until and a cache lifetime that does not outlast it.
"""

import json
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory, override_settings
from django.utils import timezone
from wagtail.models import Page

from cms.demo.translation import translate_with_strings
from sites.kiosks import build_feed, is_on_at, next_switch
from sites.models import KioskScreen
from tests.factories import CategoryFactory, ImageFactory, SiteTree, publish
from tests.querycount import count_api_queries
from tests.worlds import built_once, fresh
from tourism.models import EventOccurrence

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.django_db
MARKET = ("52.289300", "11.408500")


def at(day: date, hour: int, minute: int = 0, fold: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN).replace(fold=fold)


def last_sunday(year: int, month: int) -> date:
    day = date(year, month, 31)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def next_change(month: int) -> date:
    """The next daylight-saving change in a month (3 or 10) at least two days away, from today."""
    today = timezone.localdate()
    change = last_sunday(today.year, month)
    return change if change > today + timedelta(days=2) else last_sunday(today.year + 1, month)


def feed_at(screen: KioskScreen, now: datetime) -> dict:
    request = RequestFactory().get(f"/api/v1/kiosks/{screen.slug}/feed")
    return build_feed(screen, request, now)


def titles(items: list[dict], code: str = "de") -> list[str]:
    return [item["texts"][code]["title"] for item in items]


def build_market_screen() -> dict:
    """The market square (with a picture) and the screen that stands there; tests add the rest."""
    tree = SiteTree()
    market = tree.poi(
        title="Marktplatz", slug="markt", latitude=MARKET[0], longitude=MARKET[1], image=ImageFactory()
    )
    screen = KioskScreen.objects.create(
        name="Markt", slug="markt", venue=market, radius_km=3, languages=["de"]
    )
    return {"tree": tree, "market": market, "screen": screen}


_market_screen = built_once(build_market_screen)


@pytest.fixture
def world(_market_screen, db) -> dict:
    return fresh(_market_screen)


@pytest.fixture
def tree(world) -> SiteTree:
    """The module's site tree (not a second one)."""
    return world["tree"]


@pytest.fixture
def market(world):
    return world["market"]


@pytest.fixture
def screen(world):
    return world["screen"]


def test_radius_selects_events_and_places_around_the_screen(tree, screen):
    day = timezone.localdate() + timedelta(days=3)
    museum = tree.poi(title="Museum", slug="museum", latitude="52.290000", longitude="11.410000")
    castle = tree.poi(title="Schloss Hundisburg", slug="schloss", latitude="52.270000", longitude="11.340000")
    tree.event(title="Im Museum", start_date=day, venue=museum)
    tree.event(title="Im Schloss", start_date=day, venue=castle)  # about 5 km away
    tree.event(title="Am Ufer", start_date=day, latitude="52.291000", longitude="11.405000")
    tree.event(title="Online", start_date=day)  # no place: not for a screen that stands somewhere
    feed = feed_at(screen, at(timezone.localdate(), 10))
    assert sorted(titles(feed["upcoming"])) == ["Am Ufer", "Im Museum"]
    assert [item["texts"]["de"]["title"] for item in feed["highlights"]] == [
        "Museum"
    ]  # not the screen's own place
    screen.radius_km = 10
    feed = feed_at(screen, at(timezone.localdate(), 10))
    assert "Im Schloss" in titles(feed["upcoming"])
    assert "Schloss Hundisburg" in [item["texts"]["de"]["title"] for item in feed["highlights"]]


def test_categories_narrow_each_kind_only_when_named(tree, screen):
    day = timezone.localdate() + timedelta(days=2)
    concert = CategoryFactory(name="Konzerte", slug="concert", kind="event")
    museum_kind = CategoryFactory(name="Museen", slug="museum", kind="poi")
    tree.poi(
        title="Museum", slug="museum", latitude="52.290000", longitude="11.410000", categories=[museum_kind]
    )
    tree.poi(title="Café", slug="cafe", latitude="52.290500", longitude="11.410500")
    tree.event(title="Konzert", start_date=day, latitude=MARKET[0], longitude=MARKET[1], categories=[concert])
    tree.event(title="Führung", start_date=day, latitude=MARKET[0], longitude=MARKET[1])
    screen.categories.set([concert])
    feed = feed_at(screen, at(timezone.localdate(), 10))
    assert titles(feed["upcoming"]) == ["Konzert"]
    assert len(feed["highlights"]) == 2  # no place category named: all places
    screen.categories.set([museum_kind])
    feed = feed_at(screen, at(timezone.localdate(), 10))
    assert sorted(titles(feed["upcoming"])) == ["Führung", "Konzert"]
    assert [item["texts"]["de"]["title"] for item in feed["highlights"]] == ["Museum"]


def test_texts_come_in_each_language_of_the_screen(tree, locales, screen, django_capture_on_commit_callbacks):
    day = timezone.localdate() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_strings(tree.home, locales["en"], {})
        translate_with_strings(tree.events, locales["en"], {"termine": "events"})
        tour = tree.event(title="Stadtführung", slug="tour", start_date=day, venue=screen.venue)
        translate_with_strings(tour, locales["en"], {"Stadtführung": "Guided tour", "tour": "guided-tour"})
        tree.event(title="Lesung", slug="lesung", start_date=day, latitude=MARKET[0], longitude=MARKET[1])
        tree.news_article(title="Neues WLAN", date=timezone.localdate())
    screen.languages = ["en", "de"]
    feed = feed_at(screen, at(timezone.localdate(), 10))
    assert feed["screen"]["locales"] == ["en", "de"]
    by_title = {item["texts"]["de"]["title"]: item for item in feed["upcoming"]}
    assert by_title["Stadtführung"]["texts"]["en"]["title"] == "Guided tour"
    assert by_title["Stadtführung"]["texts"]["en"]["url"].endswith("/en/events/guided-tour/")
    assert by_title["Stadtführung"]["texts"]["en"]["place"] == "Marktplatz"  # venue not translated: source
    assert by_title["Lesung"]["texts"]["en"]["title"] == "Lesung"  # no translation: the source text
    assert set(feed["news"][0]["texts"]) == {"en", "de"}
    assert len(feed["upcoming"]) == 2  # one item per event, not one per language


def test_now_next_and_upcoming_are_cut_at_berlin_midnight(tree, screen):
    today = timezone.localdate() + timedelta(days=10)
    place = {"latitude": MARKET[0], "longitude": MARKET[1]}
    tree.event(
        title="Nachtwächter",
        start_date=today,
        start_time=time(23),
        end_date=today + timedelta(days=1),
        end_time=time(1),
        **place,
    )
    tree.event(
        title="Früh", start_date=today + timedelta(days=1), start_time=time(0, 15), end_time=time(2), **place
    )
    tree.event(title="Abend", start_date=today, start_time=time(22), end_time=time(22, 30), **place)
    tree.event(
        title="Woche", start_date=today + timedelta(days=7), start_time=time(20), end_time=time(21), **place
    )
    tree.event(
        title="Zu spät", start_date=today + timedelta(days=8), start_time=time(0), end_time=time(1), **place
    )

    evening = feed_at(screen, at(today, 22, 15))
    assert titles(evening["now"]) == ["Abend"]
    assert titles(evening["next"]) == ["Nachtwächter"]  # 00:15 tomorrow is not "later today"
    assert titles(evening["upcoming"]) == ["Früh", "Woche"]  # through the seventh day, not the eighth
    assert evening["valid_until"] == at(today, 22, 30)  # the running event ends

    late = feed_at(screen, at(today, 23, 30))
    assert titles(late["now"]) == ["Nachtwächter"] and late["next"] == []
    assert late["valid_until"] == at(today + timedelta(days=1), 0)  # midnight: "Früh" becomes today's
    after = feed_at(screen, at(today + timedelta(days=1), 0, 5))
    assert titles(after["now"]) == ["Nachtwächter"]  # began yesterday, still running
    assert titles(after["next"]) == ["Früh"]
    assert after["valid_until"] == at(today + timedelta(days=1), 0, 15)


def test_autumn_dst_change_keeps_the_repeated_hour_apart(tree, screen):
    day = next_change(10)  # 03:00 CEST becomes 02:00 CET
    place = {"latitude": MARKET[0], "longitude": MARKET[1]}
    tree.event(title="Zeitumstellung", start_date=day, start_time=time(1), end_time=time(2, 30), **place)
    tree.event(title="Danach", start_date=day, start_time=time(3), end_time=time(4), **place)
    end = EventOccurrence.objects.get(event__title="Zeitumstellung").end
    assert end - at(day, 1) == timedelta(hours=2, minutes=30)  # the ambiguous 02:30 is read as CET
    first = feed_at(screen, at(day, 2, 45, fold=0))  # 00:45 UTC: later than 02:30 on the wall clock
    assert titles(first["now"]) == ["Zeitumstellung"]  # ... but an hour before the end
    # Compared in UTC: PEP 495 makes == across zones False for a fold-dependent time like 02:30.
    assert first["valid_until"].astimezone(UTC) == end
    second = feed_at(screen, at(day, 2, 45, fold=1))  # 01:45 UTC: the same wall-clock time, an hour on
    assert second["now"] == []
    assert titles(second["next"]) == ["Danach"]
    assert second["valid_until"] == at(day, 3)


def test_spring_dst_change_skips_the_missing_hour(tree, screen):
    day = next_change(3)  # 02:00 CET becomes 03:00 CEST
    place = {"latitude": MARKET[0], "longitude": MARKET[1]}
    tree.event(title="Nacht", start_date=day, start_time=time(1, 30), end_time=time(3, 30), **place)
    occurrence = EventOccurrence.objects.get(event__title="Nacht")
    assert occurrence.end - occurrence.start == timedelta(hours=1)  # 01:30 CET to 03:30 CEST
    assert titles(feed_at(screen, at(day, 1, 45))["now"]) == ["Nacht"]
    assert titles(feed_at(screen, at(day, 3, 20))["now"]) == ["Nacht"]
    assert feed_at(screen, at(day, 3, 30))["now"] == []


def test_cancelled_events_stay_and_are_marked(tree, screen):
    today = timezone.localdate() + timedelta(days=4)
    tree.event(
        title="Konzert",
        start_date=today,
        start_time=time(19),
        end_time=time(21),
        status="cancelled",
        status_note="Krankheit",
        latitude=MARKET[0],
        longitude=MARKET[1],
    )
    feed = feed_at(screen, at(today, 12))
    (item,) = feed["next"]
    assert item["cancelled"] is True and item["status"] == "cancelled"
    assert item["texts"]["de"]["status_note"] == "Krankheit"


def test_active_hours_and_the_idle_view(tree, screen):
    screen.active_from, screen.active_until = time(22), time(2)  # past midnight
    screen.active_days = ["4"]  # Friday nights
    friday = date(2026, 12, 4)
    assert not is_on_at(screen, at(friday, 21, 59))
    assert is_on_at(screen, at(friday, 22))
    assert is_on_at(screen, at(friday + timedelta(days=1), 1, 59))  # Saturday morning belongs to Friday
    assert not is_on_at(screen, at(friday + timedelta(days=1), 22))
    assert next_switch(screen, at(friday, 23)) == at(friday + timedelta(days=1), 2)
    screen.active_from, screen.active_until, screen.active_days = time(9), time(18), ["0", "1", "2", "3", "4"]
    evening = feed_at(screen, at(friday, 19))
    assert evening["active"] is False
    assert evening["next_switch"] == at(friday + timedelta(days=3), 9)  # Monday morning
    assert evening["screen"]["active_hours"] == {
        "opens": "09:00",
        "closes": "18:00",
        "days": [0, 1, 2, 3, 4],
        "ranges": [],  # no weekly schedule (tests/sites/test_kiosk_schedules.py)
        "holidays": [],
    }
    day = feed_at(screen, at(friday, 17))
    assert day["active"] is True and day["valid_until"] <= at(friday, 18)


def rich_world(tree, locales, market, count: int = 30) -> None:
    """A busy week in two languages, every item with an image: the size budget's worst case."""
    today = timezone.localdate()
    image = ImageFactory()
    for number in range(count):
        tree.event(
            title=f"Veranstaltung mit einem recht langen Titel Nummer {number}",
            teaser="Ein Rundgang durch die Altstadt mit dem Nachtwächter, mit Laterne und Geschichten. " * 3,
            start_date=today + timedelta(days=number % 8),
            start_time=time(8 + number % 12),
            end_time=time(9 + number % 12),
            venue=market,
            image=image,
        )
    for number in range(10):
        tree.news_article(title=f"Nachricht {number} aus dem Rathaus", date=today - timedelta(days=number))
        tree.poi(title=f"Ort {number}", latitude="52.290000", longitude="11.410000", image=image)


def test_size_budget_and_revalidation(client, tree, locales, screen, market):
    rich_world(tree, locales, market)
    screen.languages = ["de", "en"]
    screen.save()
    response = client.get("/api/v1/kiosks/markt/feed")
    assert response.status_code == 200
    assert len(response.content) <= 100_000, len(response.content)
    data = response.json()
    assert data["upcoming"] and data["highlights"] and data["news"]
    image = data["upcoming"][0]["image"]
    assert set(image["renditions"]) == {"kiosk_landscape"}
    assert image["alt"] and image["credit"]
    etag = response["ETag"]
    assert etag.startswith('"')  # strong
    again = client.get("/api/v1/kiosks/markt/feed", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    kept = client.get("/api/v1/kiosks/markt/feed")
    assert kept["X-Roland-Cache"] == "hit" and kept["ETag"] == etag
    assert int(kept["Age"]) >= 0  # browsers count max-age from when the answer was made


def test_a_busy_week_in_two_languages_costs_no_more_queries_than_a_quiet_one(client, tree, locales, screen):
    screen.languages = ["de", "en"]
    screen.save()
    rich_world(tree, locales, screen.venue, count=3)
    quiet = count_api_queries(client, "/api/v1/kiosks/markt/feed")
    rich_world(tree, locales, screen.venue, count=30)
    busy = count_api_queries(client, "/api/v1/kiosks/markt/feed")
    assert quiet == busy <= 7  # six for the answer, one to keep the version the fleet shows


def test_a_highlighted_place_that_expires_leaves_the_feed_before_anything_else_changes(client, tree, screen):
    """The nearest places are ranked once per version of the content; the chosen ones are read
    through the visibility rule on every feed, so one past its expiry is never shown."""
    museum = tree.poi(title="Museum", slug="museum", latitude="52.290000", longitude="11.410000")
    url = f"/api/v1/kiosks/{screen.slug}/feed"
    with override_settings(API_CACHE_SERVER_SECONDS=0):

        def highlights() -> list[str]:
            return [item["texts"]["de"]["title"] for item in client.get(url).json()["highlights"]]

        assert "Museum" in highlights()
        # As the clock passes expire_at: no publish, no new version, the scheduler has not run yet.
        Page.objects.filter(pk=museum.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
        assert "Museum" not in highlights()


def test_portrait_screens_get_portrait_images(client, tree, screen, market):
    tree.event(
        title="Fest", start_date=timezone.localdate() + timedelta(days=1), venue=market, image=ImageFactory()
    )
    screen.orientation = "portrait"
    screen.save()
    item = client.get("/api/v1/kiosks/markt/feed").json()["upcoming"][0]
    rendition = item["image"]["renditions"]["kiosk_portrait"]
    assert (rendition["width"], rendition["height"]) == (1080, 1920) or rendition["height"] > rendition[
        "width"
    ]


def test_not_cached_past_valid_until(client, tree, screen, market):
    before = timezone.now()
    local = before.astimezone(BERLIN)
    ending = (local + timedelta(seconds=40)).replace(microsecond=0)
    if ending.date() != local.date():
        pytest.skip("too close to midnight for this case")
    tree.event(
        title="Gleich vorbei",
        start_date=local.date(),
        start_time=time(0),
        end_time=ending.time(),
        venue=market,
    )
    response = client.get("/api/v1/kiosks/markt/feed")
    assert datetime.fromisoformat(response.json()["valid_until"]) <= ending
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert (
        max_age <= (ending - before).total_seconds()
    )  # neither browsers nor the answer cache keep it longer
    assert "stale-while-revalidate" not in response["Cache-Control"]


def test_server_cache_lifetime_is_capped_by_max_age(rf, settings, monkeypatch):
    from django.http import HttpResponse

    from cms.core import http_cache

    kept = {}
    monkeypatch.setattr(http_cache.cache, "set", lambda key, value, timeout=None: kept.update({key: timeout}))
    request = rf.get("/api/v1/kiosks/markt/feed")
    short = HttpResponse(b"{}", content_type="application/json")
    short["Cache-Control"] = "public, max-age=7"
    assert http_cache.store("k1", request, short) is not None
    assert kept["k1"] == 7
    assert http_cache.store("k2", request, HttpResponse(b"{}")) is not None
    assert kept["k2"] == settings.API_CACHE_SERVER_SECONDS
    expired = HttpResponse(b"{}")
    expired["Cache-Control"] = "public, max-age=0"
    assert http_cache.store("k3", request, expired) is None


def test_list_of_screens_and_refusals(client, tree, screen):
    KioskScreen.objects.create(name="Aus", slug="aus", latitude=1, longitude=1, is_active=False)
    listing = client.get("/api/v1/kiosks").json()
    assert listing == [
        {
            "slug": "markt",
            "name": "Markt",
            "locales": ["de"],
            "orientation": "landscape",
            "feed_url": "http://testserver/api/v1/kiosks/markt/feed",
            "player_url": "http://testserver/kiosks/markt/",
        }
    ]
    for path in ("/api/v1/kiosks/aus/feed", "/api/v1/kiosks/nope/feed", "/kiosks/aus/", "/kiosks/nope/"):
        assert client.get(path).status_code == 404, path
    refused = client.get("/api/v1/kiosks/markt/feed?limit=5")
    assert refused.status_code == 400 and refused.json()["errors"][0]["param"] == "limit"


def test_player_page_worker_and_qr_codes(client, tree, screen, market):
    tree.event(title="Fest", start_date=timezone.localdate() + timedelta(days=1), venue=market)
    draft = tree.event(title="Entwurf", start_date=timezone.localdate() + timedelta(days=1), live=False)
    page = client.get("/kiosks/markt/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/kiosks/player.js" in html and "https://" not in html  # nothing from a CDN
    config = json.loads(html.split('type="application/json">')[1].split("</script>")[0])
    assert config["feed"] == "/api/v1/kiosks/markt/feed" and config["labels"]["de"]["now"]
    worker = client.get("/kiosks/sw.js")
    assert worker["Content-Type"].startswith("text/javascript")
    assert worker["Service-Worker-Allowed"] == "/kiosks/"
    item = client.get("/api/v1/kiosks/markt/feed").json()["upcoming"][0]
    qr = client.get(item["texts"]["de"]["qr"].replace("http://testserver", ""))
    assert qr.status_code == 200 and qr["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr.content
    assert client.get(f"/kiosks/qr/{draft.pk}.svg").status_code == 404


def test_head_answers_like_get_without_a_body(client, tree, screen, market):
    """Link checkers and monitoring probe the player and the QR codes with HEAD (it was a 405)."""
    event = tree.event(title="Fest", start_date=timezone.localdate() + timedelta(days=1), venue=market)
    hidden = tree.event(title="Entwurf", start_date=timezone.localdate() + timedelta(days=1), live=False)
    for path in ("/kiosks/markt/", "/kiosks/sw.js", f"/kiosks/qr/{event.pk}.svg"):
        got, head = client.get(path), client.head(path)
        assert (head.status_code, head["Content-Type"]) == (200, got["Content-Type"]), path
        assert head.content == b"", path
        assert head.get("ETag") == got.get("ETag"), path
    for path in ("/kiosks/nope/", f"/kiosks/qr/{hidden.pk}.svg"):
        assert client.head(path).status_code == 404, path
    assert client.post("/kiosks/markt/").status_code == 405


def test_admin_lists_edits_and_previews_screens(admin_client, screen):
    assert admin_client.get("/admin/kiosks/").status_code == 200
    edit = admin_client.get(f"/admin/kiosks/edit/{screen.pk}/")
    assert edit.status_code == 200
    assert b"/kiosks/markt/?preview=1" in edit.content


def test_changing_a_screen_reaches_its_cached_feed_at_once(client, tree, screen):
    """Radius, categories and the active switch shape the feed; the answer cache must not outlive them."""
    tree.poi(title="Schloss Hundisburg", slug="schloss", latitude="52.270000", longitude="11.340000")
    museum = tree.poi(title="Museum", slug="museum", latitude="52.290000", longitude="11.410000")
    url = f"/api/v1/kiosks/{screen.slug}/feed"

    def highlights() -> list[str]:
        response = client.get(url)
        assert response.status_code == 200
        return [item["texts"]["de"]["title"] for item in response.json()["highlights"]]

    assert "Schloss Hundisburg" not in highlights()
    assert client.get(url)["X-Roland-Cache"] == "hit"
    screen.radius_km = 10
    screen.save()
    assert "Schloss Hundisburg" in highlights()
    history = CategoryFactory(name="Geschichte", slug="geschichte", kind="poi")
    museum.categories.add(history)
    publish(museum)
    assert "Museum" in highlights()
    assert client.get(url)["X-Roland-Cache"] == "hit"
    screen.categories.add(history)  # a many-to-many change, saved after the screen itself
    assert highlights() == ["Museum"]
    screen.is_active = False
    screen.save()
    assert client.get(url).status_code == 404
