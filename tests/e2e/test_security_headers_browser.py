"""The pages run under their Content-Security-Policy: Chromium reports no violation and no error.

Every `securitypolicyviolation` event and every console error of the page is collected (the
collector is installed by Playwright before any of the page's scripts, outside the page's policy).
The kiosk player (with its service worker), the API docs (Swagger UI) and the Wagtail admin (sign-in,
dashboard, the editing screens) must report none; a script
slipped into the player or the docs must be refused, which is what the policy is for.
"""

import time

import pytest

from tests.e2e.browser import chromium, wait_until, world_server
from tests.e2e.kiosk_world import ADMIN_PASSWORD, WORLD, ids

pytestmark = pytest.mark.processes  # a server of its own: handed out first (tests/conftest.py)
COLLECT = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
});
"""
INJECT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.__injected = true;";
  document.body.append(script);
  return new Promise((resolve) => setTimeout(() => resolve(window.__injected === true), 200));
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with world_server(tmp_path_factory, "csp-e2e", WORLD) as server:
        server.ids = ids(server.world)
        yield server


@pytest.fixture(scope="module")
def browser(server):
    with chromium() as browser:
        yield browser


class Watched:
    """A page whose policy violations and console errors are recorded."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(
            service_workers="allow", locale="de-DE", timezone_id="Europe/Berlin"
        )
        self.context.add_init_script(COLLECT)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("response", self._response)

    def _console(self, message) -> None:
        # A failed load is reported with its address by _response.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)

    def _response(self, response) -> None:
        if response.status >= 400:
            self.errors.append(f"{response.status} {response.url}")

    def problems(self) -> list[str]:
        return self.page.evaluate("window.__violations") + self.errors

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser):
    watched = Watched(browser)
    yield watched
    watched.close()


def test_the_kiosk_player_and_its_service_worker_run_without_violations(watched, server):
    page = watched.page
    response = page.goto(f"{server.base}/kiosks/markt/")
    assert "'nonce-" in response.headers["content-security-policy"]
    page.wait_for_selector("body[data-status=online]", timeout=15_000)
    page.locator("#now-list").get_by_text("Rolli", exact=False).first.wait_for(timeout=10_000)
    wait_until(page, "navigator.serviceWorker.controller !== null")
    wait_until(page, "[...document.images].every((image) => image.complete && image.naturalWidth > 0)")
    assert page.locator("#upcoming-feature img.feature-image").count() == 1
    assert watched.problems() == []
    # What the policy is for: a script slipped into the page does not run, and is reported.
    assert page.evaluate(INJECT) is False
    assert any("script-src" in violation for violation in page.evaluate("window.__violations"))


def test_the_api_docs_run_without_violations(watched, server):
    page = watched.page
    page.goto(f"{server.base}/api/v1/docs")
    page.locator(".swagger-ui .info .title").get_by_text("Roland API").wait_for(timeout=15_000)
    operation = page.locator(".opblock-summary").first
    operation.click()
    page.locator(".opblock-body").first.wait_for(timeout=10_000)
    assert page.locator(".opblock").count() > 10
    assert watched.problems() == []
    assert page.evaluate(INJECT) is False


def test_the_admin_runs_without_violations(watched, server):
    page = watched.page
    page.goto(f"{server.base}/admin/login/")
    page.fill("#id_username", "chefin")
    page.fill("#id_password", ADMIN_PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{server.base}/admin/", timeout=15_000)
    page.wait_for_load_state("networkidle")
    assert watched.problems() == []

    # An event's form: inline panels (a new form added to each), date and time fields, side panels
    # (preview, the accessibility checks) opened. The new forms are added while the page's clock
    # stands still, before Wagtail takes the form as loaded (a timer, two seconds after it appears):
    # they are part of the form it starts from, not edits its autosave would send half-filled (an
    # answer of 400), however late the clicks come on a busy machine.
    page.clock.install()
    page.clock.pause_at(int(time.time() * 1000) + 1000)
    page.goto(f"{server.base}/admin/pages/{server.ids['event']}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("input[name=start_date]").count() == 1
    forms = page.locator("[id$='-FORMS'] > *").count()
    for button in page.locator("button[id$='-ADD']").all():
        button.dispatch_event("click")
    page.clock.run_for(2000)  # Wagtail takes the form as loaded, the new forms in it
    page.clock.resume()
    for toggle in page.locator("[data-side-panel-toggle]").all():
        toggle.dispatch_event("click")
        page.wait_for_load_state("networkidle")
    assert page.locator("[id$='-FORMS'] > *").count() > forms  # the panels' scripts ran
    assert watched.problems() == []

    for path in (
        "/admin/pages/",
        f"/admin/pages/{server.ids['poi']}/edit/",
        "/admin/images/",
        f"/admin/images/{server.ids['image']}/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/kiosks/",
        f"/admin/kiosks/edit/{server.ids['kiosk']}/",  # with the player in its preview frame
        "/admin/lockouts/",
        "/admin/groups/new/",
        "/admin/users/",
    ):
        assert page.goto(f"{server.base}{path}").status == 200, path
        page.wait_for_load_state("networkidle")
        assert watched.problems() == [], path
