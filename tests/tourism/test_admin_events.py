"""*Veranstaltungen* in the admin, as a tourism office uses it: the list by next date with its filters,
*Absagen* (published at once, in every language and channel) and *Mit neuem Datum duplizieren*."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, PageLogEntry
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation

from cms.core.timezone import LOCAL_TZ
from cms.core.translations import outdated_translations
from cms.demo.translation import translate_with_strings
from tests.factories import CategoryFactory, SiteTree
from tests.worlds import built_once, fresh
from tourism.models import (
    Event,
    EventExcludedDate,
    EventOccurrence,
    EventStatus,
    OpeningHoursException,
    OpeningHoursRule,
)
from tourism.services.event_actions import shifted_rule

pytestmark = pytest.mark.django_db

LIST = "/admin/events/"


def build_events() -> dict:
    """A concert tomorrow at the museum (with its English version), a weekly tour, a market that is
    over, a reading never published, a cancelled talk next week."""
    tree = SiteTree()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    today = timezone.now().astimezone(LOCAL_TZ).date()
    concerts = CategoryFactory(name="Konzerte", slug="concert", kind="event")
    markets = CategoryFactory(name="Märkte", slug="market", kind="event")
    translate_with_strings(tree.home, locales["en"], {})
    translate_with_strings(tree.events, locales["en"], {"termine": "events"})
    museum = tree.poi(title="Museum Haldensleben", slug="museum")
    concert = tree.event(
        title="Orgelkonzert",
        slug="orgelkonzert",
        start_date=today + timedelta(days=1),
        start_time=time(19, 30),
        end_time=time(21),
        venue=museum,
        live=False,
    )
    concert.categories = [concerts]
    concert.save_revision().publish()
    translate_with_strings(
        concert, locales["en"], {"Orgelkonzert": "Organ concert", "orgelkonzert": "organ-concert"}
    )
    tour = tree.event(
        title="Stadtführung",
        slug="stadtfuehrung",
        start_date=today + timedelta(days=3),
        start_time=time(14),
        end_time=time(15, 30),
        recurrence_rule=f"FREQ=WEEKLY;UNTIL={today + timedelta(days=30):%Y%m%d}",
        location_name="Marktplatz",
        live=False,
    )
    tour.excluded_dates = [EventExcludedDate(date=today + timedelta(days=10))]
    tour.save_revision().publish()
    market = tree.event(
        title="Weihnachtsmarkt",
        slug="weihnachtsmarkt",
        start_date=today - timedelta(days=20),
        start_time=None,
        end_time=None,
        all_day=True,
        live=False,
    )
    market.categories = [markets]
    market.save_revision().publish()
    reading = tree.event(title="Lesung", slug="lesung", start_date=today + timedelta(days=5), live=False)
    talk = tree.event(
        title="Vortrag",
        slug="vortrag",
        start_date=today + timedelta(days=7),
        start_time=time(18),
        end_time=time(19),
        status=EventStatus.CANCELLED,
        status_note="Der Referent ist erkrankt.",
    )
    return {
        "tree": tree,
        "concert": concert,
        "tour": tour,
        "market": market,
        "reading": reading,
        "talk": talk,
        "concerts": concerts,
        "today": today,
    }


_events = built_once(build_events)


@pytest.fixture
def world(_events, db) -> dict:
    return fresh(_events)


@pytest.fixture
def tree(world):
    return world["tree"]


def titles(response) -> list[str]:
    """The events' titles in the list's order (their rows carry the edit links)."""
    html = response.content.decode()
    body = html[html.index("<tbody") :]
    found = []
    for event in Event.objects.all():
        link = f'href="/admin/pages/{event.pk}/edit/"'
        if link in body:
            found.append((body.index(link), event.title))
    return [title for _position, title in sorted(found)]


def row_of(response, event) -> str:
    html = response.content.decode()
    start = html.index(f'href="/admin/pages/{event.pk}/edit/"')
    return html[start : html.index("</tr>", start)]


# --- the list -------------------------------------------------------------------------------------


def test_the_menu_and_the_list_show_next_date_place_status_and_language(admin_client, world):
    response = admin_client.get("/admin/")
    assert '"/admin/events/"' in response.content.decode()  # the sidebar's menu (JSON)
    response = admin_client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    for header in ("Titel", "Nächster Termin", "Ort", "Status", "Sprache", "Veröffentlichung"):
        assert f">{header}<" in html or f"{header}\n" in html, header
    # Sorted by the next date; the market is over (its last date), the reading has none stored.
    assert titles(response) == ["Orgelkonzert", "Stadtführung", "Vortrag", "Weihnachtsmarkt", "Lesung"]
    concert = row_of(response, world["concert"])
    tomorrow = world["today"] + timedelta(days=1)
    assert f"{tomorrow:%d.%m.%Y}, 19:30" in concert and "Museum Haldensleben" in concert
    assert "Planmäßig" in concert and "Deutsch" in concert
    assert "Marktplatz" in row_of(response, world["tour"]) and "wiederholt" in row_of(response, world["tour"])
    talk = row_of(response, world["talk"])
    assert "roland-event-status--cancelled" in talk and "Abgesagt" in talk
    assert "zuletzt" in row_of(response, world["market"])
    assert "nicht veröffentlicht" in row_of(response, world["reading"])


def test_the_next_date_is_berlin_time_from_the_occurrence_table(admin_client, world):
    # The weekly tour's next date is its first occurrence to come, not its start field.
    first = EventOccurrence.objects.filter(event=world["tour"]).order_by("start").first()
    EventOccurrence.objects.filter(pk=first.pk).delete()
    second = EventOccurrence.objects.filter(event=world["tour"]).order_by("start").first()
    row = row_of(admin_client.get(LIST), world["tour"])
    assert f"{second.start.astimezone(LOCAL_TZ):%d.%m.%Y}, 14:00" in row


def test_filters_upcoming_past_cancelled_category_and_language(admin_client, world):
    assert titles(admin_client.get(LIST, {"when": "upcoming"})) == [
        "Orgelkonzert",
        "Stadtführung",
        "Vortrag",
        "Lesung",
    ]
    assert titles(admin_client.get(LIST, {"when": "past"})) == ["Weihnachtsmarkt"]
    assert titles(admin_client.get(LIST, {"status": "cancelled"})) == ["Vortrag"]
    assert titles(admin_client.get(LIST, {"categories": world["concerts"].pk})) == ["Orgelkonzert"]
    assert titles(admin_client.get(LIST, {"locale": "en"})) == ["Organ concert"]
    everything = titles(admin_client.get(LIST, {"locale": ""}))
    assert sorted(everything) == sorted(
        ["Orgelkonzert", "Organ concert", "Stadtführung", "Vortrag", "Weihnachtsmarkt", "Lesung"]
    )


def test_the_default_language_is_the_editors_own(admin_client, world, django_user_model):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "en"
    profile.save()
    response = admin_client.get(LIST)
    assert titles(response) == ["Organ concert"]


def test_ordering_by_next_date_both_ways_and_by_title(admin_client, world):
    backwards = titles(admin_client.get(LIST, {"ordering": "-date_key"}))
    assert backwards == ["Vortrag", "Stadtführung", "Orgelkonzert", "Weihnachtsmarkt", "Lesung"]
    assert titles(admin_client.get(LIST, {"ordering": "title"})) == sorted(backwards)


def test_the_list_runs_the_same_number_of_queries_for_5_and_50_events(admin_client, world, tree):
    def queries() -> int:
        admin_client.get(LIST)  # warm per-process lookups (content types, site facts)
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get(LIST)
        assert response.status_code == 200
        return len(captured)

    few = queries()
    for number in range(45):
        tree.event(
            title=f"Termin {number}",
            start_date=world["today"] + timedelta(days=number % 20),
            venue=world["concert"].venue if number % 2 else None,
            live=number % 3 != 0,
        )
    assert Event.objects.filter(locale__language_code="de").count() == 50
    assert len(titles(admin_client.get(LIST))) == 50
    assert queries() == few


# --- Absagen --------------------------------------------------------------------------------------


def cancel_url(event) -> str:
    return reverse("events:cancel", args=[event.pk])


def test_the_actions_are_offered_on_the_row_and_the_edit_page(admin_client, world):
    row = row_of(admin_client.get(LIST), world["concert"])
    assert cancel_url(world["concert"]) in row
    assert reverse("events:duplicate", args=[world["concert"].pk]) in row
    assert cancel_url(world["talk"]) not in row_of(admin_client.get(LIST), world["talk"])  # already
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[world["concert"].pk])).content.decode()
    assert cancel_url(world["concert"]) in edit and "Veranstaltung absagen" in edit


def test_cancel_asks_for_a_note_in_german(admin_client, world):
    revisions = world["concert"].revisions.count()
    response = admin_client.get(cancel_url(world["concert"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Veranstaltung absagen" in html and "Hinweis für die Öffentlichkeit" in html
    assert "Englisch" in html or "English" in html  # its live translation is named
    response = admin_client.post(cancel_url(world["concert"]), {"note": "  "})
    assert response.status_code == 200
    assert "Bitte geben Sie an, warum die Veranstaltung abgesagt wird." in response.content.decode()
    concert = Event.objects.get(pk=world["concert"].pk)
    assert concert.status == EventStatus.SCHEDULED and concert.revisions.count() == revisions


def test_cancel_publishes_in_every_language_and_the_api_says_so(
    admin_client, client, world, django_capture_on_commit_callbacks
):
    concert = world["concert"]
    english = concert.get_translation(Locale.objects.get(language_code="en"))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(cancel_url(concert), {"note": "Die Orgel wird repariert.", "next": LIST})
    assert response.status_code == 302 and response["Location"] == LIST
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("abgesagt" in text and "Orgelkonzert" in text for text in texts), texts
    concert = Event.objects.get(pk=concert.pk)
    assert concert.live and not concert.has_unpublished_changes
    assert (concert.status, concert.status_note) == (EventStatus.CANCELLED, "Die Orgel wird repariert.")
    assert concert.live_revision.as_object().status == EventStatus.CANCELLED  # a published revision
    english = Event.objects.get(pk=english.pk)
    assert english.live and english.status == EventStatus.CANCELLED
    assert PageLogEntry.objects.filter(page=concert, action="roland.event_cancelled").exists()

    item = client.get(f"/api/v1/events/{concert.pk}").json()
    assert (item["status"], item["status_note"]) == ("cancelled", "Die Orgel wird repariert.")
    english_item = client.get(f"/api/v1/events/{english.pk}", {"locale": "en"}).json()
    assert english_item["status"] == "cancelled"
    ics = client.get("/api/v1/events.ics").content.decode()
    assert "STATUS:CANCELLED" in ics.split("Orgelkonzert")[0].rsplit("BEGIN:VEVENT", 1)[1] or (
        "STATUS:CANCELLED" in ics.split("Orgelkonzert")[1].split("END:VEVENT")[0]
    )
    row = row_of(admin_client.get(LIST), concert)
    assert "roland-event-status--cancelled" in row


def test_cancel_with_a_note_in_english_reaches_english_readers_and_the_translator(
    admin_client, client, world, django_capture_on_commit_callbacks
):
    concert = world["concert"]
    english = concert.get_translation(Locale.objects.get(language_code="en"))
    form = admin_client.get(cancel_url(concert)).content.decode()
    assert 'name="note_en"' in form and "Hinweis auf English" in form
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            cancel_url(concert),
            {"note": "Die Orgel wird repariert.", "note_en": "The organ is being repaired."},
        )
    english_item = client.get(f"/api/v1/events/{english.pk}", {"locale": "en"}).json()
    assert (english_item["status"], english_item["status_note"]) == (
        "cancelled",
        "The organ is being repaired.",
    )
    assert english_item["is_fallback"] is False
    assert client.get(f"/api/v1/events/{concert.pk}").json()["status_note"] == "Die Orgel wird repariert."
    # Where wagtail-localize keeps it: the translator's editor shows the note translated, and the
    # English page is not listed as outdated for it.
    assert StringTranslation.objects.filter(
        translation_of__data="Die Orgel wird repariert.", locale__language_code="en"
    ).values_list("data", flat=True)[0] == ("The organ is being repaired.")
    assert not outdated_translations().filter(source__object_id=concert.translation_key).exists()


def test_an_english_note_does_not_hide_an_outdated_translation(
    admin_client, world, django_capture_on_commit_callbacks
):
    concert = Event.objects.get(pk=world["concert"].pk)
    concert.teaser = "Mit neuem Programm."  # the English teaser is now behind its source
    with django_capture_on_commit_callbacks(execute=True):
        concert.save_revision().publish()
        admin_client.post(
            cancel_url(concert), {"note": "Die Orgel wird repariert.", "note_en": "Organ repairs."}
        )
    assert outdated_translations().filter(source__object_id=concert.translation_key).exists()


def test_cancel_without_a_note_in_english_cancels_it_there_without_one(
    admin_client, client, world, django_capture_on_commit_callbacks
):
    english = world["concert"].get_translation(Locale.objects.get(language_code="en"))
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(cancel_url(world["concert"]), {"note": "Die Orgel wird repariert.", "note_en": " "})
    english_item = client.get(f"/api/v1/events/{english.pk}", {"locale": "en"}).json()
    assert (english_item["status"], english_item["status_note"]) == ("cancelled", "")


def test_cancel_keeps_a_pending_draft_cancelled_too(admin_client, world):
    concert = world["concert"]
    draft = concert.get_latest_revision_as_object()
    draft.teaser = "Mit neuem Programm."
    draft.save_revision()
    admin_client.post(cancel_url(concert), {"note": "Abgesagt wegen Frost."})
    concert = Event.objects.get(pk=concert.pk)
    assert concert.status == EventStatus.CANCELLED and concert.teaser != "Mit neuem Programm."
    pending = concert.get_latest_revision_as_object()
    assert (pending.status, pending.teaser) == (EventStatus.CANCELLED, "Mit neuem Programm.")


def test_cancel_of_a_draft_stays_a_draft(admin_client, world):
    response = admin_client.post(cancel_url(world["reading"]), {"note": "Fällt aus."})
    assert response.status_code == 302
    reading = Event.objects.get(pk=world["reading"].pk)
    assert not reading.live
    assert reading.get_latest_revision_as_object().status == EventStatus.CANCELLED


def test_without_publish_rights_no_cancel(client, world, django_user_model):
    """An editor who may edit events but not publish them cannot cancel (GET or POST), nor see it."""
    editors = Group.objects.create(name="Nur bearbeiten")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=editors, page=world["tree"].events, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("schreiber", "s@example.org", "pw")
    user.groups.add(editors)
    client.force_login(user)
    concert = world["concert"]
    # Wagtail answers a refused admin view with a redirect to the dashboard and its message.
    assert client.get(cancel_url(concert))["Location"] == "/admin/"
    assert client.post(cancel_url(concert), {"note": "Nein."})["Location"] == "/admin/"
    assert Event.objects.get(pk=concert.pk).status == EventStatus.SCHEDULED
    response = client.get(LIST)
    assert response.status_code == 200
    assert cancel_url(concert) not in row_of(response, concert)


# --- Mit neuem Datum duplizieren ------------------------------------------------------------------


def test_duplicate_with_a_new_date_makes_a_draft_and_opens_it(admin_client, client, world):
    tour = world["tour"]
    url = reverse("events:duplicate", args=[tour.pk])
    page = admin_client.get(url)
    assert page.status_code == 200 and "Neues Startdatum" in page.content.decode()
    missing = admin_client.post(url, {"start_date": ""})
    assert "Bitte geben Sie das Datum der neuen Veranstaltung an." in missing.content.decode()
    new_start = tour.start_date + timedelta(days=364)
    response = admin_client.post(url, {"start_date": new_start.isoformat()})
    copy = Event.objects.exclude(pk=tour.pk).get(title="Stadtführung", locale=tour.locale)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert not copy.live and copy.slug == f"stadtfuehrung-{new_start:%Y-%m-%d}"
    assert copy.get_parent().pk == tour.get_parent().pk and copy.translation_key != tour.translation_key
    assert (copy.start_date, copy.start_time, copy.end_time) == (new_start, time(14), time(15, 30))
    until = world["today"] + timedelta(days=30 + 364)
    # Stored as Event.clean stores every rule: the end of that Berlin day as a UTC instant.
    end_of_day = datetime.combine(until, time(23, 59, 59), tzinfo=LOCAL_TZ).astimezone(UTC)
    assert copy.recurrence_rule == f"FREQ=WEEKLY;UNTIL={end_of_day:%Y%m%dT%H%M%SZ}"
    assert [row.date for row in copy.excluded_dates.all()] == [world["today"] + timedelta(days=374)]
    assert copy.status == EventStatus.SCHEDULED and copy.get_latest_revision() is not None
    assert not copy.occurrences.exists()
    assert client.get(f"/api/v1/events/{copy.pk}").status_code == 404  # a draft is not public
    # A second copy to the same day gets a slug of its own.
    admin_client.post(url, {"start_date": new_start.isoformat()})
    slugs = set(Event.objects.filter(title="Stadtführung").values_list("slug", flat=True))
    assert len(slugs) == 3


def test_duplicate_moves_the_end_by_the_same_days_and_keeps_the_duration(admin_client, world):
    market = world["market"]
    Event.objects.filter(pk=market.pk).update(end_date=market.start_date + timedelta(days=2))
    admin_client.post(reverse("events:duplicate", args=[market.pk]), {"start_date": "2027-11-27"})
    copy = Event.objects.get(slug="weihnachtsmarkt-2027-11-27")
    assert (copy.start_date, copy.end_date, copy.all_day) == (date(2027, 11, 27), date(2027, 11, 29), True)


def test_duplicate_of_a_cancelled_event_is_scheduled_again(admin_client, world):
    talk = world["talk"]
    admin_client.post(reverse("events:duplicate", args=[talk.pk]), {"start_date": "2027-03-01"})
    copy = Event.objects.get(slug="vortrag-2027-03-01")
    assert (copy.status, copy.status_note) == (EventStatus.SCHEDULED, "")


def test_duplicate_needs_the_right_to_add_events(client, world, django_user_model):
    user = django_user_model.objects.create_user("gast", "g@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    url = reverse("events:duplicate", args=[world["tour"].pk])
    assert client.post(url, {"start_date": "2027-01-01"})["Location"] == "/admin/"
    assert Event.objects.filter(title="Stadtführung").count() == 1


# --- small labels ---------------------------------------------------------------------------------


def test_categories_are_listed_with_their_language(admin_client, world):
    html = admin_client.get(reverse("wagtailsnippets_tourism_category:list")).content.decode()
    assert ">Sprache<" in html or "Sprache\n" in html
    assert "Deutsch" in html


def test_opening_hours_rows_read_as_days_and_times():
    rule = OpeningHoursRule(
        monday=True, tuesday=True, wednesday=True, thursday=True, friday=True, opens=time(10), closes=time(18)
    )
    assert str(rule) == "Mo–Fr 10:00–18:00"
    rule.saturday, rule.friday = True, False
    rule.valid_from, rule.valid_to = date(2026, 4, 1), date(2026, 10, 31)
    assert str(rule) == "Mo–Do, Sa 10:00–18:00 (01.04.–31.10.)"
    closed = OpeningHoursException(date_from=date(2026, 12, 24), closed=True, reason="christmas_eve")
    assert str(closed) == "24.12.2026: geschlossen (Heiligabend)"


def test_the_edit_form_heads_saved_opening_hours_rows_with_what_they_say(admin_client, world):
    museum = world["concert"].venue.specific
    museum.opening_hours = [
        OpeningHoursRule(
            monday=True,
            tuesday=True,
            wednesday=True,
            thursday=True,
            friday=True,
            opens=time(10),
            closes=time(18),
        )
    ]
    museum.save_revision()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[museum.pk])).content.decode()
    assert "Wöchentliche Öffnungszeiten<span data-inline-panel-child-count></span>: Mo–Fr 10:00–18:00" in html


def test_a_series_moved_across_the_clock_change_still_ends_at_the_end_of_a_berlin_day():
    # 10 January 23:59:59 in Berlin (CET), moved 180 days: 9 July 23:59:59 in Berlin (CEST).
    assert shifted_rule("FREQ=WEEKLY;UNTIL=20270110T225959Z", 180) == "FREQ=WEEKLY;UNTIL=20270709T215959Z"
    assert shifted_rule("FREQ=WEEKLY;UNTIL=20270110", 180) == "FREQ=WEEKLY;UNTIL=20270709"
