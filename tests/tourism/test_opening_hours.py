"""Opening hours as a visitor asks about them: open now? hours on a day? — including the hard days."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tourism.services.opening_hours import (
    DatedException,
    OpeningSchedule,
    Season,
    WeeklyRule,
    hours_on,
    is_open_at,
    public_holiday_name,
)

BERLIN = ZoneInfo("Europe/Berlin")
UTC = ZoneInfo("UTC")
EVERY_DAY = frozenset(range(7))
TUE_TO_SUN = frozenset(range(1, 7))


def at(y, m, d, hh, mm=0, fold=0):
    return datetime(y, m, d, hh, mm, fold=fold, tzinfo=BERLIN)


def museum(**kwargs):
    return OpeningSchedule(rules=(WeeklyRule(TUE_TO_SUN, time(10), time(17)),), **kwargs)


def test_weekly_rule_opens_and_closes_on_the_minute():
    schedule = museum()
    assert not is_open_at(schedule, at(2026, 12, 1, 9, 59))
    assert is_open_at(schedule, at(2026, 12, 1, 10, 0))
    assert is_open_at(schedule, at(2026, 12, 1, 16, 59))
    assert not is_open_at(schedule, at(2026, 12, 1, 17, 0))
    # Monday is the museum's day off.
    assert hours_on(schedule, date(2026, 11, 30)).ranges == ()
    assert not is_open_at(schedule, at(2026, 11, 30, 12))


def test_several_ranges_a_day_with_a_lunch_break():
    schedule = OpeningSchedule(
        rules=(WeeklyRule(EVERY_DAY, time(9), time(12)), WeeklyRule(EVERY_DAY, time(14), time(18)))
    )
    day = hours_on(schedule, date(2026, 12, 2))
    assert [(r.opens.hour, r.closes.hour) for r in day.ranges] == [(9, 12), (14, 18)]
    assert not is_open_at(schedule, at(2026, 12, 2, 13))
    assert is_open_at(schedule, at(2026, 12, 2, 15))


def test_range_past_midnight_belongs_to_the_evening_it_starts():
    cinema = OpeningSchedule(rules=(WeeklyRule(frozenset({4, 5}), time(19), time(1)),))  # Fri, Sat
    friday = hours_on(cinema, date(2026, 12, 4))
    assert friday.ranges[0].opens == at(2026, 12, 4, 19)
    assert friday.ranges[0].closes == at(2026, 12, 5, 1)
    # Early on Saturday the Friday range is still running; early on Sunday the Saturday one.
    assert is_open_at(cinema, at(2026, 12, 5, 0, 30))
    assert is_open_at(cinema, at(2026, 12, 6, 0, 30))
    assert not is_open_at(cinema, at(2026, 12, 7, 0, 30))  # Sunday night: nothing started
    assert not is_open_at(cinema, at(2026, 12, 5, 1, 0))


def test_open_at_accepts_any_timezone_and_refuses_naive_times():
    schedule = museum()
    assert is_open_at(schedule, datetime(2026, 12, 1, 9, 30, tzinfo=UTC))  # 10:30 in Berlin
    with pytest.raises(ValueError):
        is_open_at(schedule, datetime(2026, 12, 1, 12))


def test_spring_forward_night_is_an_hour_shorter():
    # 29 March 2026: clocks jump from 02:00 to 03:00.
    bar = OpeningSchedule(rules=(WeeklyRule(EVERY_DAY, time(22), time(4)),))
    night = hours_on(bar, date(2026, 3, 28)).ranges[0]
    assert night.duration == timedelta(hours=5)
    assert night.opens.utcoffset() == timedelta(hours=1)
    assert night.closes.utcoffset() == timedelta(hours=2)
    assert is_open_at(bar, datetime(2026, 3, 29, 0, 59, tzinfo=UTC))  # 01:59 CET
    assert is_open_at(bar, datetime(2026, 3, 29, 1, 0, tzinfo=UTC))  # 03:00 CEST
    assert not is_open_at(bar, datetime(2026, 3, 29, 2, 0, tzinfo=UTC))  # 04:00 CEST


def test_opening_inside_the_spring_gap_moves_to_the_first_real_minute():
    early = OpeningSchedule(rules=(WeeklyRule(EVERY_DAY, time(2, 30), time(6)),))
    opens = hours_on(early, date(2026, 3, 29)).ranges[0].opens
    assert opens == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST, the gap skipped
    assert opens.hour == 3


def test_fall_back_night_is_an_hour_longer_and_counts_both_0230s():
    # 25 October 2026: clocks go back from 03:00 to 02:00.
    bar = OpeningSchedule(rules=(WeeklyRule(EVERY_DAY, time(22), time(3)),))
    night = hours_on(bar, date(2026, 10, 24)).ranges[0]
    assert night.duration == timedelta(hours=6)
    assert is_open_at(bar, at(2026, 10, 25, 2, 30, fold=0))  # first 02:30 (CEST)
    assert is_open_at(bar, at(2026, 10, 25, 2, 30, fold=1))  # second 02:30 (CET)
    assert not is_open_at(bar, at(2026, 10, 25, 3, 0))


def test_day_hours_are_wall_clock_on_both_sides_of_a_dst_change():
    schedule = museum()
    before = hours_on(schedule, date(2026, 3, 28)).ranges[0]
    after = hours_on(schedule, date(2026, 3, 31)).ranges[0]
    assert (before.opens.hour, after.opens.hour) == (10, 10)
    assert before.opens.utcoffset() != after.opens.utcoffset()


def test_public_holidays_of_saxony_anhalt():
    assert public_holiday_name(date(2026, 1, 6))  # Epiphany: a holiday in Saxony-Anhalt …
    assert public_holiday_name(date(2026, 10, 31))  # … and Reformation Day
    assert public_holiday_name(date(2026, 11, 18)) is None  # Repentance Day is Saxony only
    assert public_holiday_name(date(2026, 12, 1)) is None


def test_closed_on_public_holidays_unless_an_exception_gives_hours():
    schedule = museum(closed_on_public_holidays=True)
    day = hours_on(schedule, date(2026, 12, 25))  # Friday, Christmas Day
    assert day.ranges == () and day.reason == "holiday" and day.label
    assert not is_open_at(schedule, at(2026, 12, 25, 12))
    assert hours_on(museum(), date(2026, 12, 25)).ranges  # a place that opens on holidays

    special = museum(
        closed_on_public_holidays=True,
        exceptions=(
            DatedException(date(2026, 12, 26), date(2026, 12, 26), False, time(13), time(16), "Stephanstag"),
        ),
    )
    assert [(r.opens.hour, r.closes.hour) for r in hours_on(special, date(2026, 12, 26)).ranges] == [(13, 16)]


def test_dated_exceptions_close_or_change_hours_and_cover_ranges():
    schedule = museum(
        exceptions=(
            DatedException(date(2026, 12, 24), date(2026, 12, 24), True, label="Heiligabend"),
            DatedException(date(2026, 12, 31), date(2026, 12, 31), False, time(10), time(13)),
            DatedException(date(2027, 1, 11), date(2027, 1, 22), True, label="Inventur"),
        )
    )
    christmas_eve = hours_on(schedule, date(2026, 12, 24))
    assert christmas_eve.ranges == () and christmas_eve.label == "Heiligabend"
    assert [r.closes.hour for r in hours_on(schedule, date(2026, 12, 31)).ranges] == [13]
    assert not is_open_at(schedule, at(2026, 12, 31, 14))
    assert all(not hours_on(schedule, date(2027, 1, d)).ranges for d in range(11, 23))
    assert hours_on(schedule, date(2027, 1, 23)).ranges  # back to normal on Saturday


def test_seasonal_rules_replace_year_round_rules_within_their_season():
    brickworks = OpeningSchedule(
        rules=(
            WeeklyRule(frozenset({5, 6}), time(10), time(17), Season(date(2000, 4, 1), date(2000, 10, 31))),
            WeeklyRule(frozenset({6}), time(13), time(16)),  # winter: Sundays only
        )
    )
    assert hours_on(brickworks, date(2026, 7, 4)).ranges[0].closes.hour == 17  # summer Saturday
    assert hours_on(brickworks, date(2026, 12, 5)).ranges == ()  # winter Saturday
    assert hours_on(brickworks, date(2026, 12, 6)).ranges[0].opens.hour == 13  # winter Sunday
    assert hours_on(brickworks, date(2027, 10, 31)).ranges  # the season repeats every year


def test_a_season_can_wrap_over_new_year_or_be_fixed_to_dates():
    winter = Season(date(2000, 11, 1), date(2000, 2, 28))
    assert winter.contains(date(2026, 12, 24)) and winter.contains(date(2027, 1, 15))
    assert not winter.contains(date(2026, 6, 1))
    once = Season(date(2026, 5, 1), date(2026, 9, 30), every_year=False)
    assert once.contains(date(2026, 6, 1)) and not once.contains(date(2027, 6, 1))
