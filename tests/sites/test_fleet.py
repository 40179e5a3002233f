"""The kiosk fleet: heartbeats, status colours, feed versions, silence alerts, proof of play.

What the kiosk group relies on: a screen's heartbeat is checked field by field and recorded; the
admin list tells green from amber from red and a current feed from one that is behind; a silent
screen is announced once by e-mail and on the dashboard, and its return once; play totals resent
by a screen never count twice, and export as CSV. Time is passed in (`now`), never waited for.
"""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from cms.core.timezone import LOCAL_TZ
from cms.scheduling import default_jobs
from sites import fleet
from sites.models import (
    AlertKind,
    KioskAlert,
    KioskFeedVersion,
    KioskHeartbeat,
    KioskPlayTotal,
    KioskScreen,
    KioskStatus,
)
from tests.factories import SiteTree
from tests.worlds import built_once, fresh

pytestmark = pytest.mark.django_db


def build_fleet() -> dict:
    tree = SiteTree()
    market = tree.poi(title="Marktplatz", slug="markt", latitude="52.289300", longitude="11.408500")
    now = timezone.now()
    event = tree.event(
        title="Rolli-Runde",
        slug="rolli",
        venue=market,
        start_date=now.astimezone(LOCAL_TZ).date(),
        start_time=None,
        end_time=None,
        all_day=True,
    )
    screen = KioskScreen.objects.create(
        name="Markt", slug="markt", venue=market, radius_km=3, refresh_seconds=60
    )
    station = KioskScreen.objects.create(
        name="Bahnhof", slug="bahnhof", latitude="52.292", longitude="11.418", refresh_seconds=3600
    )
    KioskScreen.objects.create(name="Alt", slug="alt", venue=market, is_active=False)
    team, _created = Group.objects.get_or_create(name=fleet.KIOSK_GROUP)  # made by a migration
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    for name in ("anna", "ben"):
        users.create_user(name, f"{name}@example.org", "pw").groups.add(team)
    users.create_user("ohne", "", "pw").groups.add(team)  # no address: nobody to write to
    users.create_user("fremd", "fremd@example.org", "pw")  # not in the group
    return {"tree": tree, "market": market, "event": event, "screen": screen, "station": station}


_fleet = built_once(build_fleet)


@pytest.fixture
def world(_fleet, db) -> dict:
    return fresh(_fleet)


@pytest.fixture
def tree(world) -> SiteTree:
    return world["tree"]


@pytest.fixture
def screen(world) -> KioskScreen:
    return world["screen"]


def beat(now=None, **fields) -> dict:
    now = now or timezone.now()
    data = {
        "sent_at": now.isoformat(),
        "feed_etag": '"abc"',
        "online": True,
        "online_since": (now - timedelta(hours=1)).isoformat(),
        "offline_since": None,
        "last_error": None,
        "viewport": {"width": 1920, "height": 1080},
        "orientation": "landscape",
        "uptime_seconds": 3600,
    }
    data.update(fields)
    return data


def post(client, slug: str, data, content_type: str = "application/json"):
    body = data if isinstance(data, (str, bytes)) else json.dumps(data)
    return client.post(f"/kiosks/{slug}/heartbeat", body, content_type=content_type)


def problem_param(response) -> str:
    assert response["Content-Type"] == "application/problem+json"
    return response.json()["errors"][0]["param"]


# --- Heartbeat ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "param"),
    [
        ("{not json", "body"),
        ("[1, 2]", "body"),
        ({"online": True}, "sent_at"),
        (beat(sent_at="gestern"), "sent_at"),
        (beat(sent_at="2026-12-01T10:00:00"), "sent_at"),  # no offset
        (beat(online="ja"), "online"),
        (beat(viewport={"width": -1, "height": 10}), "viewport.width"),
        (beat(viewport={"width": 10}), "viewport.height"),
        (beat(orientation="diagonal"), "orientation"),
        (beat(uptime_seconds=1.5), "uptime_seconds"),
        (beat(last_error="x" * 501), "last_error"),
        (beat(feed_etag=["a"]), "feed_etag"),
        (beat(queued=[beat(), {"sent_at": "bad"}]), "queued[1].sent_at"),
        (beat(queued=[beat()] * 51), "queued"),
        (beat(plays=[{"day": "2026-13-01", "item": "event:1", "shows": 1, "seconds": 1}]), "plays[0].day"),
        (beat(plays=[{"day": "2020-01-01", "item": "event:1", "shows": 1, "seconds": 1}]), "plays[0].day"),
        (
            beat(
                plays=[{"day": timezone.localdate().isoformat(), "item": "page:1", "shows": 1, "seconds": 1}]
            ),
            "plays[0].item",
        ),
        (
            beat(
                plays=[{"day": timezone.localdate().isoformat(), "item": "poi:1", "shows": 1, "seconds": -3}]
            ),
            "plays[0].seconds",
        ),
    ],
)
def test_bad_heartbeats_are_refused_naming_the_field_and_nothing_is_written(client, screen, data, param):
    response = post(client, screen.slug, data)
    assert response.status_code == 400
    assert problem_param(response) == param
    assert not KioskStatus.objects.exists()
    assert not KioskHeartbeat.objects.exists()
    assert not KioskPlayTotal.objects.exists()


