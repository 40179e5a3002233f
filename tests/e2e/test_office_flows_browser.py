"""The tourism office's everyday flows in the German admin, in real Chromium against a real `runserver`
(issue 17), done by the office's own people, never a superuser: *Redakteurin* of the group Redaktion
writes, translates and schedules; *Freigeberin* of the group Freigabe approves what is submitted to
the review *Freigabe*, publishes translations and cancels (the Redaktion may not publish: sites/groups.py).

1. A place with the map picker (no tiles) and a picture uploaded through the image chooser, submitted
   and approved; translated with *Diese Seite übersetzen* and the dummy engine in wagtail-localize's
   editor (one string corrected by hand) and handed to the Freigabe with the editor's main button
   *Zur Freigabe einreichen* (not *Löschen*); the API serves it in German as the fallback until the
   Freigabe approves it on the dashboard, then in English with the translator's text and the picture.
2. A weekly event written with the recurrence builder, approved, translated and published in
   English, then cancelled with a note from *Veranstaltungen*: cancelled in German and English in the
   JSON list and detail, the calendar feed and the market screen's kiosk feed.
3. A place scheduled for tomorrow in the scheduling dialog (*Veröffentlicht ab*), approved: not in
   the API, and a round of the worker before its time publishes nothing; once its moment has come
   (the approved schedule moved to a second ago, not a day waited for) the worker's own round
   (cms.worker, as `manage.py worker` runs it) publishes it.

One server for the module on the session's copy of tests/e2e/kiosk_world.py (with its screens) and
the office's two members; screenshots into
var/screenshots/ (or ROLAND_SCREENSHOTS): `office-poi-translation.png`, `office-event-cancelled.png`,
`office-scheduled.png`.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PIL import Image

from cms.core.timezone import LOCAL_TZ
from tests.e2e.browser import chromium, world_server
from tests.e2e.kiosk_world import WORLD as KIOSK_WORLD
from tests.e2e.kiosk_world import ids
from tests.e2e.test_kiosk_player import SCREENSHOTS

pytestmark = pytest.mark.processes  # a server of its own: handed out first (tests/conftest.py)
PASSWORD = "e2e-richtig-und-lang-genug"
COLLECT = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""
# On kiosk_world's places, events and screens (the session's copy): the places' section in English
# too (a translation needs its parent translated); one member of each office group.
OFFICE = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale
from cms.demo.translation import translate_with_strings
from sites.groups import EDITOR_GROUP, MODERATOR_GROUP
from tourism.models import PointOfInterestIndexPage
pois = PointOfInterestIndexPage.objects.get(locale__language_code="de")
translate_with_strings(pois, Locale.objects.get(language_code="en"), {"orte": "places"})
for name, group in (("redakteurin", EDITOR_GROUP), ("freigeberin", MODERATOR_GROUP)):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", PASSWORD, first_name=name.title())
    user.groups.add(Group.objects.get(name=group))
print("DONE")
"""
# One round of the worker as `manage.py worker` runs it: the due scheduled jobs, then ready tasks.
WORKER_ROUND = "from cms.worker import WorkerProcess; WorkerProcess(worker_id='e2e-office').run_round()"
# The moment of a page's approved go-live arrived: the schedule (its revision's, the go-live in that
# revision's content, which the publish reads, and the page's) moved to a second ago.
DUE = """
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Page, Revision
moment = timezone.now() - timedelta(seconds=1)
moved = 0
for revision in Revision.page_revisions.filter(object_id="PAGE", approved_go_live_at__isnull=False):
    revision.approved_go_live_at = moment
    revision.content["go_live_at"] = moment.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    moved += 1
Page.objects.filter(pk=PAGE).update(go_live_at=moment)
print("MOVED", moved)
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    env = {"MACHINE_TRANSLATION": "dummy", "SCHEDULED_PUBLISHING_SECONDS": "1"}
    with world_server(tmp_path_factory, "office-flows-e2e", KIOSK_WORLD, env) as server:
        world = ids(server.world)
        server.pois, server.events = world["pois"], world["events"]
        assert "DONE" in server.shell(OFFICE.replace("PASSWORD", repr(PASSWORD)))
        picture = Path(server.env["ROLAND_VAR_DIR"]) / "buelstringer-tor.jpg"
        Image.new("RGB", (1200, 800), (150, 110, 70)).save(picture, quality=85)
        server.picture = picture
        yield server


@pytest.fixture(scope="module")
def office_browser(server):
    with chromium() as browser:
        yield browser


def logged_in(browser, server, username: str):
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="de-DE", timezone_id="Europe/Berlin"
    )
    context.add_init_script(COLLECT)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{server.base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{server.base}/admin/", timeout=15_000)
    return page


@pytest.fixture(scope="module")
def redaktion(office_browser, server):
    page = logged_in(office_browser, server, "redakteurin")
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def freigabe(office_browser, server):
    page = logged_in(office_browser, server, "freigeberin")
    yield page
    page.context.close()


def get(server, path: str) -> bytes:
    with urllib.request.urlopen(f"{server.base}{path}", timeout=10) as response:
        return response.read()


def api(server, path: str) -> dict:
    return json.loads(get(server, path))


def by_slug(server, path: str) -> dict[str, dict]:
    return {item["slug"]: item for item in api(server, path)["items"]}


def get_status(server, path: str) -> int:
    try:
        with urllib.request.urlopen(f"{server.base}{path}", timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def message(page) -> str:
    return page.locator(".messages").inner_text()


def clean(page) -> None:
    """What every admin page of a flow must not have shown: script errors, policy violations."""
    assert page.errors == []
    assert page.evaluate("window.__violations") == []


def submit_for_review(page) -> int:
    """*Einreichen: Freigabe* from the action menu; the id of the page from the message's edit link."""
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Einreichen: Freigabe").click()
    page.wait_for_url(lambda url: "/edit/" not in url and "/add/" not in url, timeout=30_000)
    assert "zur Moderation eingereicht" in message(page)
    clean(page)
    href = page.locator(".messages").get_by_role("link", name="Bearbeiten").get_attribute("href")
    return int(re.search(r"/pages/(\d+)/edit/", href).group(1))


