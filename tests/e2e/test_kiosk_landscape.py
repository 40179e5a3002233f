"""The landscape kiosk layout on a busy day at 1920×1080 and 1366×768: *In der Nähe* is on screen and
no row is cut mid-line (every item's box lies inside its section and the viewport)."""

import pytest

from tests.e2e.browser import chromium, wait_until, world_server
from tests.e2e.test_kiosk_player import open_player, shot

pytestmark = pytest.mark.processes
BUSY_WORLD = "from tests.e2e.kiosk_world import build, fill; build(); fill()"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with world_server(tmp_path_factory, "kiosk-landscape-e2e", BUSY_WORLD) as server:
        yield server


@pytest.fixture(scope="module")
def kiosk_browser(server):
    with chromium() as browser:
        yield browser


# Every list item's box, its section's, and whether the item is cut (in part outside its section or
# the viewport) — rows either fit whole or are not drawn.
MEASURE = """() => {
  const view = { top: 0, bottom: window.innerHeight, left: 0, right: window.innerWidth };
  const cut = [];
  for (const item of document.querySelectorAll("#content li, #content .feature")) {
    const box = item.getBoundingClientRect();
    if (box.height === 0 || getComputedStyle(item).visibility === "hidden") continue;
    const holder = item.closest("section").getBoundingClientRect();
    for (const outer of [holder, view]) {
      if (box.top < outer.top - 0.5 || box.bottom > outer.bottom + 0.5 || box.right > outer.right + 0.5) {
        cut.push(`${item.closest("ul, div").id}: ${item.textContent.trim().slice(0, 40)} (${Math.round(box.top)}-${Math.round(box.bottom)} in ${Math.round(outer.top)}-${Math.round(outer.bottom)})`);
        break;
      }
    }
  }
  const nearby = document.querySelector("#highlights-heading").getBoundingClientRect();
  const firstPlace = document.querySelector("#highlights-list li");
  const place = firstPlace ? firstPlace.getBoundingClientRect() : null;
  return {
    cut,
    nearbyHeading: nearby.height > 0 && nearby.bottom <= window.innerHeight,
    nearbyPlace: !!place && place.height > 0 && place.bottom <= window.innerHeight,
    heading: document.querySelector("#highlights-heading").textContent,
  };
}"""


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_landscape_shows_nearby_and_cuts_no_row(kiosk_browser, server, width, height):
    context, page = open_player(kiosk_browser, server, "markt", width, height)
    page.locator("#now-list").get_by_text("Rolli", exact=False).first.wait_for(timeout=10_000)
    page.locator("#highlights-list li").first.wait_for(timeout=10_000)
    wait_until(page, "[...document.images].every((image) => image.complete)", timeout=10)
    # Measured after the player has fitted its rows once more with every picture in place (it does
    # so on each render, every second): what a passer-by sees, not a frame in between.
    fitted = int(page.evaluate("document.body.dataset.fitted"))
    wait_until(page, f"Number(document.body.dataset.fitted) > {fitted}", timeout=10)
    measured = page.evaluate(MEASURE)
    assert measured["heading"] == "In der Nähe"
    assert measured["nearbyHeading"] and measured["nearbyPlace"], measured
    assert measured["cut"] == [], measured["cut"]
    assert shot(page, f"kiosk-landscape-{width}x{height}").stat().st_size > 0
    context.close()
