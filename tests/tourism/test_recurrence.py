"""Recurring event dates: RRULE, EXDATE, RDATE, wall-clock times across DST, validation messages."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tourism.services.recurrence import (
    OCCURRENCE_WARNING,
    EventDates,
    RecurrenceError,
    clean_rule,
    expand,
    rule_warning,
    validate_rule,
)

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
        ("FREQ=FORTNIGHTLY", "Unknown frequency FORTNIGHTLY"),
        ("FREQ=WEEKLY;BYDAY=XY", "Unknown weekday XY"),
        ("FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2", "no dates after the event's start"),
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


START = datetime(2026, 3, 14, 19, tzinfo=BERLIN)

# One rule per kind of mistake an editor can make, with the German message they get.
GERMAN_MESSAGES = [
    ("   ", "Die Wiederholungsregel ist leer."),
    ("FREQ=WEEKLY;SA", "„SA“ ist kein Teil einer Regel"),
    ("FREQ=WEEKLY;;BYDAY", "„BYDAY“ ist kein Teil einer Regel"),
    ("BYDAY=MO", "braucht eine Häufigkeit"),
    ("FREQ=FORTNIGHTLY", "Unbekannte Häufigkeit FORTNIGHTLY"),
    ("FREQ=HOURLY", "höchstens täglich"),
    ("FREQ=DAILY;BYHOUR=10,18", "Uhrzeiten (BYHOUR)"),
    ("FREQ=WEEKLY;COLOR=RED", "Unbekannter Regelteil COLOR"),
    ("FREQ=WEEKLY;BYDAY=MO;BYDAY=TU", "BYDAY steht zweimal"),
    ("FREQ=WEEKLY;COUNT=3;UNTIL=20270101", "entweder COUNT oder UNTIL"),
    ("FREQ=WEEKLY;INTERVAL=0", "Intervall muss eine ganze Zahl ab 1"),
    ("FREQ=WEEKLY;INTERVAL=-2", "Intervall muss eine ganze Zahl ab 1"),
    ("FREQ=WEEKLY;COUNT=zwei", "Anzahl der Termine"),
    ("FREQ=WEEKLY;UNTIL=2027-12-31", "UNTIL=2027-12-31 ist kein Datum"),
    ("FREQ=WEEKLY;UNTIL=20271340", "UNTIL=20271340 ist kein Datum"),
    (
        "FREQ=WEEKLY;UNTIL=20200101",
        "endet (UNTIL) am 01.01.2020, vor dem Beginn der Veranstaltung am 14.03.2026",
    ),
    ("FREQ=WEEKLY;BYDAY=DI", "Unbekannter Wochentag DI"),
    ("FREQ=WEEKLY;BYDAY=", "kein Teil einer Regel"),
    ("FREQ=WEEKLY;BYDAY=,", "nennt keinen Wochentag"),
    ("FREQ=WEEKLY;BYDAY=1MO", "Position wie 1MO"),
    ("FREQ=MONTHLY;BYDAY=60MO", "BYDAY=60MO: nur ganze Zahlen"),
    ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0: nur ganze Zahlen von -31 bis 31"),
    ("FREQ=YEARLY;BYMONTH=13", "BYMONTH=13: nur ganze Zahlen von 1 bis 12"),
    ("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY lässt sich nicht mit FREQ=WEEKLY"),
    ("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS braucht einen weiteren"),
    ("FREQ=WEEKLY;WKST=XX", "WKST=XX ist kein Wochentag"),
    ("FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2", "keine Termine nach dem Beginn"),
    ("DTSTART:20260101T100000\nRRULE:FREQ=DAILY", "ohne DTSTART"),
]


@pytest.mark.parametrize(("rule", "message"), GERMAN_MESSAGES)
def test_every_kind_of_mistake_has_a_german_message(rule, message):
    with translation.override("de"), pytest.raises(RecurrenceError) as caught:
        clean_rule(rule, START)
    assert message in str(caught.value)
    for english in ("RRULE UNTIL", "must be", "invalid", "Not a valid", "unknown"):
        assert english not in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "all_day", "stored"),
    [
        # A date means the end of that day in Berlin: 23:59:59 CET is 22:59:59 UTC.
        ("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231", False, "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231T225959Z"),
        # Summer time: 23:59:59 CEST is 21:59:59 UTC.
        ("rrule:freq=weekly;until=20260630", False, "FREQ=WEEKLY;UNTIL=20260630T215959Z"),
        # A local date-time (no Z) is Berlin time, written in UTC.
        ("FREQ=DAILY;UNTIL=20260320T190000", False, "FREQ=DAILY;UNTIL=20260320T180000Z"),
        ("FREQ=DAILY;UNTIL=20260320T180000Z", False, "FREQ=DAILY;UNTIL=20260320T180000Z"),
        # An all-day event starts on a DATE, so UNTIL stays (or becomes) a date.
        ("FREQ=DAILY;UNTIL=20260320", True, "FREQ=DAILY;UNTIL=20260320"),
        ("FREQ=DAILY;UNTIL=20260320T225959Z", True, "FREQ=DAILY;UNTIL=20260320"),
        ("FREQ=MONTHLY;BYDAY=-1FR;COUNT=6", False, "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6"),
    ],
)
def test_until_is_stored_in_the_value_type_of_the_start(typed, all_day, stored):
    start = datetime(2026, 3, 14, 0 if all_day else 19, tzinfo=BERLIN)
    assert clean_rule(typed, start, all_day) == stored


def test_a_stored_until_keeps_its_last_date():
    for all_day in (False, True):
        stored = clean_rule("FREQ=WEEKLY;UNTIL=20260328", START, all_day)
        spans = expand(
            weekly(
                rule=stored,
                all_day=all_day,
                start_time=None if all_day else time(19),
                end_time=None if all_day else time(21),
            ),
            *WINDOW,
        )
        assert spans[-1].start.date() == date(2026, 3, 28)


def test_more_than_400_dates_is_a_warning_not_an_error():
    far = datetime(2027, 9, 1, tzinfo=BERLIN)
    assert rule_warning(f"FREQ=DAILY;COUNT={OCCURRENCE_WARNING}", START, far) is None
    with translation.override("de"):
        warning = rule_warning(f"FREQ=DAILY;COUNT={OCCURRENCE_WARNING + 1}", START, far)
    assert warning and "mehr als 400 Termine" in warning
    assert clean_rule("FREQ=DAILY;COUNT=2000", START)  # still accepted
    assert rule_warning("FREQ=DAILY;UNTIL=20280101", START, far)
    # Without an end only the dates up to the horizon count: a daily rule for 18 months is 536.
    assert rule_warning("FREQ=DAILY", START, far)
    assert rule_warning("FREQ=WEEKLY", START, far) is None
    assert rule_warning("FREQ=WEEKLY;INTERVAL=0", START, far) is None  # the error says it
