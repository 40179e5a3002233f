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


WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
OCCURRENCE_WARNING = 400
_PARTS = (
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "BYYEARDAY",
    "BYWEEKNO",
    "WKST",
)
_TIMES_OF_DAY = ("BYHOUR", "BYMINUTE", "BYSECOND")
_BYDAY = re.compile(r"([+-]?)(\d{1,2})?([A-Z]{2})")
_UNTIL_VALUE = re.compile(r"(\d{8})(?:T(\d{6})(Z?))?")
# (lowest, highest) of the numeric BY parts; negative values count from the end, 0 is never allowed.
_RANGES = {"BYMONTHDAY": (-31, 31), "BYMONTH": (1, 12), "BYSETPOS": (-366, 366), "BYYEARDAY": (-366, 366)}
_RANGES["BYWEEKNO"] = (-53, 53)
# Parts RFC 5545 section 3.3.10 does not allow with a frequency.
_NOT_WITH = {
    "BYMONTHDAY": ("WEEKLY",),
    "BYYEARDAY": ("DAILY", "WEEKLY", "MONTHLY"),
    "BYWEEKNO": FREQUENCIES[:3],
}


def _positive(name: str, value: str, message: str) -> None:
    if not value.isdigit() or int(value) < 1:
        raise RecurrenceError(message % {"value": value, "name": name})


def _rule_parts(text: str) -> dict[str, str]:
    """The rule's NAME=VALUE parts, each checked on its own, in the order written."""
    parts: dict[str, str] = {}
    for piece in filter(None, text.split(";")):
        name, sep, value = piece.partition("=")
        if not sep or not name or not value:
            raise RecurrenceError(
                _(
                    "'%(part)s' is not a rule part: write NAME=VALUE parts separated by semicolons, "
                    "e.g. FREQ=WEEKLY;BYDAY=SA."
                )
                % {"part": piece}
            )
        if name in _TIMES_OF_DAY:
            raise RecurrenceError(
                _("Times of day (%(name)s) cannot repeat: an event repeats at most daily, at its start time.")
                % {"name": name}
            )
        if name not in _PARTS:
            raise RecurrenceError(
                _("Unknown rule part %(name)s. Allowed: %(allowed)s.")
                % {"name": name, "allowed": ", ".join(_PARTS)}
            )
        if name in parts:
            raise RecurrenceError(_("%(name)s appears twice in the rule.") % {"name": name})
        parts[name] = value
    return parts


def _check_parts(parts: dict[str, str]) -> None:
    """German (editor-language) messages for each kind of mistake, before dateutil sees the rule."""
    freq = parts.get("FREQ")
    if not freq:
        raise RecurrenceError(_("The rule needs a frequency, e.g. FREQ=WEEKLY;BYDAY=SA."))
    if freq in ("SECONDLY", "MINUTELY", "HOURLY"):
        raise RecurrenceError(_("Events repeat at most daily: use DAILY, WEEKLY, MONTHLY or YEARLY."))
    if freq not in FREQUENCIES:
        raise RecurrenceError(
            _("Unknown frequency %(value)s: use DAILY, WEEKLY, MONTHLY or YEARLY.") % {"value": freq}
        )
    if "COUNT" in parts and "UNTIL" in parts:
        raise RecurrenceError(_("Use either COUNT or UNTIL, not both."))
    if "INTERVAL" in parts:
        _positive(
            "INTERVAL",
            parts["INTERVAL"],
            _("The interval must be a whole number of at least 1 (INTERVAL=%(value)s)."),
        )
    if "COUNT" in parts:
        _positive(
            "COUNT",
            parts["COUNT"],
            _("The number of dates must be a whole number of at least 1 (COUNT=%(value)s)."),
        )
    if "UNTIL" in parts and not _until_date(parts["UNTIL"]):
        raise RecurrenceError(
            _("UNTIL=%(value)s is not a date: write it as YYYYMMDD, e.g. UNTIL=20271231.")
            % {"value": parts["UNTIL"]}
        )
    for day in filter(None, parts.get("BYDAY", "").split(",")) if "BYDAY" in parts else ():
        match = _BYDAY.fullmatch(day)
        if not match or match.group(3) not in WEEKDAYS or (match.group(1) and not match.group(2)):
            raise RecurrenceError(
                _(
                    "Unknown weekday %(value)s in BYDAY: use MO, TU, WE, TH, FR, SA or SU, "
                    "optionally with a position such as 1SU or -1FR."
                )
                % {"value": day}
            )
        if match.group(2):
            if freq not in ("MONTHLY", "YEARLY"):
                raise RecurrenceError(
                    _("A position such as %(value)s in BYDAY only works with FREQ=MONTHLY or FREQ=YEARLY.")
                    % {"value": day}
                )
            if not 1 <= int(match.group(2)) <= 53:
                raise RecurrenceError(
                    _("%(name)s=%(value)s: use whole numbers from %(low)s to %(high)s, except 0.")
                    % {"name": "BYDAY", "value": day, "low": -53, "high": 53}
                )
    if "BYDAY" in parts and not parts["BYDAY"].strip(","):
        raise RecurrenceError(_("BYDAY names no weekday: e.g. BYDAY=TU,TH."))
    for name, (low, high) in _RANGES.items():
        for value in parts.get(name, "").split(",") if name in parts else ():
            number = value.lstrip("+-")
            if not number.isdigit() or not low <= int(value.replace("+", "")) <= high or int(number) == 0:
                raise RecurrenceError(
                    _("%(name)s=%(value)s: use whole numbers from %(low)s to %(high)s, except 0.")
                    % {"name": name, "value": value, "low": low, "high": high}
                )
        if name in parts and freq in _NOT_WITH.get(name, ()):
            raise RecurrenceError(
                _("%(name)s cannot be used with FREQ=%(freq)s.") % {"name": name, "freq": freq}
            )
    if "BYSETPOS" in parts and not any(name.startswith("BY") and name != "BYSETPOS" for name in parts):
        raise RecurrenceError(
            _("BYSETPOS needs another BY… part to pick from, e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1.")
        )
    if "WKST" in parts and parts["WKST"] not in WEEKDAYS:
        raise RecurrenceError(
            _("WKST=%(value)s is not a weekday: use MO, TU, WE, TH, FR, SA or SU.") % {"value": parts["WKST"]}
        )