def approve(page, server, page_id: int) -> str:
    """The Freigabe's *Freigeben und Veröffentlichen* on the submitted page; the admin's message."""
    page.goto(f"{server.base}/admin/pages/{page_id}/edit/")
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Freigeben und Veröffentlichen").click()
    page.wait_for_url(lambda url: "/edit/" not in url, timeout=30_000)
    clean(page)
    return message(page)


def translate_to_english(page, server, page_id: int) -> int:
    """*Diese Seite übersetzen* into English, every string by the dummy engine; the translation's id."""
    page.goto(f"{server.base}/admin/pages/{page_id}/edit/")
    actions = page.get_by_role("navigation", name="Aktionen", exact=True)
    actions.get_by_role("button", name="Aktionen").click()
    actions.get_by_role("link", name="Diese Seite übersetzen").click()
    page.get_by_role("heading", name=re.compile("Seite übersetzen")).wait_for()
    page.get_by_label("English").check()
    page.get_by_role("button", name="Absenden").click()
    page.wait_for_selector(".js-translation-editor", timeout=20_000)
    assert "zur Übersetzung in English eingereicht" in message(page)
    translation = int(re.search(r"/pages/(\d+)/edit/", page.url).group(1))
    page.get_by_role("button", name="Übersetzen mit Test-Übersetzer (zum Ausprobieren, ohne Netz)").click()
    page.wait_for_selector(".js-translation-editor", timeout=20_000)
    assert "Erfolgreich übersetzt mit Test-Übersetzer" in message(page)
    clean(page)
    return translation


