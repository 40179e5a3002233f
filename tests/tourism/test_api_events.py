"""/api/v1/events and events.ics: what the website calendar, kiosks and event portals rely on."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale

from cms.demo.translation import translate_with_strings
from tests.factories import CategoryFactory, ImageFactory, SiteTree
from tests.querycount import count_api_queries
from tests.worlds import built_once, fresh
from tourism.models import EventExcludedDate, Organizer

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.django_db


def build_calendar() -> dict:
    """A weekly tour (one date excluded) at the museum, an exhibition running now, a cancelled concert."""
    tree = SiteTree()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    today = timezone.localdate()
    concert = CategoryFactory(name="Konzerte", slug="concert", kind="event")
    translate_with_strings(tree.home, locales["en"], {})
    translate_with_strings(tree.events, locales["en"], {"termine": "events"})
    museum = tree.poi(title="Museum", slug="museum", latitude="52.290000", longitude="11.410000")
    tour = tree.event(
        title="Stadtführung",
        slug="stadtfuehrung",
        start_date=today + timedelta(days=1),
        start_time=time(14),
        end_time=time(15, 30),
        recurrence_rule="FREQ=WEEKLY;COUNT=4",
        venue=museum,
        image=ImageFactory(),
        organizer=Organizer.objects.create(name="Stadt Haldensleben", website="https://example.org/"),
        audience="tourists",
        live=False,
    )
    tour.excluded_dates = [EventExcludedDate(date=today + timedelta(days=8))]
    tour.categories = [concert]
    tour.save_revision().publish()
    translate_with_strings(
        tour, locales["en"], {"Stadtführung": "Guided tour", "stadtfuehrung": "guided-tour"}
    )
    running = tree.event(
        title="Ausstellung",
        slug="ausstellung",
        start_date=today - timedelta(days=3),
        start_time=None,
        end_time=None,
        end_date=today + timedelta(days=3),
        all_day=True,
        is_free=True,
    )
    cancelled = tree.event(
        title="Konzert",
        slug="konzert",
        start_date=today + timedelta(days=2),
        start_time=time(19),
        end_time=time(21),
        status="cancelled",
        status_note="Krankheit",
        latitude="52.273000",
        longitude="11.353000",
        locality="Hundisburg",
    )
    return {"tour": tour, "running": running, "cancelled": cancelled, "museum": museum, "tree": tree}


_calendar = built_once(build_calendar, scope="class")


def get(client, path, **params):
    return client.get(f"/api/v1/{path}", params)


class TestCalendar:
    """The calendar world, built once for the class."""

    @pytest.fixture
    def calendar(self, _calendar, db) -> dict:
        return fresh(_calendar)

    @pytest.fixture
    def tree(self, calendar):
        """The calendar's site tree (not a second one)."""
        return calendar["tree"]

    def test_list_contract_occurrences_in_time_order(self, client, calendar):
        data = get(client, "events").json()
        titles = [item["title"] for item in data["items"]]
        assert titles[0] == "Ausstellung"  # running now: included although it started days ago
        assert titles.count("Stadtführung") == 3  # weekly, 4 dates minus one excluded
        starts = [item["start"] for item in data["items"]]
        assert starts == sorted(starts)
        tour = next(item for item in data["items"] if item["title"] == "Stadtführung")
        assert set(tour) >= {
            "id", "type", "event_id", "start", "end", "all_day", "status", "status_note", "venue", "location",
            "categories", "audience", "free", "ticket_url", "image", "locale", "is_fallback", "url", "api_url",
        }  # fmt: skip
        assert tour["type"] == "event" and tour["event_id"] == calendar["tour"].pk
        assert tour["venue"]["title"] == "Museum" and tour["venue"]["location"]["lat"] == 52.29
        assert tour["categories"] == [{"slug": "concert", "name": "Konzerte"}]
        assert tour["start"].endswith(("+01:00", "+02:00")) and "T14:00:00" in tour["start"]
        cancelled = next(item for item in data["items"] if item["title"] == "Konzert")
        assert (cancelled["status"], cancelled["status_note"], cancelled["venue"]) == (
            "cancelled",
            "Krankheit",
            None,
        )
        assert cancelled["location"]["locality"] == "Hundisburg"

    def test_filters(self, client, calendar):
        def titles(**params):
            return sorted({item["title"] for item in get(client, "events", **params).json()["items"]})

        assert titles(status="cancelled") == ["Konzert"]
        assert titles(free="true") == ["Ausstellung"]
        assert titles(category="concert") == ["Stadtführung"]
        assert titles(audience="tourists") == ["Stadtführung"]
        assert titles(venue=str(calendar["museum"].pk)) == ["Stadtführung"]
        assert titles(near="52.273,11.353", radius="1") == ["Konzert"]
        tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
        assert titles(**{"from": tomorrow, "to": tomorrow}) == ["Ausstellung", "Stadtführung"]
        descending = [item["start"] for item in get(client, "events", ordering="-start").json()["items"]]
        assert descending == sorted(descending, reverse=True)

    def test_english_with_fallback(self, client, calendar):
        items = get(client, "events", locale="en").json()["items"]
        tour = next(
            item
            for item in items
            if item["event_id"] != calendar["tour"].pk and item["title"] == "Guided tour"
        )
        assert tour["is_fallback"] is False and tour["locale"] == "en"
        exhibition = next(item for item in items if item["title"] == "Ausstellung")
        assert exhibition["is_fallback"] is True

    @pytest.mark.parametrize(
        ("query", "param"),
        [
            ("from=2026-13-01", "from"),
            ("from=", "from"),
            ("to=2020-01-01&from=2026-01-01", "to"),
            ("from=2026-01-01&to=2027-06-01", "to"),
            ("status=maybe", "status"),
            ("audience=aliens", "audience"),
            ("venue=abc", "venue"),
            ("near=1", "near"),
            ("ordering=title", "ordering"),
            ("free=perhaps", "free"),
            ("from=2026-01-01&from=2026-02-01", "from"),
            ("category=" + "x" * 10_000, "category"),
            ("to=2026%0001-01", "to"),
            ("limit=1000", "limit"),
            ("unknown=1", "unknown"),
        ],
    )
    def test_bad_input_is_a_400_problem(self, client, calendar, query, param):
        response = client.get(f"/api/v1/events?{query}")
        assert response.status_code == 400, response.content[:300]
        assert response["Content-Type"] == "application/problem+json"
        assert param in [error["param"] for error in response.json()["errors"]]

    def test_detail_contract_with_recurrence_and_jsonld(self, client, calendar):
        tour = calendar["tour"]
        data = get(client, f"events/{tour.pk}").json()
        assert data["recurrence"]["rrule"] == "FREQ=WEEKLY;COUNT=4"
        assert data["recurrence"]["exdates"] == [(timezone.localdate() + timedelta(days=8)).isoformat()]
        assert len(data["next_occurrences"]) == 3
        assert data["organizer"]["name"] == "Stadt Haldensleben"
        assert [t["locale"] for t in data["translations"]] == ["en"]
        ld = data["jsonld"]
        assert ld["@type"] == "Event" and ld["eventStatus"] == "https://schema.org/EventScheduled"
        assert ld["location"]["@type"] == "Place" and ld["inLanguage"] == "de"
        cancelled = get(client, f"events/{calendar['cancelled'].pk}", format="jsonld")
        assert cancelled["Content-Type"] == "application/ld+json"
        assert cancelled.json()["eventStatus"] == "https://schema.org/EventCancelled"

    def test_ics_imports_and_expands_with_local_times(self, client, calendar):
        window = {"from": timezone.localdate().isoformat()}
        response = get(client, "events.ics", **window)
        assert response["Content-Type"].startswith("text/calendar")
        parsed = Calendar.from_ical(response.content)
        assert parsed.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"
        events = {str(e["SUMMARY"]): e for e in parsed.walk("VEVENT")}
        assert set(events) == {"Stadtführung", "Konzert", "Ausstellung"}
        assert events["Konzert"]["STATUS"] == "CANCELLED"
        assert str(events["Stadtführung"]["URL"]).endswith("/termine/stadtfuehrung/")
        again = {
            str(e["SUMMARY"]): str(e["UID"])
            for e in Calendar.from_ical(get(client, "events.ics", **window).content).walk("VEVENT")
        }
        assert again["Stadtführung"] == str(events["Stadtführung"]["UID"])  # stable UIDs
        tour = events["Stadtführung"]
        start = tour.decoded("DTSTART")
        skipped = exdates(tour)
        dates = [
            d for d in rrulestr(tour["RRULE"].to_ical().decode(), dtstart=start) if d.date() not in skipped
        ]
        assert len(dates) == 3 and all(d.hour == 14 for d in dates)
        exhibition = events["Ausstellung"]
        assert isinstance(exhibition.decoded("DTSTART"), date) and not isinstance(
            exhibition.decoded("DTSTART"), datetime
        )

    def test_hidden_events_never_appear(self, client, tree, calendar):
        draft = tree.event(
            title="Geheim", slug="geheim", start_date=timezone.localdate() + timedelta(days=1), live=False
        )
        assert get(client, f"events/{draft.pk}").status_code == 404
        assert "Geheim" not in get(client, "events.ics").content.decode()
        assert "Geheim" not in {item["title"] for item in get(client, "events").json()["items"]}

    def test_list_query_count_does_not_grow_with_the_page(self, client, calendar):
        def count(**params):
            return count_api_queries(client, "/api/v1/events", params)

        # Newest first, so the single item of limit=1 has every relation (image, venue, categories) too:
        # Django skips a prefetch query when no row has the relation.
        for extra in ({}, {"locale": "en"}, {"near": "52.2893,11.4085"}):
            one, hundred = (
                count(limit=1, ordering="-start", **extra),
                count(limit=100, ordering="-start", **extra),
            )
            assert one == hundred <= 10, (extra, one, hundred)

    def test_detail_query_count_is_bounded(self, client, calendar):
        assert count_api_queries(client, f"/api/v1/events/{calendar['tour'].pk}") <= 8


