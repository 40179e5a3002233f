"""The public submission form in real Chromium, in German: an invalid and a valid submission, the
honeypot a bot fills in, and the limit per address.

Plain HTML served by Roland (no JavaScript of its own, nothing from other origins): the errors are
shown on their fields in German after a real round trip, the status page says «eingereicht», and
axe-core finds no accessibility violation on either page.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.e2e.browser import chromium, world_server

pytestmark = pytest.mark.processes  # a server of its own: handed out first (tests/conftest.py)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    world = "from tests.e2e.submission_world import build; build()"
    # Five a minute: the module's other submissions (four) stay below it in any one minute.
    with world_server(tmp_path_factory, "submission-e2e", world, {"SUBMISSION_RATE_LIMIT": "5"}) as server:
        yield server


@pytest.fixture(scope="module")
def browser(server):
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin", java_script_enabled=True)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']}" for v in results.response["violations"]]


def test_an_invalid_then_a_valid_submission_in_german(page, server):
    response = page.goto(f"{server.base}/submit/event/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("heading", level=1).inner_text() == "Veranstaltung einreichen"
    assert violations(page) == []

    # Invalid: no title, no place.
    page.get_by_label("Datum (Pflichtfeld)", exact=True).fill(
        (timezone.localdate() + timedelta(days=14)).isoformat()
    )
    page.get_by_label("Beginn (Uhrzeit)", exact=True).fill("19:30")
    page.get_by_label("Beschreibung (Pflichtfeld)", exact=True).fill(
        "Ein Abend mit Liedern aus der Börde und Geschichten dazu."
    )
    page.get_by_label("Veranstalter (Pflichtfeld)", exact=True).fill("Heimatverein Haldensleben")
    page.get_by_label("Ihre E-Mail-Adresse (Pflichtfeld)", exact=True).fill("heimatverein@example.org")
    page.get_by_role("button", name="Veranstaltung senden").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").first.is_visible()
    assert "Bitte korrigieren Sie die markierten Felder." in page.get_by_role("alert").first.inner_text()
    title = page.get_by_label("Titel der Veranstaltung (Pflichtfeld)", exact=True)
    assert title.get_attribute("aria-invalid") == "true"
    assert page.locator("#id_title_error").inner_text().strip() == "Dieses Feld muss ausgefüllt werden."
    assert "Wählen Sie einen Ort" in page.locator("#id_location_name_error").inner_text()
    assert (
        page.get_by_label("Ihre E-Mail-Adresse (Pflichtfeld)", exact=True).input_value()
        == "heimatverein@example.org"
    )
    assert violations(page) == []

    # Valid: the missing fields filled in.
    title.fill("Liederabend im Heimatverein")
    page.get_by_label("Ort", exact=True).select_option(label="Kulturfabrik")
    page.get_by_role("button", name="Veranstaltung senden").click()
    page.wait_for_load_state()
    assert "/submit/status/" in page.url
    assert page.locator("[data-status]").inner_text() == "eingereicht"
    assert "Liederabend im Heimatverein" in page.locator("main").inner_text()
    assert violations(page) == []
    # Roland's own pages and assets only.
    assert all(url.startswith(server.base) for url in page.requests), page.requests


def test_the_form_works_with_javascript_switched_off(browser, server):
    """Nothing on the form needs a script: with JavaScript off it is sent and answered the same."""
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{server.base}/submit/event/")
        page.get_by_label("Titel der Veranstaltung (Pflichtfeld)", exact=True).fill(
            "Orgelkonzert ohne Skript"
        )
        page.get_by_label("Datum (Pflichtfeld)", exact=True).fill(
            (timezone.localdate() + timedelta(days=3)).isoformat()
        )
        page.get_by_label("Ganztägig (ohne Uhrzeit)").check()
        page.get_by_label("Anderer Ort (Name und Adresse)").fill("St.-Marien-Kirche, Kirchplatz")
        page.get_by_label("Beschreibung (Pflichtfeld)", exact=True).fill(
            "Ein Orgelkonzert zum Advent bei Kerzenschein."
        )
        page.get_by_label("Veranstalter (Pflichtfeld)", exact=True).fill("Kirchengemeinde St. Marien")
        page.get_by_label("Ihre E-Mail-Adresse (Pflichtfeld)", exact=True).fill("gemeinde@example.org")
        page.get_by_role("button", name="Veranstaltung senden").click()
        page.wait_for_url("**/submit/status/**")
        assert page.locator("[data-status]").inner_text() == "eingereicht"
    finally:
        context.close()


def stored(server) -> int:
    return int(
        server.shell("from sites.models import EventSubmission; print(EventSubmission.objects.count())")
        .strip()
        .splitlines()[-1]
    )


def fill_valid(page, title: str) -> None:
    page.get_by_label("Titel der Veranstaltung (Pflichtfeld)", exact=True).fill(title)
    page.get_by_label("Datum (Pflichtfeld)", exact=True).fill(
        (timezone.localdate() + timedelta(days=5)).isoformat()
    )
    page.get_by_label("Ganztägig (ohne Uhrzeit)").check()
    page.get_by_label("Ort", exact=True).select_option(label="Kulturfabrik")
    page.get_by_label("Beschreibung (Pflichtfeld)", exact=True).fill(
        "Ein Nachmittag mit Spielen für Familien."
    )
    page.get_by_label("Veranstalter (Pflichtfeld)", exact=True).fill("Spielekreis Haldensleben")
    page.get_by_label("Ihre E-Mail-Adresse (Pflichtfeld)", exact=True).fill("spiele@example.org")


def test_a_bot_filling_the_hidden_field_is_thanked_and_nothing_is_stored(page, server):
    before = stored(server)
    page.goto(f"{server.base}/submit/event/")
    fill_valid(page, "Spielenachmittag vom Bot")
    trap = page.locator("input[name=website]")
    assert not trap.is_visible()  # people never see it
    trap.evaluate("field => { field.value = 'http://spam.example'; }")  # what a bot does
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.get_by_role("button", name="Veranstaltung senden").click()
    page.wait_for_load_state("domcontentloaded")
    assert answer.value.status == 200, (answer.value.status, page.locator("main").inner_text()[-600:])
    assert "Vielen Dank" in page.locator("main").inner_text()
    assert stored(server) == before


def test_too_many_submissions_from_one_address_are_refused_in_german(page, server):
    """However the minute's window falls, at most two windows' worth go through before the refusal."""
    for _attempt in range(12):
        page.goto(f"{server.base}/submit/event/")
        fill_valid(page, "Spielenachmittag")
        with page.expect_response(lambda response: response.request.method == "POST") as answer:
            page.get_by_role("button", name="Veranstaltung senden").click()
        if answer.value.status == 429:
            break
    assert answer.value.status == 429
    assert int(answer.value.headers["retry-after"]) >= 1
    page.wait_for_load_state("domcontentloaded")
    assert "Zu viele Einreichungen" in page.get_by_role("alert").first.inner_text()
    assert violations(page) == []