def test_a_place_with_map_and_picture_is_translated_and_published(redaktion, freigabe, server):
    page = redaktion
    page.goto(f"{server.base}/admin/pages/{server.pois}/")
    page.get_by_role("link", name="Unterseite hinzufügen").first.click()  # one page type: its form
    page.wait_for_url(re.compile(r"/admin/pages/add/tourism/pointofinterest/"), timeout=15_000)
    page.fill("#id_title", "Bülstringer Tor")
    page.fill("#id_teaser", "Das alte Stadttor am Ende der Bülstringer Straße.")

    # The picture: uploaded in the image chooser's *Hochladen* tab, with the texts the library requires.
    page.get_by_role("button", name="Bild auswählen").click()
    chooser = page.locator(".modal-content")
    chooser.get_by_role("tab", name="Hochladen").click()
    chooser.get_by_label("Titel").fill("Bülstringer Tor")
    chooser.get_by_label("Datei").set_input_files(str(server.picture))
    chooser.get_by_label("Alternativtext").fill("Das Bülstringer Tor von der Stadtseite")
    chooser.get_by_label("Bildnachweis").fill("Stadt Haldensleben")
    chooser.get_by_role("button", name="Hochladen").click()
    chooser.wait_for(state="detached", timeout=20_000)
    image_id = int(page.input_value("input[name=image]"))

    # The place on the map: a click into the picker (no tiles configured: said in German).
    page.get_by_role("tab", name="Details").click()
    page.wait_for_selector("[data-map-picker][data-map-picker-ready=true]", timeout=15_000)
    assert "Keine Kartenkacheln" in page.locator("[data-map-picker-note]").inner_text()
    map_box = page.locator("[data-map-picker-map]")
    map_box.scroll_into_view_if_needed()
    box = map_box.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.4, box["y"] + box["height"] * 0.6)
    latitude = float(page.input_value("input[name=latitude]"))
    longitude = float(page.input_value("input[name=longitude]"))
    assert 51.9 <= latitude <= 52.6 and 11.0 <= longitude <= 11.9  # in the region (ROLAND_REGION_BOUNDS)
    german = submit_for_review(page)
    assert "buelstringer-tor" not in by_slug(server, "/api/v1/pois")  # submitted is not published

    assert "„Bülstringer Tor“ wurde freigegeben und veröffentlicht." in approve(freigabe, server, german)
    item = by_slug(server, "/api/v1/pois")["buelstringer-tor"]
    assert (item["location"]["lat"], item["location"]["lng"]) == (latitude, longitude)
    assert item["image"]["id"] == image_id

    # Translated by the Redaktion: the dummy engine, then the title by hand.
    english = translate_to_english(page, server, german)
    editor = page.locator(".js-translation-editor")
    assert "Straße. Bülstringer der Ende am Stadttor alte Das" in editor.inner_text()  # the dummy's words
    page.get_by_role("button", name="Bearbeiten").first.click()
    editor.locator("textarea").first.fill("Bülstringer Gate")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Bülstringer Gate", exact=True).wait_for()
    # The Redaktion may not publish: the editor's main button hands the translation to the
    # Freigabe (not *Löschen*, which stays in the drop-down); no publish button.
    footer = page.locator(".js-translation-editor footer")
    main = footer.locator(".w-dropdown-button > :first-child").first
    assert main.inner_text().strip() == "Zur Freigabe einreichen"
    assert footer.get_by_role("button", name="Veröffentlichen in English").count() == 0
    footer.get_by_role("button", name="Weitere Aktionen").click()
    assert footer.get_by_role("link", name="Löschen").is_visible()
    footer.get_by_role("button", name="Weitere Aktionen").click()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "office-poi-translation.png"), full_page=True)
    clean(page)
    main.click()
    page.wait_for_url(lambda url: "/edit/" not in url, timeout=30_000)
    assert "Übersetzung „Bülstringer Gate“ wurde zur Freigabe eingereicht." in message(page)
    clean(page)
    fallback = by_slug(server, "/api/v1/pois?locale=en")["buelstringer-tor"]  # submitted, not published
    assert (fallback["locale"], fallback["is_fallback"], fallback["title"]) == ("de", True, "Bülstringer Tor")

    # The Freigabe sees it in its review queue (*Übersetzungen prüfen*) and approves it where Wagtail
    # lists what awaits its review (the dashboard).
    freigabe.goto(f"{server.base}/admin/")
    freigabe.get_by_role("button", name="Übersetzung").click()
    assert freigabe.get_by_role("link", name="Sammelübersetzungen").is_visible()  # not English
    freigabe.get_by_role("link", name="Übersetzungen prüfen").click()  # the first language's queue
    freigabe.wait_for_selector("#review-queue")
    assert freigabe.get_by_label("Bülstringer Gate geprüft").count() == 1
    freigabe.goto(f"{server.base}/admin/")
    row = freigabe.locator(
        "#awaiting-review-section tr", has=freigabe.get_by_role("link", name="Bülstringer Gate")
    )
    row.get_by_role("button", name="Aktionen").click()
    with freigabe.expect_navigation(timeout=30_000):
        row.get_by_role("button", name="Freigeben", exact=True).click()
    clean(freigabe)

    item = by_slug(server, "/api/v1/pois?locale=en")["buelstringer-tor"]
    assert (item["id"], item["locale"], item["is_fallback"]) == (english, "en", False)
    assert item["title"] == "Bülstringer Gate"
    assert item["teaser"] == "Straße. Bülstringer der Ende am Stadttor alte Das"
    assert item["image"]["id"] == image_id
    detail = api(server, f"/api/v1/pois/{english}?locale=en")
    assert (detail["locale"], detail["is_fallback"], detail["title"]) == ("en", False, "Bülstringer Gate")
    assert detail["image"]["id"] == image_id and detail["image"]["renditions"]["card"]["url"]
    assert (detail["location"]["lat"], detail["location"]["lng"]) == (latitude, longitude)
    assert {t["locale"]: t["id"] for t in detail["translations"]} == {"de": german}  # the others


