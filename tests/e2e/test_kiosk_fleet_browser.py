"""The kiosk fleet in real Chromium (Debian's package) against a real `runserver`.

A player's heartbeat shows up in the admin's *Kiosk-Bildschirme* list (green, feed current), the
admin's picture is the player reading the very feed version the screen reported, its proof of play
reaches the report, heartbeats made while the browser is offline (Playwright's
`context.set_offline`) reach the server once it is back, a screen switched off turns red with one
alert, then green with the all-clear when it is switched on again, and play totals split at midnight
by the player's own (driven) clock.
"""

import time as clock
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from cms.core.timezone import LOCAL_TZ
from tests.e2e.browser import chromium, wait_until, world_server
from tests.e2e.kiosk_world import WORLD
from tests.e2e.test_kiosk_player import open_player, wait_until_cached

pytestmark = pytest.mark.processes


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with world_server(tmp_path_factory, "kiosk-fleet-e2e", WORLD) as server:  # signed in: leitstelle
        yield server


@pytest.fixture(scope="module")
def fleet_browser(server):
    with chromium() as browser:
        yield browser


def signed_in(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    page = context.new_page()
    page.goto(f"{server.base}/admin/login/")
    page.fill("input[name=username]", "leitstelle")
    page.fill("input[name=password]", "geheim-1234")
    page.click("button[type=submit]")
    page.wait_for_url(f"{server.base}/admin/")
    return context, page


def colour_in_list(admin, server, expected: str, player=None, timeout: float = 60) -> str:
    """The market screen's colour in *Kiosk-Bildschirme*, the list loaded again until it is `expected`
    (or `timeout` has passed; the colour then shown is returned).

    Green means heard within two refreshes (two seconds here) of the list being drawn. With
    `player`, each load follows a heartbeat just answered; on two busy cores the list may still be
    drawn later than that, so it is loaded again, the running player reporting every second.
    """
    deadline = clock.monotonic() + timeout
    while True:
        if player is not None:
            sent = player.evaluate("window.kioskFleet.sent")
            wait_until(player, f"window.kioskFleet.sent > {sent}")
        admin.goto(f"{server.base}/admin/kiosks/")
        row = admin.locator("tr", has_text="Tourist-Information")
        colour = row.locator("[data-colour]").get_attribute("data-colour")
        if colour == expected or clock.monotonic() > deadline:
            return colour


def test_heartbeat_picture_and_proof_of_play_in_the_admin(fleet_browser, server):
    admin_context, admin = signed_in(fleet_browser, server)
    player_context, player = open_player(fleet_browser, server, "markt", 1280, 720)
    player.locator("#now-list").get_by_text("Rolli", exact=False).first.wait_for(timeout=10_000)
    wait_until(player, "window.kioskFleet.sent >= 2")
    etag = player.evaluate("window.kiosk.etag")
    assert etag

    assert colour_in_list(admin, server, "green", player) == "green"
    row = admin.locator("tr", has_text="Tourist-Information")
    assert row.locator("[data-feed]").get_attribute("data-feed") == "current"
    never = admin.locator("tr", has_text="Bahnhof")
    assert never.locator("[data-colour]").get_attribute("data-colour") == "grey"

    # The picture: the same player page, reading the stored version the screen reported.
    row.get_by_role("link", name="Tourist-Information").first.click()
    frame_element = admin.locator("iframe[src='/kiosks/markt/shown/']")
    frame_element.scroll_into_view_if_needed()
    frame = frame_element.content_frame
    frame.locator("#now-list").get_by_text("Rolli", exact=False).first.wait_for(timeout=15_000)
    shown = frame.locator("body").evaluate("() => window.kiosk.etag")
    assert shown == etag

    # Proof of play: the player counts each second an item is on screen and reports the totals.
    wait_until(player, "window.kioskFleet.sent >= 4")
    admin.goto(f"{server.base}/admin/kiosk-plays/")
    items = admin.locator("#plays-by-item")
    assert "Rolli-Runde durch die Altstadt" in items.inner_text()
    player_context.close()
    admin_context.close()


def test_heartbeats_queued_offline_are_sent_on_return(fleet_browser, server):
    context, page = open_player(fleet_browser, server, "markt", 1280, 720)
    wait_until(page, "navigator.serviceWorker.controller !== null")
    wait_until_cached(page, "/api/v1/kiosks/markt/feed", "/kiosks/markt/", "/static/kiosks/player.js")
    wait_until(page, "window.kioskFleet.sent >= 1")
    before = queued_on_server(server)
    context.set_offline(True)
    try:
        page.wait_for_selector("body[data-status=offline]", timeout=10_000)
        wait_until(page, "window.kioskFleet.queue.length >= 3")
        assert (
            page.evaluate(
                "JSON.parse(localStorage.getItem('roland-kiosk-fleet:/kiosks/markt/heartbeat:queue')).length"
            )
            >= 3
        )
    finally:
        context.set_offline(False)
    page.wait_for_selector("body[data-status=online]", timeout=15_000)
    wait_until(page, "window.kioskFleet.queue.length === 0")
    after = queued_on_server(server)
    assert after >= before + 3
    context.close()


def queued_on_server(server) -> int:
    """Offline heartbeats the server has recorded for the screen (the shell's last line)."""
    return int(server.shell(QUEUED_COUNT).strip().splitlines()[-1])


QUEUED_COUNT = (
    "from sites.models import KioskHeartbeat; "
    "print(KioskHeartbeat.objects.filter(screen__slug='markt', queued=True, online=False).count())"
)


# The worker's job, run as the worker would, after the screen's last report is moved back past the
# silence limit (the time a stopped screen stays quiet); prints the alerts and the e-mails it sent.
WATCH = (
    "from datetime import timedelta; from django.conf import settings; from django.utils import timezone; "
    "from django.contrib.auth import get_user_model; from django.contrib.auth.models import Group; "
    "from sites import fleet; from sites.models import KIOSK_GROUP, KioskAlert, KioskStatus; "
    "get_user_model().objects.get(username='leitstelle').groups.add(Group.objects.get(name=KIOSK_GROUP)); "
    "{backdate}"
    "print('RESULT', fleet.watch_screens(), "
    "list(KioskAlert.objects.filter(screen__slug='markt').order_by('pk').values_list('kind', 'recipients')))"
)
BACKDATE = (
    "KioskStatus.objects.filter(screen__slug='markt').update("
    "last_seen=timezone.now() - timedelta(minutes=settings.KIOSK_SILENT_AFTER + 1)); "
)


def watch(server, backdate: bool) -> str:
    return server.shell(WATCH.format(backdate=BACKDATE if backdate else ""))


def tracking(beats: set):
    """For open_player: `beats` kept as the heartbeats the player has sent that are not answered yet."""

    def track(context) -> None:
        context.on(
            "request", lambda request: beats.add(request) if request.url.endswith("/heartbeat") else None
        )
        context.on("requestfinished", lambda request: beats.discard(request))
        context.on("requestfailed", lambda request: beats.discard(request))

    return track


def switch_off(context, player, beats: set) -> None:
    """The screen switched off once no heartbeat of its is on its way: one arriving after the
    silence was noted would end that silence at once."""
    context.route("**/heartbeat", lambda route: route.abort())  # from now on none leaves
    deadline = clock.monotonic() + 30
    while beats and clock.monotonic() < deadline:
        player.wait_for_timeout(100)  # Playwright takes in the answers meanwhile
    assert not beats, f"heartbeats still unanswered: {sorted(request.url for request in beats)}"
    context.close()


def test_a_stopped_screen_turns_red_with_one_alert_and_back_green_with_the_all_clear(fleet_browser, server):
    beats: set = set()
    context, player = open_player(fleet_browser, server, "markt", 1280, 720, on_context=tracking(beats))
    wait_until(player, "window.kioskFleet.sent >= 1")
    switch_off(context, player, beats)

    first = watch(server, backdate=True)
    assert first.count("Subject:") == 1  # one e-mail (to the Kiosk-Team member), on the console
    assert first.splitlines()[-1].endswith("[('silent', 1)]")  # one alert, mailed to one person
    again = watch(server, backdate=False)  # the next minute: still silent, nothing new
    assert again.count("Subject:") == 0
    assert again.splitlines()[-1].endswith("[('silent', 1)]")

    admin_context, admin = signed_in(fleet_browser, server)
    assert colour_in_list(admin, server, "red") == "red"
    admin.goto(f"{server.base}/admin/")
    assert "Tourist-Information" in admin.locator("main").inner_text()  # the dashboard's silent screens

    context, player = open_player(fleet_browser, server, "markt", 1280, 720)  # switched on again
    wait_until(player, "window.kioskFleet.sent >= 1")
    back = watch(server, backdate=False)
    assert back.count("Subject:") == 1
    assert back.splitlines()[-1].endswith("[('silent', 1), ('back', 1)]")
    assert colour_in_list(admin, server, "green", player) == "green"
    context.close()
    admin_context.close()


def at(day: date, hour: int, minute: int, second: int) -> str:
    """A moment of a Berlin day with the offset Berlin has on it, for the player's driven clock."""
    return datetime.combine(day, time(hour, minute, second), tzinfo=LOCAL_TZ).isoformat()


PLAY_DAYS = (
    "from sites.models import KioskPlayTotal; "
    "print(sorted({str(day) for day in KioskPlayTotal.objects.filter(screen__slug='markt')"
    ".values_list('day', flat=True)}))"
)


def test_proof_of_play_splits_at_midnight_by_the_players_own_clock(fleet_browser, server):
    """The player's clock is driven to just before and just after the coming midnight (Berlin): what
    it shows after midnight is counted on the next day, and that day reaches the server's totals."""
    context, player = open_player(fleet_browser, server, "markt", 1280, 720)
    wait_until(player, "window.kioskFleet.sent >= 1")
    tonight = timezone.localdate()
    next_day = tonight + timedelta(days=1)
    tomorrow = next_day.isoformat()
    player.clock.set_fixed_time(at(tonight, 23, 59, 50))
    wait_until(player, f"(window.kioskFleet.plays['{tonight.isoformat()}'] || null) !== null")
    player.clock.set_fixed_time(at(next_day, 0, 0, 10))
    wait_until(player, f"Object.keys(window.kioskFleet.plays).includes('{tomorrow}')")
    # A few seconds later by the player's clock: the next heartbeat carries the new day's totals.
    player.clock.set_fixed_time(at(next_day, 0, 0, 20))
    # Asked again until that heartbeat has arrived: a deadline bounds the wait, not a count of questions.
    deadline = clock.monotonic() + 30
    days = server.shell(PLAY_DAYS).strip().splitlines()[-1]
    while tomorrow not in days and clock.monotonic() < deadline:
        clock.sleep(0.2)
        days = server.shell(PLAY_DAYS).strip().splitlines()[-1]
    assert tomorrow in days, days
    seconds = player.evaluate(f"Object.values(window.kioskFleet.plays['{tomorrow}']).map((t) => t[1])")
    assert seconds and max(seconds) >= 1  # items were on screen after midnight
    context.close()