def test_heartbeats_only_for_active_screens_as_json_within_the_size_limit(client, screen):
    assert post(client, "alt", beat()).status_code == 404  # inactive
    assert post(client, "nirgends", beat()).status_code == 404
    refused = client.get(f"/kiosks/{screen.slug}/heartbeat")
    assert refused.status_code == 405 and refused["Allow"] == "POST"
    assert refused["Content-Type"] == "application/problem+json"
    assert post(client, screen.slug, json.dumps(beat()), content_type="text/plain").status_code == 415
    huge = beat(last_error="x" * (fleet.MAX_BODY_BYTES + 1))
    response = post(client, screen.slug, huge)
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert not KioskStatus.objects.exists()


def test_a_heartbeat_is_recorded_without_a_csrf_token_with_its_queue(screen):
    client = Client(enforce_csrf_checks=True)
    now = timezone.now()
    queued = [
        beat(
            now - timedelta(minutes=3), online=False, offline_since=(now - timedelta(minutes=4)).isoformat()
        ),
        beat(
            now - timedelta(minutes=2), online=False, offline_since=(now - timedelta(minutes=4)).isoformat()
        ),
    ]
    response = post(
        client, screen.slug, beat(now, feed_etag='"v2"', queued=queued, last_error="feed answered 502")
    )
    assert response.status_code == 204
    status = KioskStatus.objects.get(screen=screen)
    assert status.feed_etag == '"v2"'
    assert status.online and status.last_error == "feed answered 502"
    assert (status.viewport_width, status.viewport_height, status.orientation) == (1920, 1080, "landscape")
    assert status.uptime_seconds == 3600
    assert status.heartbeats == 3
    log = list(
        KioskHeartbeat.objects.filter(screen=screen).order_by("sent_at").values_list("online", "queued")
    )
    assert log == [(False, True), (False, True), (True, False)]


def test_heartbeats_are_rate_limited_per_screen(client, world):
    station = world["station"]  # refreshes hourly: the four posts share one window
    answers = [
        post(client, station.slug, beat()).status_code for _ in range(fleet.HEARTBEATS_PER_REFRESH + 1)
    ]
    assert answers == [204] * fleet.HEARTBEATS_PER_REFRESH + [429]
    refused = post(client, station.slug, beat())
    assert int(refused["Retry-After"]) >= 1
    assert post(client, world["screen"].slug, beat()).status_code == 204  # another screen's budget


def test_the_heartbeat_budget_renews_with_each_refresh_interval(screen):
    start = timezone.now().replace(microsecond=0)
    start -= timedelta(seconds=int(start.timestamp()) % screen.refresh_seconds)  # a window's first second
    for _ in range(fleet.HEARTBEATS_PER_REFRESH):
        assert fleet.take_heartbeat_slot(screen, start) is None
    assert fleet.take_heartbeat_slot(screen, start + timedelta(seconds=20)) == 40
    assert fleet.take_heartbeat_slot(screen, start + timedelta(seconds=60)) is None


# --- Colours and feed versions ------------------------------------------------------------------