def exdates(component) -> set[date]:
    value = component.get("EXDATE")
    entries = value if isinstance(value, list) else [value] if value is not None else []
    return {
        item.dt if isinstance(item.dt, date) and not isinstance(item.dt, datetime) else item.dt.date()
        for entry in entries
        for item in entry.dts
    }


def test_ics_keeps_local_time_across_dst(client, tree):
    tree.event(
        title="Frühlingskonzert",
        slug="fruehling",
        start_date=date(2027, 3, 20),
        start_time=time(19),
        end_time=time(21),
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
    )
    parsed = Calendar.from_ical(
        get(client, "events.ics", **{"from": "2027-03-01", "to": "2027-04-30"}).content
    )
    (event,) = parsed.walk("VEVENT")
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) in {"Europe/Berlin", "CET"} or start.utcoffset() == timedelta(hours=1)
    dates = list(rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))
    assert [(d.day, d.hour) for d in dates] == [(20, 19), (27, 19), (3, 19)]
    assert dates[2].astimezone(BERLIN).utcoffset() == timedelta(hours=2)


def test_json_occurrences_keep_local_time_across_dst(client, tree):
    tree.event(
        title="Frühlingskonzert",
        slug="fruehling",
        start_date=date(2027, 3, 20),
        start_time=time(19),
        end_time=time(21),
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
    )
    items = get(client, "events", **{"from": "2027-03-01", "to": "2027-04-30"}).json()["items"]
    assert [item["start"] for item in items] == [
        "2027-03-20T19:00:00+01:00",
        "2027-03-27T19:00:00+01:00",
        "2027-04-03T19:00:00+02:00",
    ]
