"""The recurrence builder in Chromium: choices write the RRULE, the saved rule reads back into them.

Weekly on Tuesday and Thursday until 30.06.2027 is chosen with the mouse, the event is published,
the stored rule is read from the database (UNTIL as a UTC date-time, RFC 5545 section 3.3.10), and
the reopened form shows the builder filled. A date typed as ISO survives leaving the field (Wagtail's
picker used to replace it with today's date). The screenshot is the README's.
"""

import os
from pathlib import Path

import pytest

from tests.e2e.browser import ROOT, chromium, world_server
from tests.e2e.kiosk_world import ADMIN_PASSWORD, WORLD, ids

pytestmark = pytest.mark.processes  # a server of its own: handed out first (tests/conftest.py)
SCREENSHOTS = Path(os.environ.get("ROLAND_SCREENSHOTS", ROOT / "var" / "screenshots"))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with world_server(tmp_path_factory, "recurrence-e2e", WORLD) as server:
        server.event = ids(server.world)["plain_event"]
        yield server


def stored_rule(server) -> str:
    out = server.shell(
        f"from tourism.models import Event; print('RULE', Event.objects.get(pk={server.event}).recurrence_rule)",
    )
    return out.split("RULE", 1)[1].strip()


def open_dates_tab(page, server) -> None:
    page.goto(f"{server.base}/admin/pages/{server.event}/edit/")
    page.get_by_role("tab", name="Termine").click()
    page.locator("[data-recurrence-builder]").wait_for(state="visible")


def test_weekly_on_tuesday_and_thursday_until_a_date(server):
    with chromium() as browser:
        context = browser.new_context(
            viewport={"width": 1280, "height": 1000}, locale="de-DE", timezone_id="Europe/Berlin"
        )
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{server.base}/admin/login/")
        page.fill("#id_username", "chefin")
        page.fill("#id_password", ADMIN_PASSWORD)
        page.locator("button[type=submit]").click()
        page.wait_for_url(f"{server.base}/admin/", timeout=15_000)

        open_dates_tab(page, server)
        builder = page.locator("[data-recurrence-builder]")
        rule = page.locator("input[name=recurrence_rule]")
        assert not rule.is_visible()  # the text is the advanced way, folded away
        builder.get_by_label("Wiederholung", exact=True).select_option(label="wöchentlich")
        builder.get_by_label("Di", exact=True).check()
        builder.get_by_label("Do", exact=True).check()
        builder.get_by_label("letzter Termin").fill("30.06.2027")
        assert builder.locator("[data-part=end][value=until]").is_checked()
        assert rule.input_value() == "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630"
        page.locator("button[name=action-publish]").dispatch_event("click")
        page.wait_for_url(lambda url: "/edit/" not in url, timeout=30_000)
        assert stored_rule(server) == "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630T215959Z"

        open_dates_tab(page, server)
        assert builder.get_by_label("Wiederholung", exact=True).input_value() == "WEEKLY"
        checked = [
            box.get_attribute("value") for box in builder.locator("[data-part=day]").all() if box.is_checked()
        ]
        assert checked == ["TU", "TH"]
        assert builder.locator("[data-part=end][value=until]").is_checked()
        assert builder.get_by_label("letzter Termin").input_value() == "30.06.2027"  # Berlin, not UTC
        assert builder.locator("[data-part=note]").is_hidden()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        top = page.evaluate(
            "document.querySelector('[data-recurrence-builder]').getBoundingClientRect().top + window.scrollY"
        )
        box = builder.bounding_box()
        page.screenshot(
            path=str(SCREENSHOTS / "admin-recurrence-builder.png"),
            full_page=True,
            clip={"x": 200, "y": max(0, top - 70), "width": 1000, "height": box["height"] + 110},
        )

        # A date typed the ISO way is kept when the field loses focus, not turned into today.
        end_date = page.locator("input[name=end_date]")
        end_date.fill("2027-12-24")
        end_date.press("Tab")
        page.keyboard.press("Escape")
        assert end_date.input_value() == "2027-12-24"
        assert errors == []
        context.close()