def test_colours_follow_the_refresh_interval_and_the_silence_setting(screen, settings):
    settings.KIOSK_SILENT_AFTER = 10
    assert fleet.status_colour(screen, None, timezone.now()) == "grey"
    seen = timezone.now()
    status = fleet.record_heartbeat(screen, fleet.parse_heartbeat(beat(seen), seen), seen)
    assert fleet.status_colour(screen, status, seen + timedelta(seconds=119)) == "green"  # < 2 refreshes
    assert fleet.status_colour(screen, status, seen + timedelta(seconds=120)) == "amber"
    assert fleet.status_colour(screen, status, seen + timedelta(minutes=9, seconds=59)) == "amber"
    assert fleet.status_colour(screen, status, seen + timedelta(minutes=10)) == "red"


def test_a_slow_screen_is_not_silent_before_two_of_its_refreshes(world, settings):
    settings.KIOSK_SILENT_AFTER = 10
    station = world["station"]  # hourly
    seen = timezone.now()
    status = fleet.record_heartbeat(station, fleet.parse_heartbeat(beat(seen), seen), seen)
    assert fleet.status_colour(station, status, seen + timedelta(minutes=90)) == "green"
    assert fleet.status_colour(station, status, seen + timedelta(hours=2)) == "red"


def feed(client, slug: str = "markt"):
    response = client.get(f"/api/v1/kiosks/{slug}/feed", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    return response


def state_of(screen: KioskScreen) -> str:
    return fleet.feed_state(fleet.with_fleet_facts(KioskScreen.objects.filter(pk=screen.pk)).get())


def test_feed_versions_are_kept_as_served_and_tell_current_from_behind(client, world, screen):
    first = feed(client)
    kept = KioskFeedVersion.objects.get(screen=screen)
    assert kept.etag == first["ETag"] and kept.body.encode() == first.content
    assert feed(client)["ETag"] == first["ETag"]  # the cached answer: no second copy
    assert KioskFeedVersion.objects.filter(screen=screen).count() == 1
    revalidated = client.get(
        "/api/v1/kiosks/markt/feed", HTTP_ACCEPT="application/json", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert revalidated.status_code == 304

    assert post(client, screen.slug, beat(feed_etag=first["ETag"])).status_code == 204
    assert state_of(screen) == "current"

    world["tree"].event(
        title="Laternenumzug",
        slug="laterne",
        venue=world["market"],
        start_date=timezone.localdate(),
        start_time=None,
        end_time=None,
        all_day=True,
    )
    second = feed(client)
    assert second["ETag"] != first["ETag"]
    assert state_of(screen) == "current"  # changed after its heartbeat: its next refresh brings it
    assert post(client, screen.slug, beat(feed_etag=first["ETag"])).status_code == 204
    assert state_of(screen) == "behind"  # had its chance and still shows the old content
    cache.clear()  # a new refresh interval: the heartbeat budget (three per interval) is spent
    assert post(client, screen.slug, beat(feed_etag=second["ETag"])).status_code == 204
    assert state_of(screen) == "current"
    assert post(client, screen.slug, beat(feed_etag='"never-served"')).status_code == 204
    assert state_of(screen) == "unknown"


def test_hits_of_a_kept_feed_ask_the_shared_cache_for_its_marker_once(client, world, screen, monkeypatch):
    """A kept answer's version is settled on its first serving: its hits, a player's every refresh,
    cost no further round trip to the shared cache for the marker."""
    markers = []
    add = cache.add

    def counting_add(key, *args, **kwargs):
        if key.startswith("roland:kiosk-feed-version:"):
            markers.append(key)
        return add(key, *args, **kwargs)

    monkeypatch.setattr(cache, "add", counting_add)
    first = feed(client)
    assert first["X-Roland-Cache"] == "miss"
    hits = [feed(client) for _ in range(3)]
    assert {hit["X-Roland-Cache"] for hit in hits} == {"hit"}
    assert {hit["ETag"] for hit in hits} == {first["ETag"]}
    assert len(markers) == 1
    assert KioskFeedVersion.objects.filter(screen=screen, etag=first["ETag"]).count() == 1


def test_a_newer_copy_of_the_same_content_is_still_current(screen):
    now = timezone.now()
    body = {"screen": {"slug": "markt"}, "now": [], "generated_at": "2026-12-03T08:00:00+01:00"}
    fleet.remember_feed_version("markt", '"one"', json.dumps(body).encode(), now)
    body["generated_at"] = "2026-12-03T08:01:00+01:00"
    fleet.remember_feed_version("markt", '"two"', json.dumps(body).encode(), now + timedelta(minutes=1))
    later = now + timedelta(minutes=2)
    fleet.record_heartbeat(screen, fleet.parse_heartbeat(beat(later, feed_etag='"one"'), later), later)
    assert state_of(screen) == "current"


def test_the_admin_list_shows_colour_and_feed_state_in_a_bounded_number_of_queries(
    admin_client, client, world, screen, django_assert_max_num_queries
):
    etag = feed(client)["ETag"]
    assert post(client, screen.slug, beat(feed_etag=etag)).status_code == 204
    old = timezone.now() - timedelta(hours=5)
    fleet.record_heartbeat(world["station"], fleet.parse_heartbeat(beat(old), old), old)
    for number in range(8):
        KioskScreen.objects.create(name=f"Mehr {number}", slug=f"mehr-{number}", venue=world["market"])
    admin_client.get("/admin/kiosks/")  # warm the admin's own per-process lookups
    with django_assert_max_num_queries(20):
        response = admin_client.get("/admin/kiosks/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zuletzt gemeldet" in html and "Angezeigte Feed-Version" in html
    row = html[html.index(f"/admin/kiosks/edit/{screen.pk}/") :]
    assert 'data-colour="green"' in row[:3000] and 'data-feed="current"' in row[:3000]
    station_row = html[html.index(f"/admin/kiosks/edit/{world['station'].pk}/") :]
    assert 'data-colour="red"' in station_row[:3000]
    assert html.count('data-colour="grey"') == 8  # the new ones: never reported
    assert html.count('data-colour="off"') == 1  # the inactive one, silent as expected


def test_the_picture_is_the_player_reading_the_reported_version_for_admins_only(admin_client, client, screen):
    first = feed(client)
    assert post(client, screen.slug, beat(feed_etag=first["ETag"])).status_code == 204
    page = admin_client.get(f"/kiosks/{screen.slug}/shown/")
    assert page.status_code == 200
    config = json.loads(page.content.decode().split('type="application/json">')[1].split("</script>")[0])
    assert config["feed"] == f"/kiosks/{screen.slug}/shown-feed" and config["preview"] is True
    shown = admin_client.get(config["feed"])
    assert shown.content == first.content and shown["ETag"] == first["ETag"]
    edit = admin_client.get(f"/admin/kiosks/edit/{screen.pk}/")
    assert f'src="/kiosks/{screen.slug}/shown/"' in edit.content.decode()
    # Not for anyone else: a kept version may hold what has left public view since.
    client = Client()
    assert client.get(f"/kiosks/{screen.slug}/shown-feed").status_code == 403
    assert client.get(f"/kiosks/{screen.slug}/shown/")["Location"].startswith("/admin/login/?next=")


# --- Silence ------------------------------------------------------------------------------------


def test_a_silent_screen_is_announced_once_and_its_return_once(screen, settings):
    settings.KIOSK_SILENT_AFTER = 10
    seen = timezone.now() - timedelta(hours=1)
    fleet.record_heartbeat(screen, fleet.parse_heartbeat(beat(seen), seen), seen)
    assert fleet.watch_screens(seen + timedelta(minutes=9))["silent"] == 0
    assert fleet.watch_screens(seen + timedelta(minutes=10))["silent"] == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["anna@example.org", "ben@example.org"]
    assert message.subject == "Kiosk-Bildschirm „Markt“ meldet sich nicht"  # German, for the kiosk group
    assert fleet.watch_screens(seen + timedelta(minutes=11)) == {"silent": 0, "back": 0, "pruned": 0}
    assert fleet.watch_screens(seen + timedelta(minutes=30))["silent"] == 0
    assert len(mail.outbox) == 1

    back = seen + timedelta(minutes=31)
    fleet.record_heartbeat(screen, fleet.parse_heartbeat(beat(back), back), back)
    assert fleet.watch_screens(back + timedelta(seconds=30))["back"] == 1
    assert fleet.watch_screens(back + timedelta(minutes=1))["back"] == 0
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == "Kiosk-Bildschirm „Markt“ ist wieder da"
    kinds = list(
        KioskAlert.objects.filter(screen=screen).order_by("created_at").values_list("kind", "recipients")
    )
    assert kinds == [(AlertKind.SILENT, 2), (AlertKind.BACK, 2)]
    # Silent again later: a new announcement.
    assert fleet.watch_screens(back + timedelta(minutes=10))["silent"] == 1
    assert len(mail.outbox) == 3


def test_silent_screens_are_on_the_dashboard(admin_client, screen, settings):
    settings.KIOSK_SILENT_AFTER = 10
    seen = timezone.now() - timedelta(hours=1)
    fleet.record_heartbeat(screen, fleet.parse_heartbeat(beat(seen), seen), seen)
    fleet.watch_screens()
    html = admin_client.get("/admin/").content.decode()
    panel = html[html.index('id="kiosk-fleet-section"') :]
    assert "Markt" in panel[:4000]
    assert 'data-alert="silent"' in panel[:4000]


def test_the_worker_watches_the_screens():
    assert "watch_kiosks" in [job.name for job in default_jobs()]


# --- Proof of play ------------------------------------------------------------------------------


def plays(day, *rows) -> list[dict]:
    return [
        {"day": day.isoformat(), "item": item, "shows": shows, "seconds": seconds}
        for item, shows, seconds in rows
    ]


def test_resent_totals_replace_instead_of_adding_up(client, world, screen):
    today = timezone.now().astimezone(LOCAL_TZ).date()
    event = world["event"]
    totals = plays(today, (f"event:{event.pk}", 3, 120), (f"poi:{world['market'].pk}", 1, 60))
    assert post(client, screen.slug, beat(plays=totals)).status_code == 204
    assert post(client, screen.slug, beat(plays=totals)).status_code == 204
    stored = dict(KioskPlayTotal.objects.filter(screen=screen).values_list("item", "seconds"))
    assert stored == {f"event:{event.pk}": 120, f"poi:{world['market'].pk}": 60}
    later = plays(today, (f"event:{event.pk}", 4, 180))
    assert post(client, screen.slug, beat(plays=later)).status_code == 204
    row = KioskPlayTotal.objects.get(screen=screen, item=f"event:{event.pk}")
    assert (row.shows, row.seconds) == (4, 180)
    assert KioskPlayTotal.objects.filter(screen=screen).count() == 2  # the place keeps its total


def test_the_report_per_screen_and_item_and_its_csv(admin_client, client, world, screen):
    today = timezone.now().astimezone(LOCAL_TZ).date()
    yesterday = today - timedelta(days=1)
    item = f"event:{world['event'].pk}"
    assert (
        post(
            client, screen.slug, beat(plays=plays(today, (item, 2, 90)) + plays(yesterday, (item, 1, 30)))
        ).status_code
        == 204
    )
    assert post(client, "bahnhof", beat(plays=plays(today, (item, 5, 600)))).status_code == 204

    page = admin_client.get("/admin/kiosk-plays/")
    html = page.content.decode()
    assert page.status_code == 200
    by_item = html[html.index('id="plays-by-item"') :]
    assert (
        "Rolli-Runde" in by_item and "<td>2</td><td>8</td><td>12</td>" in by_item
    )  # 2 screens, 8 shows, 720 s
    by_screen = html[html.index('id="plays-by-screen"') : html.index('id="plays-by-item"')]
    assert "Bahnhof" in by_screen and "Markt" in by_screen

    export = admin_client.get("/admin/kiosk-plays/", {"format": "csv", "screen": "markt"})
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0] == ["day", "screen", "screen_name", "item", "title", "shows", "seconds"]
    assert rows[1:] == [
        [yesterday.isoformat(), "markt", "Markt", item, "Rolli-Runde", "1", "30"],
        [today.isoformat(), "markt", "Markt", item, "Rolli-Runde", "2", "90"],
    ]
    only_today = admin_client.get("/admin/kiosk-plays/", {"format": "csv", "from": today.isoformat()})
    assert len(list(csv.reader(io.StringIO(only_today.content.decode())))) == 3  # header, two screens


def test_the_report_names_a_bad_date_and_keeps_out_other_users(admin_client, client, django_user_model):
    response = admin_client.get("/admin/kiosk-plays/", {"from": "gestern"})
    assert response.status_code == 400
    assert "Geben Sie ein Datum wie 2026-12-01 ein." in response.content.decode()
    assert (
        admin_client.get("/admin/kiosk-plays/", {"from": "2026-12-05", "to": "2026-12-01"}).status_code == 400
    )
    editor = django_user_model.objects.create_user("redakteur", "r@example.org", "pw")
    client.force_login(editor)
    assert client.get("/admin/kiosk-plays/").status_code in (302, 403)
