"""Event dates: RFC 5545 recurrence parsing, validation and expansion into occurrences.

Recurrence is evaluated in Berlin wall-clock time: a weekly 19:00 event stays at 19:00 across
daylight-saving changes, and its duration is kept in wall-clock terms too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from dateutil.rrule import rrule, rrulestr
from django.utils.translation import gettext as _

from cms.core.timezone import LOCAL_TZ

from .opening_hours import local_datetime, utc

MAX_OCCURRENCES = 1000
_UNTIL = re.compile(r"UNTIL=(\d{8})(T(\d{6}))?(Z?)", re.IGNORECASE)


class RecurrenceError(ValueError):
    """An invalid recurrence rule, with a message an editor can act on."""


@dataclass(frozen=True)
class EventDates:
    start_date: date
    start_time: time | None
    end_date: date
    end_time: time | None
    all_day: bool
    rule: str = ""
    exdates: tuple[date, ...] = ()
    rdates: tuple[tuple[date, time | None], ...] = ()

    @property
    def local_start(self) -> datetime:
        return datetime.combine(self.start_date, self.start_time or time(0))

    @property
    def local_end(self) -> datetime:
        if self.all_day or self.end_time is None:
            return datetime.combine(self.end_date + timedelta(days=1), time(0))
        return datetime.combine(self.end_date, self.end_time)

    @property
    def duration(self) -> timedelta:
        return self.local_end - self.local_start


@dataclass(frozen=True)
class OccurrenceSpan:
    start: datetime
    end: datetime
    all_day: bool


def normalise_rule(rule: str) -> str:
    """Strip an ``RRULE:`` prefix, blanks and upper-case the rule text."""
    rule = rule.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    return rule.replace(" ", "").upper()


def _until_to_utc(rule: str) -> str:
    """RFC 5545 wants UNTIL in UTC when DTSTART has a time zone; accept a local UNTIL too."""

    def convert(match: re.Match) -> str:
        day, _t, hms, zulu = match.groups()
        if zulu:
            return match.group(0)
        moment = datetime.strptime(day + (hms or "235959"), "%Y%m%d%H%M%S").replace(tzinfo=LOCAL_TZ)
        return "UNTIL=" + moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    return _UNTIL.sub(convert, rule)


def parse_rule(rule: str, start: datetime) -> rrule:
    """Parse an RRULE for an aware start; raises RecurrenceError with an editor-readable message."""
    text = normalise_rule(rule)
    if not text:
        raise RecurrenceError(_("The recurrence rule is empty."))
    if "\n" in text or "DTSTART" in text or "RRULE:" in text:
        raise RecurrenceError(_("Enter a single RRULE without DTSTART; the event's start is used."))
    if "FREQ=" not in text:
        raise RecurrenceError(_("The rule needs a frequency, e.g. FREQ=WEEKLY;BYDAY=SA."))
    if "COUNT=" in text and "UNTIL=" in text:
        raise RecurrenceError(_("Use either COUNT or UNTIL, not both."))
    if re.search(r"FREQ=(SECONDLY|MINUTELY|HOURLY)", text):
        raise RecurrenceError(_("Events repeat at most daily: use DAILY, WEEKLY, MONTHLY or YEARLY."))
    try:
        parsed = rrulestr(_until_to_utc(text), dtstart=start, forceset=False)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise RecurrenceError(_("Not a valid RFC 5545 rule (%(problem)s).") % {"problem": exc}) from None
    if not isinstance(parsed, rrule):  # pragma: no cover - rrulestr returns a set only if asked
        raise RecurrenceError(_("Enter a single RRULE."))
    return parsed


def validate_rule(rule: str, start: datetime) -> None:
    """Raise RecurrenceError when a rule cannot be used, including one that never occurs."""
    parsed = parse_rule(rule, start)
    if parsed.after(start, inc=True) is None:
        raise RecurrenceError(_("The rule produces no dates after the event's start."))


def expand(dates: EventDates, window_start: datetime, window_end: datetime) -> list[OccurrenceSpan]:
    """Occurrences overlapping [window_start, window_end), at most MAX_OCCURRENCES."""
    duration = dates.duration
    starts: list[datetime]
    first = dates.local_start.replace(tzinfo=LOCAL_TZ)
    if dates.rule:
        rule = parse_rule(dates.rule, first)
        lower = (window_start - duration).astimezone(LOCAL_TZ)
        starts = []
        for start in rule.xafter(lower, inc=True):
            if utc(start) >= utc(window_end):
                break
            starts.append(start)
            if len(starts) > MAX_OCCURRENCES * 2:
                break
    else:
        starts = [first]
    default_time = dates.start_time or time(0)
    starts += [datetime.combine(day, at or default_time).replace(tzinfo=LOCAL_TZ) for day, at in dates.rdates]
    excluded = set(dates.exdates)
    spans: dict[datetime, OccurrenceSpan] = {}
    for start in starts:
        wall = start.replace(tzinfo=None)
        if wall.date() in excluded:
            continue
        begin = local_datetime(wall.date(), wall.time())
        end_wall = wall + duration
        end = local_datetime(end_wall.date(), end_wall.time(), fold=1)
        if utc(end) <= utc(window_start) or utc(begin) >= utc(window_end):
            continue
        spans[begin] = OccurrenceSpan(begin, end, dates.all_day)
    return [spans[key] for key in sorted(spans)][:MAX_OCCURRENCES]