def occurrences(server, path: str, event_id: int) -> list[dict]:
    return [item for item in api(server, path)["items"] if item["event_id"] == event_id]


def calendar_events(server, path: str, title: str) -> list:
    calendar = Calendar.from_ical(get(server, path))
    return [event for event in calendar.walk("VEVENT") if str(event["SUMMARY"]) == title]


def test_a_weekly_event_is_translated_and_cancelled_everywhere(redaktion, freigabe, server):
    title, english_title = "Nachtwächterführung durch die Altstadt", "Altstadt die durch Nachtwächterführung"
    note = "Der Nachtwächter ist erkrankt; die Führungen fallen aus."
    page = redaktion
    page.goto(f"{server.base}/admin/pages/{server.events}/")
    page.get_by_role("link", name="Unterseite hinzufügen").first.click()  # one page type: its form
    page.wait_for_url(re.compile(r"/admin/pages/add/tourism/event/"), timeout=15_000)
    page.fill("#id_title", title)
    page.fill("#id_teaser", "Mit Laterne und Hellebarde durch die Gassen der Altstadt.")

    # The dates: tomorrow evening, then weekly, six times, with the recurrence builder.
    page.get_by_role("tab", name="Termine").click()
    tomorrow = datetime.now(LOCAL_TZ).date() + timedelta(days=1)
    page.get_by_label("Startdatum").fill(tomorrow.strftime("%d.%m.%Y"))
    page.get_by_label("Startzeit").fill("20:00")
    page.get_by_label("Endzeit").fill("21:30")
    page.keyboard.press("Escape")  # the time picker closed
    builder = page.locator("[data-recurrence-builder]")
    builder.get_by_label("Wiederholung", exact=True).select_option(label="wöchentlich")
    builder.locator("[data-part=end][value=count]").check()
    builder.get_by_label("Anzahl der Termine").fill("6")
    assert page.input_value("input[name=recurrence_rule]") == "FREQ=WEEKLY;COUNT=6"

    # The venue: the market's Roland, chosen in the page chooser (the kiosk screen stands there).
    page.get_by_role("tab", name="Veranstaltungsort und Tickets").click()
    page.get_by_role("button", name="Seite auswählen (Ort)").click()
    chooser = page.locator(".modal-content")
    chooser.get_by_label("Suchbegriff").fill("Roland")
    chooser.get_by_role("link", name="Reitender Roland").first.click()
    chooser.wait_for(state="detached", timeout=15_000)
    german = submit_for_review(page)
    assert "wurde freigegeben und veröffentlicht." in approve(freigabe, server, german)
    dates = occurrences(server, "/api/v1/events", german)
    assert len(dates) == 6 and {item["status"] for item in dates} == {"scheduled"}
    assert dates[0]["start"].startswith(f"{tomorrow.isoformat()}T20:00")
    assert dates[0]["venue"]["title"] == "Reitender Roland"

    # Translated by the Redaktion, published in the translation editor by the Freigabe.
    english = translate_to_english(page, server, german)
    assert occurrences(server, "/api/v1/events?locale=en", german)[0]["is_fallback"] is True
    freigabe.goto(f"{server.base}/admin/pages/{english}/edit/")
    freigabe.wait_for_selector(".js-translation-editor", timeout=20_000)
    with freigabe.expect_navigation(timeout=30_000):
        freigabe.get_by_role("button", name="Veröffentlichen in English").click()
    assert "in English veröffentlicht" in message(freigabe)
    clean(freigabe)
    in_english = occurrences(server, "/api/v1/events?locale=en", english)
    assert len(in_english) == 6
    assert (in_english[0]["locale"], in_english[0]["is_fallback"], in_english[0]["title"]) == (
        "en",
        False,
        english_title,
    )

    # *Absagen* from the row's menu in *Veranstaltungen*, with the note the screens and apps show.
    freigabe.get_by_role("link", name="Veranstaltungen").first.click()
    freigabe.wait_for_url(f"{server.base}/admin/events/")
    row = freigabe.locator("tr", has_text=title)
    row.get_by_role("button", name="Weitere Optionen").first.click()
    row.get_by_role("link", name="Veranstaltung absagen").click()
    freigabe.fill("textarea[name=note]", note)
    freigabe.get_by_role("button", name="Veranstaltung absagen").click()
    freigabe.wait_for_url(f"{server.base}/admin/events/")
    assert "ist abgesagt" in message(freigabe)
    badge = freigabe.locator("tr", has_text=title).locator(".roland-event-status--cancelled")
    assert badge.text_content().strip() == "Abgesagt"
    freigabe.screenshot(path=str(SCREENSHOTS / "office-event-cancelled.png"))
    clean(freigabe)

    for code, event_id, shown in (("de", german, title), ("en", english, english_title)):
        listed = occurrences(server, f"/api/v1/events?locale={code}", event_id)
        assert len(listed) == 6, code
        assert {(item["status"], item["title"]) for item in listed} == {("cancelled", shown)}, code
        detail = api(server, f"/api/v1/events/{event_id}?locale={code}")
        assert (detail["locale"], detail["status"]) == (code, "cancelled")
        (calendar,) = calendar_events(server, f"/api/v1/events.ics?locale={code}", shown)
        assert str(calendar["STATUS"]) == "CANCELLED" and "RRULE" in calendar, code
    assert {item["status_note"] for item in occurrences(server, "/api/v1/events", german)} == {note}

    feed = api(server, "/api/v1/kiosks/markt/feed")
    shown = [
        item
        for part in ("now", "next", "upcoming")
        for item in feed[part]
        if item["texts"]["de"]["title"] == title
    ]
    assert shown and all(item["cancelled"] for item in shown)
    assert shown[0]["texts"]["en"]["title"] == english_title
    assert shown[0]["texts"]["de"]["status_note"] == note


