"""Recurring event dates: RRULE, EXDATE, RDATE, wall-clock times across DST, validation messages."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tourism.services.recurrence import EventDates, RecurrenceError, expand, validate_rule

BERLIN = ZoneInfo("Europe/Berlin")
WINDOW = (datetime(2026, 1, 1, tzinfo=BERLIN), datetime(2028, 1, 1, tzinfo=BERLIN))


def weekly(**kwargs) -> EventDates:
    values = {
        "start_date": date(2026, 3, 14),
        "start_time": time(19),
        "end_date": date(2026, 3, 14),
        "end_time": time(21),
        "all_day": False,
        "rule": "FREQ=WEEKLY;COUNT=4",
    }
    values.update(kwargs)
    return EventDates(**values)


def test_weekly_event_keeps_its_wall_clock_time_across_the_dst_change():
    spans = expand(weekly(), *WINDOW)
    assert [s.start.date() for s in spans] == [date(2026, 3, d) for d in (14, 21, 28)] + [date(2026, 4, 4)]
    assert {(s.start.hour, s.end.hour) for s in spans} == {(19, 21)}
    assert spans[2].start.utcoffset() == timedelta(hours=1)
    assert spans[3].start.utcoffset() == timedelta(hours=2)


def test_exdate_removes_and_rdate_adds_occurrences():
    spans = expand(
        weekly(
            exdates=(date(2026, 3, 21),), rdates=((date(2026, 3, 25), None), (date(2026, 4, 1), time(10)))
        ),
        *WINDOW,
    )
    starts = [s.start for s in spans]
    assert datetime(2026, 3, 21, 19, tzinfo=BERLIN) not in starts
    assert datetime(2026, 3, 25, 19, tzinfo=BERLIN) in starts  # the usual start time
    assert datetime(2026, 4, 1, 10, tzinfo=BERLIN) in starts
    assert starts == sorted(starts)


def test_local_until_is_inclusive_and_utc_until_is_accepted():
    local = expand(weekly(rule="FREQ=WEEKLY;UNTIL=20260328"), *WINDOW)
    assert local[-1].start.date() == date(2026, 3, 28)
    utc = expand(weekly(rule="RRULE:FREQ=WEEKLY;UNTIL=20260321T180000Z"), *WINDOW)
    assert [s.start.day for s in utc] == [14, 21]


def test_window_keeps_an_occurrence_that_is_still_running():
    exhibition = EventDates(date(2026, 11, 1), None, date(2026, 11, 30), None, True)
    spans = expand(
        exhibition, datetime(2026, 11, 27, 12, tzinfo=BERLIN), datetime(2026, 12, 10, tzinfo=BERLIN)
    )
    assert len(spans) == 1
    assert spans[0].all_day
    assert spans[0].start == datetime(2026, 11, 1, tzinfo=BERLIN)
    assert spans[0].end == datetime(2026, 12, 1, tzinfo=BERLIN)  # exclusive end after the last day


def test_open_ended_rule_stops_at_the_window():
    market = weekly(rule="FREQ=WEEKLY;BYDAY=TU,FR", start_date=date(2026, 1, 2), end_date=date(2026, 1, 2))
    spans = expand(market, datetime(2026, 6, 1, tzinfo=BERLIN), datetime(2026, 7, 1, tzinfo=BERLIN))
    assert len(spans) == 9  # June 2026: 5 Tuesdays and 4 Fridays
    assert all(s.start.month == 6 for s in spans)


def test_event_past_midnight_ends_the_next_day():
    party = weekly(rule="", end_date=date(2026, 3, 15), end_time=time(2))
    (span,) = expand(party, *WINDOW)
    assert span.end == datetime(2026, 3, 15, 2, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("BYDAY=MO", "needs a frequency"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20270101", "either COUNT or UNTIL"),
        ("FREQ=HOURLY", "at most daily"),
        ("FREQ=FORTNIGHTLY", "Not a valid RFC 5545 rule"),
        ("FREQ=WEEKLY;BYDAY=XY", "Not a valid RFC 5545 rule"),
        ("FREQ=WEEKLY;UNTIL=20200101", "no dates after the event's start"),
        ("DTSTART:20260101T100000\nRRULE:FREQ=DAILY", "without DTSTART"),
        ("   ", "empty"),
    ],
)
def test_invalid_rules_are_refused_with_a_clear_message(rule, message):
    with translation.override("en"), pytest.raises(RecurrenceError, match=message):
        validate_rule(rule, datetime(2026, 3, 14, 19, tzinfo=BERLIN))


def test_messages_come_in_the_editor_language():
    with translation.override("de"), pytest.raises(RecurrenceError, match="entweder COUNT oder UNTIL"):
        validate_rule("FREQ=DAILY;COUNT=2;UNTIL=20270101", datetime(2026, 3, 14, 19, tzinfo=BERLIN))


def test_valid_rules_pass():
    for rule in ("FREQ=MONTHLY;BYDAY=1SA;COUNT=12", "freq=weekly;byday=tu,fr", "RRULE:FREQ=YEARLY"):
        validate_rule(rule, datetime(2026, 3, 14, 19, tzinfo=BERLIN))
