"""Import sources: partners' calendars and lists fetched from a stand-in server on 127.0.0.1.

The stand-in (tests.tourism.feeds.FeedServer) plays the partner's web server, serving the fixture
files in tests/tourism/fixtures/intake; everything else is Roland's own code, the real publish
pipeline and the real task worker.
"""

from __future__ import annotations

import socket
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageLogEntry

from media.models import RolandImage
from tests.factories import SiteTree, image_bytes
from tests.receivers import Resolver
from tests.tourism.feeds import FeedServer, fixture
from tests.worlds import built_once, fresh
from tourism.models import (
    Event,
    EventOccurrence,
    ImportedItem,
    ImportRun,
    ImportSource,
    OnDisappear,
    Organizer,
    PointOfInterest,
    RunStatus,
)
from tourism.services import intake
from tourism.services.intake import ical
from tourism.services.recurrence import EventDates, expand
from tourism.tasks import refresh_due_import_sources

BERLIN = ZoneInfo("Europe/Berlin")
SKAT = "kufa-skatabend@kulturfabrik.example"
KONZERT = "kufa-konzert@kulturfabrik.example"
LESUNG = "kufa-lesung@kulturfabrik.example"
FLOHMARKT = "kufa-flohmarkt@kulturfabrik.example"


def _build() -> dict:
    tree = SiteTree()
    kufa = tree.poi(title="Kulturfabrik", slug="kulturfabrik", street="Gerikestraße 3", postal_code="39340")
    organizer = Organizer.objects.create(name="Kulturfabrik Haldensleben e. V.")
    return {"tree": tree, "kufa": kufa, "organizer": organizer}


_world = built_once(_build)


@pytest.fixture
def world(_world, db) -> dict:
    return fresh(_world)


@pytest.fixture
def tree(world):
    return world["tree"]


@pytest.fixture
def server(settings):
    settings.IMPORT_ALLOW_PRIVATE_SOURCES = True
    feed = FeedServer()
    yield feed
    feed.close()


def calendar_source(world, url: str, **fields) -> ImportSource:
    fields.setdefault("publish_directly", True)
    return ImportSource.objects.create(
        name="Kulturfabrik", slug="kulturfabrik", kind="ical", url=url, organizer=world["organizer"], **fields
    )


def item_page(source: ImportSource, external_id: str):
    return ImportedItem.objects.get(source=source, external_id=external_id).page.specific


def edited_calendar(**replacements: str) -> bytes:
    text = fixture("kulturfabrik.ics").decode()
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    return text.encode()


def without_event(data: bytes, uid: str) -> bytes:
    text = data.decode()
    begin = text.index(f"UID:{uid}")
    start = text.rindex("BEGIN:VEVENT", 0, begin)
    end = text.index("END:VEVENT\r\n", begin) + len("END:VEVENT\r\n")
    return (text[:start] + text[end:]).encode()


# --- the first run ---------------------------------------------------------------------------------


