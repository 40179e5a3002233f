"""*Veranstaltungen* in real Chromium against a real `runserver`: the list as the tourism office sees
it (the cancelled talk's red badge, next dates in Berlin time), cancelling from a row's menu, and the
screenshot for the README (docs/admin-events-list.png is a copy of the one saved here)."""

import pytest

from tests.e2e.browser import chromium, world_server
from tests.e2e.test_kiosk_player import SCREENSHOTS

pytestmark = pytest.mark.processes


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with world_server(
        tmp_path_factory, "events-admin-e2e", "from tests.e2e.events_world import build; build()"
    ) as server:
        yield server


@pytest.fixture(scope="module")
def admin(server):
    with chromium() as browser:
        context = browser.new_context(
            viewport={"width": 1400, "height": 820}, locale="de-DE", timezone_id="Europe/Berlin"
        )
        page = context.new_page()
        page.goto(f"{server.base}/admin/login/")
        page.fill("input[name=username]", "tourismus")
        page.fill("input[name=password]", "geheim-1234")
        page.click("button[type=submit]")
        page.wait_for_url(f"{server.base}/admin/")
        yield page
        context.close()


def test_the_events_list_with_its_badge_and_the_screenshot(admin, server):
    admin.get_by_role("link", name="Veranstaltungen").first.click()
    admin.wait_for_url(f"{server.base}/admin/events/")
    rows = admin.locator("table.listing tbody tr")
    assert rows.first.inner_text().startswith("Stadtführung")  # the next date first
    badge = admin.locator("tr", has_text="Lesung").locator(".roland-event-status--cancelled")
    assert badge.text_content().strip() == "Abgesagt"  # shown in capitals by Wagtail's style
    colour = badge.evaluate("(element) => getComputedStyle(element).backgroundColor")
    assert colour == "rgb(205, 32, 38)"
    # Then what is over (its last date), then what was never published.
    assert "Weihnachtsmarkt" in rows.nth(rows.count() - 2).inner_text()
    assert "Neujahrskonzert" in rows.last.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    admin.screenshot(path=str(SCREENSHOTS / "admin-events-list.png"))


def test_cancel_from_the_row_menu(admin, server):
    admin.goto(f"{server.base}/admin/events/")
    row = admin.locator("tr", has_text="Orgelkonzert")
    row.get_by_role("button", name="Weitere Optionen").first.click()
    row.get_by_role("link", name="Veranstaltung absagen").click()
    admin.get_by_role("button", name="Veranstaltung absagen").click()
    admin.get_by_text("Bitte geben Sie an, warum die Veranstaltung abgesagt wird.").wait_for()
    admin.fill("textarea[name=note]", "Die Orgel wird gestimmt; Ersatztermin folgt.")
    admin.get_by_role("button", name="Veranstaltung absagen").click()
    admin.wait_for_url(f"{server.base}/admin/events/")
    assert "ist abgesagt" in admin.locator(".messages").inner_text()
    badge = admin.locator("tr", has_text="Orgelkonzert").locator(".roland-event-status--cancelled")
    assert badge.text_content().strip() == "Abgesagt"
