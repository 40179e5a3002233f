"""Kiosk weekly schedules: several ranges a day, public holidays as their own day, content by time of day.

The clock is driven with explicit instants: across midnight, both daylight-saving changes (the spring
gap and the repeated autumn hour) and a public holiday of Saxony-Anhalt (Christmas Day 2026, a
Friday), with the same holiday rules as the places' opening hours.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory

from sites.kiosks import build_feed, is_on_at, next_switch, screen_state
from sites.models import KioskHours, KioskScreen
from tests.factories import SiteTree
from tests.worlds import built_once, fresh
from tourism.models import OpeningHoursRule

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.django_db
MONDAY = date(2026, 12, 7)
CHRISTMAS = date(2026, 12, 25)  # a Friday
SPRING = date(2027, 3, 28)  # Sunday: 02:00 → 03:00
AUTUMN = date(2027, 10, 31)  # Sunday: 03:00 → 02:00


def at(day: date, hour: int, minute: int = 0, fold: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN).replace(fold=fold)


def build() -> dict:
    tree = SiteTree()
    market = tree.poi(title="Marktplatz", slug="markt", latitude="52.289300", longitude="11.408500")
    cafe = tree.poi(
        title="Ratskeller", slug="ratskeller", latitude="52.289600", longitude="11.409000", live=False
    )
    cafe.opening_hours = [
        OpeningHoursRule(**dict.fromkeys(("monday", "friday"), True), opens=time(11), closes=time(22))
    ]
    cafe.save_revision().publish()
    tree.poi(
        title="Museum", slug="museum", latitude="52.290000", longitude="11.410000"
    )  # no hours: never open
    screen = KioskScreen.objects.create(
        name="Markt", slug="markt", venue=market, radius_km=3, languages=["de"]
    )
    KioskHours.objects.bulk_create(
        [
            KioskHours(screen=screen, day=0, opens=time(8), closes=time(12), content="events"),
            KioskHours(screen=screen, day=0, opens=time(17), closes=time(23), content="places"),
            KioskHours(screen=screen, day=4, opens=time(8), closes=time(18), content="all"),
            KioskHours(
                screen=screen, day=4, opens=time(20), closes=time(2), content="places"
            ),  # past midnight
            KioskHours(
                screen=screen, day=5, opens=time(22), closes=time(4), content="all"
            ),  # over the spring gap
            KioskHours(
                screen=screen, day=5, opens=time(23), closes=time(2, 30), content="places"
            ),  # autumn fold
            KioskHours(screen=screen, day=7, opens=time(10), closes=time(16), content="places"),  # holidays
        ]
    )
    return {"screen": screen, "cafe": cafe}


_world = built_once(build)


@pytest.fixture
def world(_world, db) -> dict:
    return fresh(_world)


@pytest.fixture
def screen(world) -> KioskScreen:
    return KioskScreen.objects.get(pk=world["screen"].pk)


def test_several_ranges_a_day_each_with_its_content(screen):
    assert screen_state(screen, at(MONDAY, 7, 59)) is None
    assert screen_state(screen, at(MONDAY, 8)) == "events"
    assert screen_state(screen, at(MONDAY, 12)) is None
    assert screen_state(screen, at(MONDAY, 18)) == "places"
    assert next_switch(screen, at(MONDAY, 9)) == at(MONDAY, 12)
    assert next_switch(screen, at(MONDAY, 13)) == at(MONDAY, 17)
    assert not is_on_at(screen, at(MONDAY + timedelta(days=1), 10))  # Tuesday has no range: off all day


def test_a_range_past_midnight_belongs_to_the_day_it_starts(screen):
    friday = date(2027, 1, 8)  # an ordinary Friday
    saturday = friday + timedelta(days=1)
    assert screen_state(screen, at(friday, 23, 30)) == "places"
    assert screen_state(screen, at(saturday, 1, 59)) == "places"
    assert screen_state(screen, at(saturday, 2)) is None
    assert next_switch(screen, at(friday, 21)) == at(saturday, 2)
    # Sunday 01:00 belongs to Saturday's 22:00–04:00, not to Sunday (which has no range).
    assert screen_state(screen, at(saturday + timedelta(days=1), 1)) == "all"


def test_spring_gap_and_repeated_autumn_hour(screen):
    # Saturday 22:00 to Sunday 04:00 over the spring change lasts five real hours, not six.
    saturday = SPRING - timedelta(days=1)
    assert screen_state(screen, at(SPRING, 3, 30)) == "all"
    assert next_switch(screen, at(SPRING, 3, 30)) == at(SPRING, 4)
    assert (at(SPRING, 4).astimezone(UTC) - at(saturday, 22).astimezone(UTC)) == timedelta(hours=5)
    # In the autumn the same range lasts seven real hours; 02:30 happens twice and is on both times.
    assert screen_state(screen, at(AUTUMN, 2, 30, fold=0)) == "all"
    assert screen_state(screen, at(AUTUMN, 2, 30, fold=1)) == "all"
    assert next_switch(screen, at(AUTUMN, 2, 30, fold=1)) == at(AUTUMN, 4)
    autumn_saturday = AUTUMN - timedelta(days=1)
    assert (at(AUTUMN, 4).astimezone(UTC) - at(autumn_saturday, 22).astimezone(UTC)) == timedelta(hours=7)


def test_public_holidays_are_their_own_day_type(screen):
    # Christmas Day is a Friday: the holiday range (10–16, places) applies, not Friday's 08–18.
    assert screen_state(screen, at(CHRISTMAS, 9)) is None
    assert screen_state(screen, at(CHRISTMAS, 11)) == "places"
    assert screen_state(screen, at(CHRISTMAS, 17)) is None
    ordinary_friday = CHRISTMAS - timedelta(days=7)
    assert screen_state(screen, at(ordinary_friday, 9)) == "all"
    # Without holiday ranges a holiday is an ordinary weekday.
    screen.hours.filter(day=7).delete()
    screen = KioskScreen.objects.get(pk=screen.pk)
    assert screen_state(screen, at(CHRISTMAS, 9)) == "all"


def test_feed_carries_the_schedule_the_content_and_places_open_now_with_their_closing_time(screen, world):
    request = RequestFactory().get("/api/v1/kiosks/markt/feed")
    evening = build_feed(screen, request, at(MONDAY, 18))
    assert evening["active"] is True and evening["content"] == "places"
    hours = evening["screen"]["active_hours"]
    assert {"day": 4, "opens": "20:00", "closes": "02:00", "content": "places"} in hours["ranges"]
    assert evening["valid_until"] <= at(MONDAY, 23)  # the screen goes off then
    by_title = {item["texts"]["de"]["title"]: item for item in evening["highlights"]}
    assert by_title["Ratskeller"]["open_until"] == at(MONDAY, 22)
    assert by_title["Museum"]["open_until"] is None
    morning = build_feed(screen, request, at(MONDAY, 9))
    assert morning["content"] == "events"
    before_christmas = build_feed(screen, request, at(CHRISTMAS - timedelta(days=2), 9))
    assert date(2026, 12, 25) in before_christmas["screen"]["active_hours"]["holidays"]
    assert date(2026, 12, 26) in before_christmas["screen"]["active_hours"]["holidays"]


def test_the_schedule_is_edited_on_the_screen_in_german(admin_client, screen):
    page = admin_client.get(f"/admin/kiosks/edit/{screen.pk}/").content.decode()
    assert "Wochenplan" in page and "Feiertag" in page and "Jetzt geöffnete Orte in der Nähe" in page


def test_a_screen_saved_in_the_admin_keeps_its_categories_and_schedule(admin_client, world):
    from tests.factories import CategoryFactory

    concerts = CategoryFactory(name="Konzerte", slug="konzerte", kind="event")
    form = {
        "name": "Bahnhof",
        "slug": "bahnhof",
        "latitude": "52.292000",
        "longitude": "11.418000",
        "radius_km": "5",
        "categories": [concerts.pk],
        "languages": ["de"],
        "orientation": "portrait",
        "refresh_seconds": "60",
        "active_days": ["0", "1", "2", "3", "4", "5", "6"],
        "show_ticker": "on",
        "is_active": "on",
        "hours-TOTAL_FORMS": "2",
        "hours-INITIAL_FORMS": "0",
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "1000",
        "hours-0-day": "0",
        "hours-0-opens": "08:00",
        "hours-0-closes": "12:00",
        "hours-0-content": "events",
        "hours-1-day": "7",
        "hours-1-opens": "10:00",
        "hours-1-closes": "10:00",
        "hours-1-content": "all",
    }
    response = admin_client.post("/admin/kiosks/new/", form)
    assert response.status_code == 200  # a range that ends when it starts
    assert "Das Ende muss sich vom Beginn unterscheiden." in response.content.decode()
    assert not KioskScreen.objects.filter(slug="bahnhof").exists()
    form["hours-1-closes"] = "16:00"
    response = admin_client.post("/admin/kiosks/new/", form)
    assert response.status_code == 302
    screen = KioskScreen.objects.get(slug="bahnhof")
    assert list(screen.categories.all()) == [concerts]
    assert sorted((row.day, row.content) for row in screen.hours.all()) == [(0, "events"), (7, "all")]