def test_first_run_imports_recurrence_time_zones_cancellations_and_all_day_events(world, server):
    source = calendar_source(world, server.serve("/kalender.ics", fixture("kulturfabrik.ics")))

    run = intake.run_import(source)

    assert (run.status, run.created, run.changed, run.errors) == (RunStatus.PARTIAL, 4, 0, 1)
    [error] = run.report["errors"]
    assert (error["ref"], error["field"], error["external_id"]) == (
        "Zeile 61",
        "DTSTART",
        "kufa-kaputt@kulturfabrik.example",
    )
    assert {(w["ref"], w["field"]) for w in run.report["warnings"]} == {("Zeile 59", "Zeile")}

    skat = item_page(source, SKAT)
    assert skat.live and skat.venue_id == world["kufa"].pk and skat.location_name == ""
    assert skat.organizer_id == world["organizer"].pk
    assert (skat.start_date, skat.start_time, skat.end_time) == (date(2027, 3, 4), time(19), time(22))
    assert skat.recurrence_rule == "FREQ=WEEKLY;COUNT=8;BYDAY=TH"
    assert [row.date for row in skat.excluded_dates.all()] == [date(2027, 3, 25)]
    assert [(row.date, row.time) for row in skat.extra_dates.all()] == [(date(2027, 4, 20), time(18))]
    starts = [o.start.astimezone(BERLIN) for o in EventOccurrence.objects.filter(event=skat)]
    # 8 Thursdays less the excluded one, plus the extra date; 19:00 on both sides of the DST change.
    assert len(starts) == 8 and {s.time() for s in starts if s.weekday() == 3} == {time(19)}
    assert (
        date(2027, 3, 25) not in {s.date() for s in starts}
        and datetime(2027, 4, 20, 18, tzinfo=BERLIN) in starts
    )
    assert skat.teaser.startswith("Jeden Donnerstag wird in der Kulturfabrik Skat gespielt. Anfänger")

    konzert = item_page(source, KONZERT)  # UTC, on the day the clocks go forward
    assert (konzert.start_date, konzert.start_time, konzert.end_time) == (
        date(2027, 3, 28),
        time(19),
        time(21),
    )
    assert konzert.venue_id is None and konzert.location_name == "Marktplatz Haldensleben"
    assert (konzert.latitude, konzert.longitude) == (Decimal("52.289300"), Decimal("11.408500"))
    assert konzert.ticket_url == "https://kulturfabrik.example/konzert"

    lesung = item_page(source, LESUNG)  # floating time: Berlin wall clock
    assert (lesung.start_time, lesung.status, lesung.status_note) == (
        time(19, 30),
        "cancelled",
        "Die Autorin ist erkrankt.",
    )
    assert (lesung.location_name, lesung.street, lesung.postal_code) == (
        "Stadtbibliothek",
        "Hagenstraße 1",
        "39340",
    )
    assert "Stadtbibliothek, Hagenstraße 1, 39340 Haldensleben" in run.report["unmatched_locations"]

    markt = item_page(source, FLOHMARKT)
    assert (markt.all_day, markt.start_date, markt.end_date, markt.start_time) == (
        True,
        date(2027, 5, 1),
        date(2027, 5, 2),
        None,
    )

    log = PageLogEntry.objects.filter(page=konzert, action="roland.import").get()
    assert "Kulturfabrik" in log.message


def test_a_second_run_changes_nothing(world, server):
    source = calendar_source(world, server.serve("/kalender.ics", fixture("kulturfabrik.ics")))
    intake.run_import(source)
    revisions = {page.pk: page.revisions.count() for page in Event.objects.all()}

    again = intake.run_import(source)

    assert (again.created, again.changed, again.unchanged, again.removed, again.conflicts) == (0, 0, 4, 0, 0)
    assert {page.pk: page.revisions.count() for page in Event.objects.all()} == revisions


def test_a_rule_ending_on_a_date_is_compared_as_stored_so_a_rerun_and_a_new_end_are_no_conflict(
    world, server
):
    """Roland stores UNTIL as a UTC date-time (RFC 5545): the source's date form is the same rule."""
    until = edited_calendar(
        **{"RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=8": "RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20270630"}
    )
    source = calendar_source(world, server.serve("/kalender.ics", until))
    intake.run_import(source)
    again = intake.run_import(source)
    assert (again.changed, again.conflicts) == (0, 0)
    later = until.replace(b"UNTIL=20270630", b"UNTIL=20270731")
    server.serve("/kalender.ics", later)
    run = intake.run_import(source)
    assert (run.changed, run.conflicts) == (1, 0)
    assert run.report["changed"][0]["fields"] == ["recurrence_rule"]


def test_drafts_for_review_stay_unpublished(world, server):
    source = calendar_source(
        world, server.serve("/kalender.ics", fixture("kulturfabrik.ics")), publish_directly=False
    )
    intake.run_import(source)
    konzert = item_page(source, KONZERT)
    assert not konzert.live and konzert.has_unpublished_changes
    assert not EventOccurrence.objects.filter(event=konzert).exists()


# --- later runs ------------------------------------------------------------------------------------


def test_a_changed_event_gets_a_new_revision_and_a_removed_one_is_unpublished(world, server):
    source = calendar_source(world, server.serve("/kalender.ics", fixture("kulturfabrik.ics")))
    intake.run_import(source)
    lesung = item_page(source, LESUNG)
    changed = edited_calendar(**{"DTSTART:20270328T170000Z": "DTSTART:20270328T163000Z"})
    server.serve("/kalender.ics", without_event(changed, LESUNG))

    run = intake.run_import(source)

    assert (run.created, run.changed, run.unchanged, run.removed) == (0, 1, 2, 1)
    assert run.report["changed"][0]["fields"] == ["start_time"]
    konzert = item_page(source, KONZERT)
    assert konzert.live and konzert.start_time == time(18, 30) and konzert.revisions.count() == 2
    assert EventOccurrence.objects.get(event=konzert).start.astimezone(BERLIN).time() == time(18, 30)
    assert not fresh(lesung).live
    assert PageLogEntry.objects.filter(page=konzert, action="roland.import").count() == 2
    # Back in the source: published again.
    server.serve("/kalender.ics", changed)
    back = intake.run_import(source)
    assert back.changed == 1 and fresh(lesung).live


