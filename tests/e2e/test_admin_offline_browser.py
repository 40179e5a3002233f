"""The admin calls no third party (GDPR, and it works offline): Chromium signs in, opens the start
page, a page's edit form and a listing, and every request it makes goes to this server — no
Gravatar, no release check, no fonts from elsewhere. Roland's name and logo are on the screens."""

import pytest

from tests.e2e.browser import chromium, world_server
from tests.e2e.kiosk_world import ADMIN_PASSWORD as PASSWORD
from tests.e2e.kiosk_world import WORLD, ids

pytestmark = pytest.mark.processes  # a server of its own: handed out first (tests/conftest.py)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # The world's chefin has a real-looking address: Wagtail would ask Gravatar for its hash's avatar.
    with world_server(tmp_path_factory, "admin-offline-e2e", WORLD) as server:
        server.ids = ids(server.world)
        yield server


def test_the_admin_loads_nothing_from_elsewhere_and_shows_roland(server):
    requests: list[str] = []
    with chromium() as browser:
        context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{server.base}/admin/login/")
        assert page.title() == "Anmelden - Roland"
        assert page.locator(".login-logo img[src*='roland-logo.svg']").count() == 1
        page.fill("#id_username", "chefin")
        page.fill("#id_password", PASSWORD)
        page.locator("button[type=submit]").click()
        page.wait_for_url(f"{server.base}/admin/", timeout=15_000)
        page.wait_for_load_state("networkidle")
        assert page.locator("#wagtail-sidebar img[src*='roland-logo.svg']").count() == 1
        assert page.title().endswith("- Roland")
        for path in (
            f"/admin/pages/{server.ids['event']}/edit/",
            f"/admin/pages/{server.ids['events']}/",
            "/admin/account/",
        ):
            assert page.goto(f"{server.base}{path}").status == 200, path
            page.wait_for_load_state("networkidle")
        context.close()
    assert len(requests) > 20  # the screens' scripts, styles, icons and images were loaded
    elsewhere = [url for url in requests if not url.startswith((server.base + "/", "data:", "blob:"))]
    assert elsewhere == []