def test_a_place_scheduled_a_little_ahead_goes_live_by_the_worker(redaktion, freigabe, server):
    page = redaktion
    page.goto(f"{server.base}/admin/pages/{server.pois}/")
    page.get_by_role("link", name="Unterseite hinzufügen").first.click()
    page.wait_for_url(re.compile(r"/admin/pages/add/tourism/pointofinterest/"), timeout=15_000)
    page.fill("#id_title", "Kloster Althaldensleben")
    page.fill("#id_teaser", "Das ehemalige Zisterzienserinnenkloster mit seinem Park.")

    # The go-live a little ahead, in the scheduling dialog of the status panel (Berlin time).
    page.get_by_role("button", name="Status umschalten").click()
    page.locator("[data-side-panel=status]").get_by_role("button", name="Zeitplan festlegen").click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.get_by_text("Veröffentlichungszeitplan festlegen").wait_for()
    # Tomorrow at 10:00 (whole minutes: the admin's date-time fields drop seconds on the next save).
    go_live = (datetime.now(LOCAL_TZ) + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
    field = dialog.get_by_label("Veröffentlicht ab")
    field.fill(go_live.strftime("%d.%m.%Y %H:%M"))
    assert field.input_value() == go_live.strftime("%d.%m.%Y %H:%M")
    # Dispatched: the date picker's calendar still lies over the button.
    with page.expect_navigation(timeout=30_000):
        dialog.get_by_role("button", name="Zeitplan speichern").dispatch_event("click")
    assert "erstellt" in message(page)  # saved as a draft, with its schedule
    status = page.locator("[data-side-panel=status]")
    status.get_by_text("Sobald geplant").first.wait_for()
    assert "Go-Live:" in status.inner_text()
    german = submit_for_review(page)
    assert "„Kloster Althaldensleben“ wurde freigegeben und wird am" in approve(freigabe, server, german)
    assert "kloster-althaldensleben" not in by_slug(server, "/api/v1/pois")
    assert get_status(server, f"/api/v1/pois/{german}") == 404
    server.shell(WORKER_ROUND)  # a round before its time publishes nothing
    assert "kloster-althaldensleben" not in by_slug(server, "/api/v1/pois")

    freigabe.goto(f"{server.base}/admin/")
    panel = freigabe.locator("section", has_text="In den nächsten 14 Tagen veröffentlicht oder abgelaufen")
    assert "Kloster Althaldensleben" in panel.inner_text()
    freigabe.screenshot(path=str(SCREENSHOTS / "office-scheduled.png"), full_page=True)
    clean(freigabe)

    # Its moment reached: the approved schedule moved to a second ago rather than waiting a day for
    # the clock; the worker's next round publishes it by itself.
    assert "MOVED 1" in server.shell(DUE.replace("PAGE", str(german)))
    # The worker's rounds (its scheduled-publishing job runs once per SCHEDULED_PUBLISHING_SECONDS).
    deadline = time.monotonic() + 60
    while "kloster-althaldensleben" not in by_slug(server, "/api/v1/pois"):
        assert time.monotonic() < deadline, "not published by the worker within a minute of its moment"
        server.shell(WORKER_ROUND)
        time.sleep(0.5)
    detail = api(server, f"/api/v1/pois/{german}")
    assert (detail["title"], detail["locale"]) == ("Kloster Althaldensleben", "de")