def test_a_removed_event_can_be_marked_cancelled_instead(world, server):
    source = calendar_source(
        world, server.serve("/kalender.ics", fixture("kulturfabrik.ics")), on_disappear=OnDisappear.CANCEL
    )
    intake.run_import(source)
    server.serve("/kalender.ics", without_event(fixture("kulturfabrik.ics"), KONZERT))

    intake.run_import(source)

    konzert = item_page(source, KONZERT)
    assert konzert.live and konzert.status == "cancelled" and "Kulturfabrik" in konzert.status_note
    assert intake.run_import(source).removed == 0  # reported once


def test_a_field_an_editor_changed_is_kept_and_reported_as_a_conflict(world, server):
    source = calendar_source(world, server.serve("/kalender.ics", fixture("kulturfabrik.ics")))
    intake.run_import(source)
    konzert = item_page(source, KONZERT)
    konzert.title = "Frühlingskonzert des Blasorchesters"
    konzert.save_revision().publish()
    server.serve(
        "/kalender.ics",
        edited_calendar(
            **{
                "SUMMARY:Frühlingskonzert": "SUMMARY:Frühjahrskonzert",
                "DTEND:20270328T190000Z": "DTEND:20270328T193000Z",
            }
        ),
    )

    run = intake.run_import(source)

    konzert = item_page(source, KONZERT)
    assert konzert.title == "Frühlingskonzert des Blasorchesters" and konzert.end_time == time(21, 30)
    assert run.changed == 1 and run.conflicts == 1
    [conflict] = run.report["conflicts"]
    assert (conflict["field"], conflict["editor"], conflict["source"]) == (
        "title",
        "Frühlingskonzert des Blasorchesters",
        "Frühjahrskonzert",
    )


def test_a_dry_run_reports_and_writes_nothing(world, server):
    source = calendar_source(world, server.serve("/kalender.ics", fixture("kulturfabrik.ics")))

    dry = intake.run_import(source, dry_run=True)

    assert (dry.dry_run, dry.created, dry.errors) == (True, 4, 1)
    assert not Event.objects.exists() and not ImportedItem.objects.exists()
    intake.run_import(source)
    server.serve(
        "/kalender.ics", without_event(edited_calendar(**{"SUMMARY:Skatabend": "SUMMARY:Skat"}), LESUNG)
    )
    revisions = sum(page.revisions.count() for page in Event.objects.all())
    dry = intake.run_import(source, dry_run=True)
    assert (dry.created, dry.changed, dry.unchanged, dry.removed) == (0, 1, 2, 1)
    assert item_page(source, SKAT).title == "Skatabend" and item_page(source, LESUNG).live
    assert sum(page.revisions.count() for page in Event.objects.all()) == revisions


# --- a source that fails -----------------------------------------------------------------------


@pytest.fixture
def imported(world, server):
    source = calendar_source(world, server.serve("/kalender.ics", fixture("kulturfabrik.ics")))
    intake.run_import(source)
    return source


def assert_untouched(source: ImportSource) -> None:
    assert Event.objects.filter(live=True).count() == 4
    assert all(page.revisions.count() == 1 for page in Event.objects.all())
    assert ImportedItem.objects.filter(source=source, present=True).count() == 5 - 1  # the broken one never


def test_a_timeout_fails_the_run_and_touches_nothing(imported, server, settings):
    settings.IMPORT_TIMEOUT_SECONDS = 0.3
    server.serve("/kalender.ics", b"", delay=5)

    run = intake.run_import(imported)

    assert run.status == RunStatus.FAILED and "0.3" in run.report["error"]
    assert_untouched(imported)


def test_a_server_sending_a_line_now_and_then_is_cut_off_at_the_time_limit(imported, server, settings):
    """Each line comes well within the per-read limit, the whole calendar would take far longer than it."""
    settings.IMPORT_TIMEOUT_SECONDS = 1
    server.serve("/kalender.ics", fixture("kulturfabrik.ics"), drip=0.2)

    run = intake.run_import(imported)

    assert run.status == RunStatus.FAILED and "1 " in run.report["error"]
    assert_untouched(imported)


