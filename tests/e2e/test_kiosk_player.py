"""The kiosk player in real Chromium (Debian's package, driven by Playwright; never downloaded).

The server is a real `runserver` on SQLite in a temporary folder, started by the tests so they can
stop it (the screen must keep showing the last feed, with the offline notice) and start it again on
the same port (same origin, same service worker; the screen must pick up a new event by itself).
pytest-django's live_server cannot be stopped and restarted, hence the subprocess.
"""

import os
import time
from pathlib import Path

import pytest

from tests.e2e.browser import ROOT, chromium, wait_until, world_server
from tests.e2e.kiosk_world import WORLD

pytestmark = pytest.mark.processes
SCREENSHOTS = Path(os.environ.get("ROLAND_SCREENSHOTS", ROOT / "var" / "screenshots"))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with world_server(tmp_path_factory, "kiosk-e2e", WORLD) as server:
        yield server


@pytest.fixture(scope="module")
def kiosk_browser(server):
    with chromium() as browser:
        yield browser


def open_player(browser, server, slug: str, width: int, height: int, on_context=None):
    """A screen's player in a context of its own; `on_context(context)` is called before it opens."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        service_workers="allow",
        locale="de-DE",
        timezone_id="Europe/Berlin",
    )
    if on_context is not None:
        on_context(context)
    page = context.new_page()
    page.goto(f"{server.base}/kiosks/{slug}/")
    page.wait_for_selector("body[data-status=online]", timeout=15_000)
    return context, page


def shot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    wait_until(page, "[...document.images].every((image) => image.complete)", timeout=10)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def wait_until_cached(page, *paths: str, timeout: float = 15) -> None:
    """Poll Cache Storage (page.evaluate awaits the promise)."""
    script = """async () => {
        const cache = await caches.open("roland-kiosk-v1");
        return (await cache.keys()).map((request) => new URL(request.url).pathname);
    }"""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kept = page.evaluate(script)
        if set(paths) <= set(kept) and any(path.startswith("/media/") for path in kept):
            return
        time.sleep(0.2)
    raise AssertionError(f"not cached by the service worker: {sorted(set(paths) - set(kept))}")


def test_player_shows_the_events_and_has_no_serious_accessibility_violations(kiosk_browser, server):
    from axe_playwright_python.sync_playwright import Axe

    context, page = open_player(kiosk_browser, server, "markt", 1280, 720)
    now_list = page.locator("#now-list")
    now_list.get_by_text("Rolli", exact=False).first.wait_for(timeout=10_000)
    assert page.locator("#upcoming-feature .title").count() == 1
    assert page.locator("#clock-time").inner_text().strip()
    assert page.locator("#now-list img.qr").count() >= 1
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()
    assert shot(page, "kiosk-landscape").stat().st_size > 0
    context.close()


def test_portrait_screen(kiosk_browser, server):
    context, page = open_player(kiosk_browser, server, "bahnhof", 720, 1280)
    page.locator("#now-list").get_by_text("Rolli", exact=False).first.wait_for(timeout=10_000)
    assert page.evaluate("document.documentElement.className") == "orientation-portrait"
    assert shot(page, "kiosk-portrait").stat().st_size > 0
    context.close()


# Waits on the screen's state; the bound only stops a hung run (a reload with its service worker
# took more than 10 s on two loaded cores).
HANG_GUARD_MS = 60_000


def test_keeps_running_offline_and_recovers_by_itself(kiosk_browser, server):
    context, page = open_player(kiosk_browser, server, "markt", 1280, 720)
    # Offline only works once the worker controls the page and holds the feed and the page itself.
    wait_until(page, "navigator.serviceWorker.controller !== null")
    wait_until_cached(page, "/api/v1/kiosks/markt/feed", "/kiosks/markt/", "/static/kiosks/player.js")
    server.stop()
    try:
        page.wait_for_selector("body[data-status=offline]", timeout=HANG_GUARD_MS)
        assert page.locator("#offline").is_visible()
        assert "Rolli" in page.locator("#now-list").inner_text()
        page.reload()  # a kiosk that restarts its browser while the server is away
        page.wait_for_selector("body[data-status=offline]", timeout=HANG_GUARD_MS)
        page.locator("#now-list").get_by_text("Rolli", exact=False).first.wait_for(timeout=HANG_GUARD_MS)
        assert page.locator("#offline").is_visible()
        server.shell(
            "from tests.e2e.kiosk_world import publish_new; publish_new('Laternenumzug zum Roland')",
        )
    finally:
        server.start()
    page.wait_for_selector("body[data-status=online]", timeout=HANG_GUARD_MS)
    page.locator("#now-list").get_by_text("Laternenumzug", exact=False).first.wait_for(timeout=HANG_GUARD_MS)
    assert page.locator("#offline").is_hidden()
    context.close()
