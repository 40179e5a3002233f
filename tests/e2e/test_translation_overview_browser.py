"""The *Übersetzungen* overview in real Chromium (Debian's package) against a real `runserver`:
its stylesheet loads under the admin's Content-Security-Policy, the changed words are marked, and
the dashboard's panels link to it. Its screenshot (var/screenshots/, or ROLAND_SCREENSHOTS) is docs/translation-overview.png's."""

import re

import pytest

from tests.e2e.browser import chromium, world_server
from tests.e2e.test_kiosk_player import SCREENSHOTS

pytestmark = pytest.mark.processes


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    world = "from tests.e2e.translation_world import build; build()"
    with world_server(tmp_path_factory, "translation-overview-e2e", world) as server:
        yield server


def test_the_overview_marks_the_changed_words_and_the_dashboard_links_to_it(server):
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 1100}, locale="de-DE")
        page = context.new_page()
        refused = []
        page.on(
            "console",
            lambda message: refused.append(message.text) if "Content Security" in message.text else None,
        )
        page.goto(f"{server.base}/admin/login/")
        page.fill("input[name=username]", "uebersetzung")
        page.fill("input[name=password]", "geheim-1234")
        page.click("button[type=submit]")
        page.wait_for_url(f"{server.base}/admin/")

        panel = page.locator("section", has_text="Einträge ohne Übersetzung")
        panel.get_by_role("link", name=re.compile(r"^English: \d+ Seiten$")).click()
        page.wait_for_url(f"{server.base}/admin/translations/?locale=en#missing")

        outdated = page.locator("#outdated")
        assert "1 veraltete Übersetzung" in outdated.inner_text()
        inserted = outdated.locator("ins", has_text="seit 1528 am Markt.")
        assert inserted.count() == 1
        # The stylesheet applied (a CSP refusal would leave <ins> underlined and uncoloured).
        assert inserted.evaluate("node => getComputedStyle(node).textDecorationLine") == "none"
        assert "2 Bilder ohne Bildtexte (English)" in page.locator("#images").inner_text()
        assert refused == []
        page.goto(f"{server.base}/admin/translations/?locale=en")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "translation-overview.png"), full_page=True)
        context.close()