def test_a_file_over_the_size_limit_fails_the_run(imported, server):
    big = fixture("kulturfabrik.ics").replace(
        b"END:VCALENDAR", b"X-PAD:" + b"x" * 10_000_000 + b"\r\nEND:VCALENDAR"
    )
    server.serve("/kalender.ics", big)

    run = intake.run_import(imported)

    assert run.status == RunStatus.FAILED and "5 MB" in run.report["error"]
    assert_untouched(imported)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"status": 404}, "HTTP 404"),
        ({"content_type": "text/html"}, "text/html"),
        ({"body": b"<html>Bitte anmelden</html>", "content_type": "text/plain"}, "keine iCalendar-Datei"),
        ({"body": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"}, "gar keine Einträge"),
    ],
)
def test_a_missing_or_wrong_file_fails_the_run(imported, server, answer, message):
    answer.setdefault("body", fixture("kulturfabrik.ics"))
    server.serve("/kalender.ics", **answer)

    run = intake.run_import(imported)

    assert run.status == RunStatus.FAILED and message in run.report["error"]
    assert_untouched(imported)


def test_a_redirect_into_the_private_network_is_refused(world, server, settings, monkeypatch):
    """The partner's name resolves to a public address (stand-in resolver), which the stand-in
    network routes to the feed server; its redirect to 127.0.0.1 must not be followed."""
    settings.IMPORT_ALLOW_PRIVATE_SOURCES = False
    Resolver(monkeypatch, {"kalender.partner.example": [["8.8.8.8"]]})
    real_connect = socket.socket.connect

    def connect(sock, address):
        if address[0] == "8.8.8.8":
            return real_connect(sock, ("127.0.0.1", address[1]))
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    private = server.serve("/intern.ics", fixture("kulturfabrik.ics"))
    server.serve("/kalender.ics", b"", status=302, headers={"Location": private})
    source = calendar_source(world, f"http://kalender.partner.example:{server.port}/kalender.ics")

    run = intake.run_import(source)

    assert run.status == RunStatus.FAILED and "privates Netz (127.0.0.1)" in run.report["error"]
    assert server.requests == ["/kalender.ics"] and not Event.objects.exists()


def test_the_worker_refreshes_due_sources_and_backs_off_after_a_failure(imported, server, run_tasks):
    ImportSource.objects.filter(pk=imported.pk).update(next_run_at=timezone.now() - timedelta(seconds=1))
    server.serve("/kalender.ics", b"", status=500)

    assert refresh_due_import_sources() == [imported.pk]
    assert refresh_due_import_sources() == []  # claimed: not queued twice
    run_tasks()

    source = fresh(imported)
    assert source.failures == 1 and source.runs.first().status == RunStatus.FAILED
    assert timedelta(minutes=4) < source.next_run_at - timezone.now() <= timedelta(minutes=5)
    assert_untouched(source)
    ImportSource.objects.filter(pk=source.pk).update(next_run_at=timezone.now(), failures=3)
    run_tasks() if refresh_due_import_sources() else None
    source = fresh(source)
    assert source.failures == 4 and source.next_run_at - timezone.now() > timedelta(minutes=39)
    server.serve("/kalender.ics", fixture("kulturfabrik.ics"))
    ImportSource.objects.filter(pk=source.pk).update(next_run_at=timezone.now())
    refresh_due_import_sources()
    run_tasks()
    source = fresh(source)
    assert source.failures == 0 and source.runs.first().status == RunStatus.PARTIAL
    assert source.next_run_at - timezone.now() > timedelta(hours=23)


# --- CSV and JSON-LD --------------------------------------------------------------------------------


def test_csv_in_windows_1252_with_a_bad_row_imports_the_rows_around_it(world, server):
    mapping = {
        "type": "event",
        "id": "Nr",
        "columns": {
            "title": "Titel",
            "start_date": "Datum",
            "start_time": "Beginn",
            "end_time": "Ende",
            "location": "Ort",
            "description": "Beschreibung",
            "status": "Status",
        },
    }
    url = server.serve("/termine.csv", fixture("veranstaltungen-cp1252.csv"), "text/csv")
    source = ImportSource.objects.create(
        name="Stadtmarketing",
        slug="stadtmarketing",
        kind="csv",
        url=url,
        column_mapping=mapping,
        publish_directly=True,
    )

    run = intake.run_import(source)

    assert (run.created, run.errors) == (2, 1)
    [error] = run.report["errors"]
    assert (error["ref"], error["field"]) == ("Zeile 3", "Beginn") and "abends" in error["message"]
    markt = item_page(source, "1")
    assert markt.title == "Töpfermarkt" and markt.venue_id == world["kufa"].pk
    assert (markt.start_date, markt.start_time, markt.end_time) == (date(2027, 6, 1), time(10), time(17))
    assert markt.teaser == "Keramik aus der Region – große Auswahl."
    kino = item_page(source, "3")
    assert kino.status == "cancelled" and kino.live and kino.locality == "Haldensleben"
    assert intake.run_import(source).unchanged == 2


