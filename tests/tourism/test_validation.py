"""Editors get a clear message for impossible dates, rules and coordinates — in the admin itself."""

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.worlds import tree_per_module
from tourism.models import Event, EventOccurrence, PointOfInterest

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


def event_form(**overrides):
    data = {
        "title": "Stadtführung",
        "slug": "stadtfuehrung",
        "teaser": "Ein Rundgang.",
        "body": streamfield([]),
        "start_date": "2027-05-01",
        "start_time": "14:00",
        "end_date": "",
        "end_time": "15:30",
        "all_day": False,
        "recurrence_rule": "",
        "excluded_dates": inline_formset([]),
        "extra_dates": inline_formset([]),
        "status": "scheduled",
        "status_note": "",
        "audience": "everyone",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    if not data["all_day"]:
        data.pop("all_day")
    return nested_form_data(data)


def add_event(client, tree, publish=False, **overrides):
    url = reverse("wagtailadmin_pages:add", args=("tourism", "event", tree.events.pk))
    data = event_form(**overrides)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(url, data)


def test_invalid_rrule_is_rejected_in_the_admin_with_a_clear_message(admin_client, tree):
    response = add_event(admin_client, tree, recurrence_rule="FREQ=WEEKLY;BYDAY=XY")
    assert response.status_code == 200  # the form is shown again
    # The admin speaks German by default; the message says what is wrong with the rule.
    assert "Unbekannter Wochentag XY in BYDAY" in response.content.decode()
    assert not Event.objects.exists()


def test_valid_event_is_created_from_the_admin(admin_client, tree):
    response = add_event(admin_client, tree, recurrence_rule="FREQ=WEEKLY;BYDAY=SA;COUNT=4", publish=True)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get()
    assert event.live
    assert EventOccurrence.objects.filter(event=event).count() == 4


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_date": "2027-04-30"}, "end_date", "endet, bevor sie beginnt"),
        ({"end_time": "13:00"}, "end_time", "Für ein Ende nach Mitternacht"),
        ({"all_day": True}, "all_day", "keine Start- oder Endzeit"),
        ({"start_time": "", "end_time": ""}, "start_time", "Geben Sie eine Startzeit ein"),
        ({"status": "postponed"}, "status_note", "was sich geändert hat"),
        (
            {"recurrence_rule": "FREQ=WEEKLY;UNTIL=20200101"},
            "recurrence_rule",
            "vor dem Beginn der Veranstaltung am 01.05.2027",
        ),
    ],
)
def test_impossible_event_dates_are_rejected(admin_client, tree, overrides, field, message):
    response = add_event(admin_client, tree, **overrides)
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors.get(field, [])), form.errors
    assert not Event.objects.exists()


def test_the_builder_is_on_the_form_and_the_rule_is_stored_with_until_in_utc(admin_client, tree):
    url = reverse("wagtailadmin_pages:add", args=("tourism", "event", tree.events.pk))
    page = admin_client.get(url).content.decode()
    assert "data-recurrence-builder" in page and "tourism/recurrence.js" in page
    assert "Wiederholung" in page and "wöchentlich" in page and "Regel als Text" in page
    response = add_event(admin_client, tree, recurrence_rule="FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630")
    assert response.status_code == 302, response.context["form"].errors
    # RFC 5545 section 3.3.10: DTSTART is a date-time, so UNTIL is one, in UTC (23:59:59 CEST).
    assert Event.objects.get().recurrence_rule == "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630T215959Z"


def test_an_all_day_event_keeps_until_a_date(admin_client, tree):
    response = add_event(
        admin_client,
        tree,
        all_day=True,
        start_time="",
        end_time="",
        recurrence_rule="FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231T225959Z",
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Event.objects.get().recurrence_rule == "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231"


def test_more_than_400_dates_saves_with_a_warning(admin_client, tree):
    response = add_event(admin_client, tree, recurrence_rule="FREQ=DAILY;COUNT=500")
    assert response.status_code == 302
    assert Event.objects.get().recurrence_rule == "FREQ=DAILY;COUNT=500"
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("mehr als 400 Termine" in message for message in shown), shown


@pytest.mark.parametrize("typed", ["2027-05-01", "01.05.2027", "1.5.2027"])
def test_dates_are_read_in_iso_and_german(admin_client, tree, typed):
    response = add_event(
        admin_client,
        tree,
        start_date=typed,
        end_date=typed,
        excluded_dates=inline_formset([]),
        extra_dates=inline_formset([{"date": typed, "time": ""}]),
    )
    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get()
    assert (event.start_date, event.end_date) == (date(2027, 5, 1), date(2027, 5, 1))
    assert [row.date for row in event.extra_dates.all()] == [date(2027, 5, 1)]


@pytest.mark.parametrize("typed", ["2027-13-01", "31.02.2027", "morgen", "05/01/2027"])
def test_an_unreadable_date_is_a_german_field_error_not_today(admin_client, tree, typed):
    response = add_event(admin_client, tree, start_date=typed)
    assert response.status_code == 200
    assert response.context["form"].errors["start_date"] == ["Bitte ein gültiges Datum eingeben."]
    assert not Event.objects.exists()


@pytest.mark.parametrize("typed", ["24.12.2027 10:30", "2027-12-24 10:30"])
def test_go_live_is_read_in_iso_and_german(admin_client, tree, typed):
    response = add_event(admin_client, tree, go_live_at=typed)
    assert response.status_code == 302, response.context["form"].errors
    go_live = Event.objects.get().go_live_at
    assert go_live.astimezone(BERLIN).replace(tzinfo=None) == datetime(2027, 12, 24, 10, 30)


def test_an_unreadable_go_live_is_a_german_field_error(admin_client, tree):
    response = add_event(admin_client, tree, go_live_at="Heiligabend")
    assert response.status_code == 200
    assert "Bitte ein gültiges Datum" in " ".join(response.context["form"].errors["go_live_at"])


def test_the_date_pickers_keep_typed_text():
    """The admin loads the script that stops Wagtail's pickers replacing unread text by today."""
    script = finders.find("roland_core/typed-dates.js")
    assert script and "validateOnBlur = false" in Path(script).read_text(encoding="utf-8")


def test_event_model_clean_names_the_field():
    event = Event(title="x", start_date=date(2027, 1, 2), start_time=time(10), end_date=date(2027, 1, 1))
    with pytest.raises(ValidationError) as excinfo:
        event.clean()
    assert "end_date" in excinfo.value.message_dict


@pytest.mark.parametrize(
    ("lat", "lng", "field"),
    [
        ("91", "11.4", "latitude"),
        ("-90.5", "11.4", "latitude"),
        ("52.2", "180.01", "longitude"),
        ("52.2", "", "longitude"),
    ],
)
def test_coordinates_out_of_range_or_half_given_are_errors(tree, lat, lng, field):
    poi = PointOfInterest(title="Ort", slug="ort", teaser="x", latitude=lat or None, longitude=lng or None)
    with pytest.raises(ValidationError) as excinfo:
        poi.full_clean(exclude=["path", "depth", "locale", "translation_key", "content_type", "draft_title"])
    assert field in excinfo.value.message_dict


def test_teaser_longer_than_300_characters_is_an_error(tree):
    poi = PointOfInterest(title="Ort", slug="ort", teaser="x" * 301)
    with pytest.raises(ValidationError) as excinfo:
        poi.full_clean(exclude=["path", "depth", "locale", "translation_key", "content_type", "draft_title"])
    assert "teaser" in excinfo.value.message_dict
