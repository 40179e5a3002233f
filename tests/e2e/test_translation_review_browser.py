"""Bulk translation and its review in the German admin, in real Chromium against a real `runserver`
with the dummy engine (`MACHINE_TRANSLATION=dummy`, as the README says for `make run`).

An editor selects the places of a section in the page listing, picks the bulk action *Übersetzen …*
and English; the job page waits (refreshing itself) until the worker step, run in a process of its
own with the worker's real task code, has made the drafts; the review queue lists them, one opens
in wagtail-localize's editor, two are ticked and published through Wagtail's bulk publish, and the
API answers them in English. The editor's two texts its bundle writes in English are German
(`editor_de.js`). No page reports a Content-Security-Policy violation. The screenshots of
docs/ are taken on the way into var/screenshots/ (or ROLAND_SCREENSHOTS): `translation-bulk-job.png`,
`translation-review-queue.png`.
"""

import json
import urllib.request

import pytest

from tests.e2e.browser import chromium, wait_until, world_server
from tests.e2e.test_kiosk_player import SCREENSHOTS

pytestmark = pytest.mark.processes
PASSWORD = "e2e-richtig-und-lang-genug"
COLLECT = """
window.__violations = [];
document.addEventListener("w-dropdown:shown", () => { window.__dropdownShown = true; });
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""
WORLD = """
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from cms.demo.translation import translate_with_strings
from tests.factories import SiteTree, publish
tree = SiteTree()
english = Locale.objects.get(language_code="en")
publish(translate_with_strings(tree.home, english, {}, publish=False)[0])
publish(translate_with_strings(tree.pois, english, {"orte": "places"}, publish=False)[0])
for number, title in enumerate(["Reitender Roland", "Museum Haldensleben", "Schloss Hundisburg", "Kulturfabrik"]):
    tree.poi(title=title, slug=f"ort-{number}", teaser=f"Der Markt ist jeden Samstag am Tor {number}.")
get_user_model().objects.create_superuser("chefin", "chefin@example.org", PASSWORD)
print("POIS", tree.pois.pk)
"""
# Texts of wagtail-localize's editor a catalogue cannot reach (its bundle writes them in English).
EDITOR_ENGLISH = """
[...document.querySelectorAll("h3, .w-sr-only, [title]")]
  .map((node) => node.getAttribute("title") || node.textContent)
  .filter((text) => /More actions| to .+ translation/.test(text))
"""
# The worker's step: the queued tasks run once by django-tasks-db's own worker, as `manage.py worker` does.
WORKER_STEP = "from bench.tasks import run_due_tasks; run_due_tasks('e2e'); print('RAN')"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    world = WORLD.replace("PASSWORD", repr(PASSWORD))
    with world_server(tmp_path_factory, "translation-e2e", world, {"MACHINE_TRANSLATION": "dummy"}) as server:
        server.pois = int(server.world.split("POIS")[-1].split()[0])
        yield server


def english_items(server) -> dict[str, dict]:
    with urllib.request.urlopen(f"{server.base}/api/v1/pois?locale=en", timeout=10) as response:
        return {item["slug"]: item for item in json.load(response)["items"]}


def test_bulk_translate_review_and_publish(server):
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
        context.add_init_script(COLLECT)
        page = context.new_page()
        page.goto(f"{server.base}/admin/login/")
        page.fill("input[name=username]", "chefin")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{server.base}/admin/")

        # The section's listing: select all places, then the bulk action (under "Mehr").
        page.goto(f"{server.base}/admin/pages/{server.pois}/")
        page.locator("input[data-bulk-action-select-all-checkbox]").first.check()
        page.get_by_role("button", name="Mehr").click()
        # Wagtail hands the selection to the dropdown's actions once the dropdown says it is shown.
        wait_until(page, "window.__dropdownShown === true")
        page.get_by_role("link", name="Die ausgewählten Seiten maschinell übersetzen").click()
        page.wait_for_selector("text=Diese 4 Seiten bekommen in jeder gewählten Sprache")
        page.get_by_label("English").check()
        page.get_by_role("button", name="Übersetzen starten").click()
        page.wait_for_selector("#bulk-job[data-status=queued]")
        assert "0 von 4 bearbeitet" in page.inner_text("#bulk-progress-text")
        assert page.locator("meta[http-equiv=refresh]").count() == 1

        assert "RAN" in server.shell(WORKER_STEP)
        # The page refreshes itself (a meta refresh, no script) until the job is done.
        page.wait_for_selector("#bulk-job[data-status=finished]", timeout=20_000)
        assert page.inner_text("#bulk-progress-text") == (
            "4 von 4 bearbeitet: 4 Entwürfe angelegt, 0 übersprungen, 0 fehlgeschlagen."
        )
        assert page.locator("#bulk-items tr[data-status=done]").count() == 4
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "translation-bulk-job.png"), full_page=True)
        assert all(item["is_fallback"] for item in english_items(server).values())

        page.get_by_role("link", name="Prüfliste English").click()
        page.wait_for_selector("#review-queue")
        assert page.locator("#review-queue input[name=id]").count() == 4
        page.screenshot(path=str(SCREENSHOTS / "translation-review-queue.png"), full_page=True)

        # One opens in wagtail-localize's translation editor, with the dummy's reversed words.
        page.get_by_role("link", name="Haldensleben Museum").click()
        page.wait_for_selector(".js-translation-editor")
        page.get_by_text("Tor am Samstag jeden ist Markt Der", exact=False).first.wait_for(timeout=20_000)
        # The editor's bundle writes two texts in English; editor_de.js puts them into German.
        assert page.evaluate(EDITOR_ENGLISH) == []
        assert page.locator("h3", has_text="Übersetzung Deutsch → English").count() >= 1
        assert page.locator(".w-sr-only", has_text="Weitere Aktionen").count() == 1
        page.go_back()
        page.wait_for_selector("#review-queue")

        page.get_by_label("Roland Reitender geprüft").check()
        page.get_by_label("Haldensleben Museum geprüft").check()
        page.get_by_role("button", name="Geprüfte veröffentlichen").click()
        page.get_by_role("button", name="Ja, veröffentlichen").click()
        page.wait_for_selector("#review-queue")
        assert page.locator("#review-queue input[name=id]").count() == 2

        items = english_items(server)
        assert (items["ort-0"]["locale"], items["ort-0"]["is_fallback"]) == ("en", False)
        assert (items["ort-1"]["locale"], items["ort-1"]["is_fallback"]) == ("en", False)
        assert items["ort-2"]["is_fallback"] and items["ort-3"]["is_fallback"]
        assert page.evaluate("window.__violations") == []
        context.close()