def test_csv_delimiter_and_encoding_are_detected():
    from tourism.services.intake import tables

    text = "Name,Straße,PLZ\r\nMuseum,Breiter Gang 1,39340\r\n".encode()
    parsed = tables.parse(
        text, {"type": "poi", "columns": {"title": "Name", "street": "Straße", "postal_code": "PLZ"}}
    )
    assert [(r.fields["title"], r.fields["street"]) for r in parsed.records] == [("Museum", "Breiter Gang 1")]


def test_jsonld_events_and_places(world, server):
    url = server.serve("/angebote.jsonld", fixture("angebote.jsonld"), "application/ld+json")
    source = ImportSource.objects.create(
        name="Museum", slug="museum", kind="jsonld", url=url, publish_directly=True
    )

    run = intake.run_import(source)

    assert (run.created, run.errors) == (3, 1)
    assert run.report["errors"][0]["field"] == "startDate"
    nacht = item_page(source, "https://museum.example/termine/42")
    assert (nacht.start_date, nacht.start_time, nacht.end_time) == (date(2027, 5, 15), time(18), time(23, 59))
    assert nacht.location_name == "Museum Haldensleben" and nacht.street == "Breiter Gang 1"
    assert nacht.ticket_url == "https://museum.example/tickets"
    vortrag = item_page(source, "https://museum.example/termine/43")
    assert (vortrag.status, vortrag.start_time) == ("cancelled", time(21))
    museum = item_page(source, "https://museum.example/#museum")
    assert isinstance(museum, PointOfInterest) and museum.live
    assert (museum.latitude, museum.phone, museum.website) == (
        Decimal("52.288100"),
        "+49 3904 40000",
        "https://museum.example/",
    )


# --- round trip and command line ------------------------------------------------------------------


def test_roland_s_own_calendar_of_the_imported_events_has_the_same_occurrences(world, server, client):
    source = calendar_source(world, server.serve("/kalender.ics", fixture("kulturfabrik.ics")))
    intake.run_import(source)
    stored = {(o.event.title, o.start, o.end) for o in EventOccurrence.objects.select_related("event")}
    exported = client.get("/api/v1/events.ics", {"from": "2027-01-01", "to": "2027-12-31"})
    assert exported.status_code == 200 and Calendar.from_ical(exported.content)

    again = ical.parse(exported.content)

    assert not again.errors and len(again.records) == 4
    window = (datetime(2027, 1, 1, tzinfo=BERLIN), datetime(2028, 1, 1, tzinfo=BERLIN))
    expanded = set()
    for record in again.records:
        f = record.fields
        dates = EventDates(
            start_date=f["start_date"],
            start_time=f["start_time"],
            end_date=f["end_date"] or f["start_date"],
            end_time=f["end_time"],
            all_day=f["all_day"],
            rule=f["recurrence_rule"],
            exdates=tuple(f["excluded_dates"]),
            rdates=tuple(f["extra_dates"]),
        )
        expanded |= {(f["title"], span.start, span.end) for span in expand(dates, *window)}
    assert expanded == stored


def test_the_command_imports_a_file_and_exits_1_when_an_item_failed(world, tmp_path, capsys):
    path = tmp_path / "kalender.ics"
    path.write_bytes(fixture("kulturfabrik.ics"))

    with pytest.raises(SystemExit) as exit_status:
        call_command("import_source", str(path), "--dry-run")
    assert exit_status.value.code == 1
    assert "4 new" in capsys.readouterr().out and not Event.objects.exists()

    path.write_bytes(without_event(fixture("kulturfabrik.ics"), "kufa-kaputt@kulturfabrik.example"))
    call_command("import_source", str(path), "--drafts")
    out = capsys.readouterr()
    assert "4 new" in out.out and "4/4" in out.err
    assert Event.objects.count() == 4 and not Event.objects.filter(live=True).exists()
    assert ImportRun.objects.filter(source__slug__startswith="cli-").count() == 2