def _until_date(value: str) -> datetime | None:
    """UNTIL as written: a date (end of that local day), a local date-time, or a UTC date-time."""
    match = _UNTIL_VALUE.fullmatch(value)
    if not match:
        return None
    day, hms, zulu = match.groups()
    try:
        moment = datetime.strptime(day + (hms or "235959"), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC if zulu else LOCAL_TZ)


def _checked(rule: str) -> dict[str, str]:
    text = normalise_rule(rule)
    if not text:
        raise RecurrenceError(_("The recurrence rule is empty."))
    if "\n" in text or "DTSTART" in text or "RRULE:" in text:
        raise RecurrenceError(_("Enter a single RRULE without DTSTART; the event's start is used."))
    parts = _rule_parts(text)
    _check_parts(parts)
    return parts


def parse_rule(rule: str, start: datetime) -> rrule:
    """Parse an RRULE for an aware start; raises RecurrenceError with an editor-readable message."""
    text = ";".join(f"{name}={value}" for name, value in _checked(rule).items())
    try:
        parsed = rrulestr(_until_to_utc(text), dtstart=start, forceset=False)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        # Our checks above name each mistake; dateutil's own (English) wording never reaches editors.
        raise RecurrenceError(
            _("The recurrence rule could not be read; compare it with the examples under the field.")
        ) from None
    if not isinstance(parsed, rrule):  # pragma: no cover - rrulestr returns a set only if asked
        raise RecurrenceError(_("Enter a single RRULE."))
    return parsed


def clean_rule(rule: str, start: datetime, all_day: bool = False) -> str:
    """The rule as stored: checked, upper-case, UNTIL written as RFC 5545 section 3.3.10 asks.

    UNTIL takes DTSTART's value type: for an all-day event (DTSTART a date) a date, otherwise a
    date-time in UTC; a typed date means the end of that day in Berlin. Raises RecurrenceError.
    """
    parts = _checked(rule)
    if "UNTIL" in parts:
        until = _until_date(parts["UNTIL"])
        assert until is not None  # _checked refused anything else
        if all_day:
            parts["UNTIL"] = until.astimezone(LOCAL_TZ).strftime("%Y%m%d")
        else:
            parts["UNTIL"] = until.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        if until < start:
            raise RecurrenceError(
                _("The rule ends (UNTIL) on %(until)s, before the event's start on %(start)s.")
                % {
                    "until": until.astimezone(LOCAL_TZ).strftime("%d.%m.%Y"),
                    "start": start.astimezone(LOCAL_TZ).strftime("%d.%m.%Y"),
                }
            )
    text = ";".join(f"{name}={value}" for name, value in parts.items())
    validate_rule(text, start)
    return text


def validate_rule(rule: str, start: datetime) -> None:
    """Raise RecurrenceError when a rule cannot be used, including one that never occurs."""
    parsed = parse_rule(rule, start)
    if parsed.after(start, inc=True) is None:
        raise RecurrenceError(_("The rule produces no dates after the event's start."))


def occurrence_count(rule: str, start: datetime, open_end: datetime, limit: int) -> int:
    """How many dates the rule yields, at most `limit`; a rule without an end counts up to `open_end`."""
    parsed = parse_rule(rule, start)
    text = normalise_rule(rule)
    bounded = "COUNT=" in text or "UNTIL=" in text
    count = 0
    for moment in parsed:
        if count >= limit or (not bounded and moment >= open_end):
            break
        count += 1
    return count


def rule_warning(rule: str, start: datetime, open_end: datetime) -> str | None:
    """A note for the editor (not an error) when a rule yields more than OCCURRENCE_WARNING dates."""
    if not rule.strip():
        return None
    try:
        count = occurrence_count(rule, start, open_end, OCCURRENCE_WARNING + 1)
    except RecurrenceError:
        return None
    if count <= OCCURRENCE_WARNING:
        return None
    return _(
        "The recurrence rule yields more than %(limit)s dates. Saved anyway: please "
        "check the end (COUNT or UNTIL) and the interval."
    ) % {"limit": OCCURRENCE_WARNING}


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
