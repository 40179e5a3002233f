"""The map picker of a place in Chromium: a click and a dragged marker write the coordinates, typed
swapped coordinates show the German warning at once; the title of a new place gives the slug of the
one slug rule; nothing is requested from any host but the server's, and the policy is kept."""

from urllib.parse import urlsplit

import pytest

from tests.e2e.browser import chromium, world_server
from tests.e2e.kiosk_world import ADMIN_PASSWORD, WORLD, ids

pytestmark = pytest.mark.processes  # a server of its own: handed out first (tests/conftest.py)
COLLECT = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""
REGION = (51.9, 11.0, 52.6, 11.9)  # ROLAND_REGION_BOUNDS


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with world_server(tmp_path_factory, "map-e2e", WORLD) as server:
        server.ids = ids(server.world)
        yield server


@pytest.fixture(scope="module")
def browser(server):
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser, server):
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    context.add_init_script(COLLECT)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(f"{server.base}/admin/login/")
    page.fill("#id_username", "chefin")
    page.fill("#id_password", ADMIN_PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{server.base}/admin/", timeout=15_000)
    yield page
    context.close()


def coordinates(page) -> tuple[float, float]:
    return float(page.input_value("input[name=latitude]")), float(page.input_value("input[name=longitude]"))


def in_region(lat: float, lng: float) -> bool:
    return REGION[0] <= lat <= REGION[2] and REGION[1] <= lng <= REGION[3]


def test_the_map_writes_and_follows_the_coordinates(page, server):
    page.goto(f"{server.base}/admin/pages/{server.ids['poi']}/edit/")
    page.get_by_role("tab", name="Details").click()
    page.wait_for_selector("[data-map-picker][data-map-picker-ready=true]", timeout=15_000)
    map_box = page.locator("[data-map-picker-map]")
    map_box.scroll_into_view_if_needed()
    assert page.locator("[data-map-picker-note]").is_visible()  # no tiles configured: said in German
    assert "Keine Kartenkacheln" in page.locator("[data-map-picker-note]").inner_text()
    before = coordinates(page)

    box = map_box.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.3)
    clicked = coordinates(page)
    assert clicked != before and in_region(*clicked)
    assert page.locator("[data-map-picker-warning]").is_hidden()

    marker = page.locator(".leaflet-marker-icon")
    marker_box = marker.bounding_box()
    start = (marker_box["x"] + marker_box["width"] / 2, marker_box["y"] + marker_box["height"] - 2)
    page.mouse.move(*start)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(start[0] + 6 * step, start[1] + 4 * step)
    page.mouse.up()
    dragged = coordinates(page)
    assert dragged != clicked and dragged[1] > clicked[1] and dragged[0] < clicked[0]  # east, south

    page.fill("input[name=latitude]", "11.408500")
    page.fill("input[name=longitude]", "52.289300")
    warning = page.locator("[data-map-picker-warning]")
    warning.wait_for(state="visible", timeout=5_000)
    assert "Breite und Länge scheinen vertauscht" in warning.inner_text()
    page.fill("input[name=latitude]", "52.289300")
    page.fill("input[name=longitude]", "11.408500")
    warning.wait_for(state="hidden", timeout=5_000)
    page.fill("input[name=longitude]", "13.400000")  # Berlin: outside, not swapped
    warning.wait_for(state="visible", timeout=5_000)
    assert "außerhalb der Region" in warning.inner_text()

    assert page.evaluate("window.__violations") == []
    foreign = {urlsplit(url).hostname for url in page.requests} - {"127.0.0.1"}
    assert foreign == set(), foreign


def test_a_new_place_gets_the_transliterated_slug(page, server):
    """Wagtail's script fills the slug from the title as it is typed (Promote tab), by our table."""
    for title, slug in (("Café am Roland", "cafe-am-roland"), ("Große Straße Süd", "grosse-strasse-sued")):
        page.goto(f"{server.base}/admin/pages/add/tourism/pointofinterest/{server.ids['pois']}/")
        page.locator("#id_title").press_sequentially(title)
        page.locator("#id_title").blur()
        page.wait_for_function(
            "(slug) => document.querySelector('#id_slug').value === slug", arg=slug, timeout=5_000
        )
    assert page.evaluate("window.__violations") == []