# --- the admin: Einstellungen → Importquellen ------------------------------------------------------


def test_editors_add_a_source_in_the_settings_menu_and_see_german_errors(world, admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("import_sources:index") in response.content.decode()
    form = {
        "name": "Stadtbibliothek",
        "slug": "bibliothek",
        "kind": "csv",
        "url": "",
        "column_mapping": "{}",
        "encoding": "auto",
        "delimiter": "auto",
        "image_license": "all-rights-reserved",
        "refresh_minutes": "60",
        "on_disappear": "unpublish",
    }

    response = admin_client.post(reverse("import_sources:add"), form)

    assert response.status_code == 200 and not ImportSource.objects.exists()
    page = response.content.decode()
    assert "Geben Sie eine URL an oder laden Sie eine Datei hoch." in page
    assert "Eine CSV-Quelle braucht eine Zuordnung mit" in page
    form.update(
        url="https://verein:geheim@bibliothek.example/termine.csv",
        column_mapping='{"columns": {"title": "Titel"}}',
    )
    response = admin_client.post(reverse("import_sources:add"), form)
    assert (
        "Die URL darf keinen Benutzernamen" in response.content.decode() and not ImportSource.objects.exists()
    )
    form.update(url="https://bibliothek.example/termine.csv")
    assert admin_client.post(reverse("import_sources:add"), form).status_code == 302
    assert ImportSource.objects.get(slug="bibliothek").refresh_minutes == 60


def test_editors_start_a_dry_run_and_an_import_and_read_the_report(world, server, admin_client):
    source = calendar_source(world, server.serve("/kalender.ics", fixture("kulturfabrik.ics")))
    run_url = reverse("import_sources:run", args=[source.pk])
    assert "Probelauf" in admin_client.get(run_url).content.decode()

    response = admin_client.post(run_url, {"dry_run": "1"}, follow=True)

    page = response.content.decode()
    assert "Probelauf (nichts gespeichert): 4 neu" in page and "Zeile 61" in page
    assert not Event.objects.exists()
    response = admin_client.post(run_url, {"dry_run": "0"}, follow=True)
    page = response.content.decode()
    assert "Importiert: 4 neu" in page and "Stadtbibliothek, Hagenstraße 1" in page
    assert Event.objects.filter(live=True).count() == 4
    history = admin_client.get(
        reverse("wagtailadmin_pages:history_results", args=[item_page(source, KONZERT).pk])
    )
    assert "Angelegt durch den Import aus „Kulturfabrik“" in history.content.decode()


# --- images ----------------------------------------------------------------------------------------


def calendar_with_image(url: str) -> bytes:
    return edited_calendar(
        **{
            "URL:https://kulturfabrik.example/konzert": f"URL:https://kulturfabrik.example/konzert\r\nIMAGE;VALUE=URI:{url}"
        }
    )


def test_an_image_is_fetched_once_and_stored_with_the_source_s_credit(world, server):
    picture = server.serve("/bilder/konzert.png", image_bytes(fmt="PNG"), "image/png")
    source = calendar_source(
        world,
        server.serve("/kalender.ics", calendar_with_image(picture)),
        image_credit="Foto: Kulturfabrik",
        image_license="CC-BY-4.0",
    )

    intake.run_import(source)
    again = intake.run_import(source)

    image = item_page(source, KONZERT).image
    assert (image.credit, image.license, image.title) == (
        "Foto: Kulturfabrik",
        "CC-BY-4.0",
        "Frühlingskonzert",
    )
    assert server.requests.count("/bilder/konzert.png") == 1 and (again.changed, again.conflicts) == (0, 0)
    assert RolandImage.objects.count() == 1


def test_no_image_without_a_credit_and_none_that_is_not_an_image(world, server):
    picture = server.serve("/bilder/konzert.png", b"<html>kein Bild</html>", "text/html")
    source = calendar_source(world, server.serve("/kalender.ics", calendar_with_image(picture)))

    run = intake.run_import(source)

    assert item_page(source, KONZERT).image is None and not RolandImage.objects.exists()
    assert any(w["field"] == "image" and "Bildnachweis" in w["message"] for w in run.report["warnings"])
    ImportSource.objects.filter(pk=source.pk).update(image_credit="Foto: Kulturfabrik")
    run = intake.run_import(fresh(source))
    assert any(w["field"] == "image" and "text/html" in w["message"] for w in run.report["warnings"])
    assert not RolandImage.objects.exists()
