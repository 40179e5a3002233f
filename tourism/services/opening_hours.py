"""Opening hours: "hours on date D" and "open at instant T", correct across DST changes.

Rules work on plain data (``OpeningSchedule``) so they are testable without a database;
``schedule_for`` adapts a PointOfInterest (using prefetched relations when present).

Precedence on a day: dated exceptions, then public holidays (when the place closes on them),
then the weekly rules of a season that covers the day, else the year-round weekly rules.
A range whose closing time is not after its opening time runs past midnight into the next day.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

import holidays
from django.conf import settings

from cms.core.timezone import LOCAL_TZ


@dataclass(frozen=True)
class Season:
    """A validity period; with ``every_year`` only month and day count (wrapping over New Year)."""

    start: date
    end: date
    every_year: bool = True

    def contains(self, day: date) -> bool:
        if not self.every_year:
            return self.start <= day <= self.end
        key = (day.month, day.day)
        start, end = (self.start.month, self.start.day), (self.end.month, self.end.day)
        if start <= end:
            return start <= key <= end
        return key >= start or key <= end


@dataclass(frozen=True)
class WeeklyRule:
    weekdays: frozenset[int]  # 0 = Monday … 6 = Sunday
    opens: time
    closes: time
    season: Season | None = None


@dataclass(frozen=True)
class DatedException:
    start: date
    end: date
    closed: bool
    opens: time | None = None
    closes: time | None = None
    label: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class OpeningSchedule:
    rules: tuple[WeeklyRule, ...] = ()
    exceptions: tuple[DatedException, ...] = ()
    closed_on_public_holidays: bool = False
    # Days already worked out by `hours_on`: a remembered schedule (see `schedules_by_key`) answers
    # "open now?" for many lists a day.
    _days: dict = field(default_factory=dict, init=False, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class OpeningRange:
    opens: datetime
    closes: datetime

    def contains(self, instant: datetime) -> bool:
        # Compare in UTC: aware datetimes sharing a tzinfo compare by wall clock, ignoring fold.
        return utc(self.opens) <= utc(instant) < utc(self.closes)

    @property
    def duration(self) -> timedelta:
        return utc(self.closes) - utc(self.opens)


@dataclass(frozen=True)
class DayHours:
    day: date
    ranges: tuple[OpeningRange, ...] = field(default_factory=tuple)
    reason: str = "regular"  # regular | exception | holiday | closed
    label: str = ""


def utc(moment: datetime) -> datetime:
    """An aware datetime in UTC, for comparisons and durations that must respect DST."""
    return moment.astimezone(UTC)


def local_datetime(day: date, at: time, *, fold: int = 0) -> datetime:
    """A wall-clock time in Berlin as an aware datetime; times in the spring gap move forward."""
    naive = datetime.combine(day, at).replace(fold=fold)
    aware = naive.replace(tzinfo=LOCAL_TZ)
    return aware.astimezone(UTC).astimezone(LOCAL_TZ)


def _range(day: date, opens: time, closes: time) -> OpeningRange:
    closes_day = day if closes > opens else day + timedelta(days=1)
    return OpeningRange(local_datetime(day, opens), local_datetime(closes_day, closes, fold=1))


@lru_cache(maxsize=32)
def _public_holidays(year: int) -> holidays.HolidayBase:
    country, subdivision = settings.ROLAND_HOLIDAY_SUBDIVISION
    return holidays.country_holidays(country, subdiv=subdivision, years=year)


def public_holiday_name(day: date) -> str | None:
    """The name of the public holiday on a day in the configured region, if any."""
    return _public_holidays(day.year).get(day)


def hours_on(schedule: OpeningSchedule, day: date) -> DayHours:
    """The opening ranges that start on a day (a range may end after midnight)."""
    hours = schedule._days.get(day)
    if hours is None:
        if len(schedule._days) >= 64:
            schedule._days.clear()
        hours = schedule._days[day] = _hours_on(schedule, day)
    return hours


def _hours_on(schedule: OpeningSchedule, day: date) -> DayHours:
    exceptions = [exc for exc in schedule.exceptions if exc.covers(day)]
    if exceptions:
        label = next((exc.label for exc in exceptions if exc.label), "")
        if any(exc.closed for exc in exceptions):
            return DayHours(day, (), "exception", label)
        ranges = sorted(
            (_range(day, exc.opens, exc.closes) for exc in exceptions if exc.opens and exc.closes),
            key=lambda r: r.opens,
        )
        return DayHours(day, tuple(ranges), "exception", label)

    if schedule.closed_on_public_holidays:
        holiday = public_holiday_name(day)
        if holiday:
            return DayHours(day, (), "holiday", holiday)

    seasonal = [rule for rule in schedule.rules if rule.season and rule.season.contains(day)]
    applicable = seasonal or [rule for rule in schedule.rules if rule.season is None]
    ranges = sorted(
        (_range(day, rule.opens, rule.closes) for rule in applicable if day.weekday() in rule.weekdays),
        key=lambda r: r.opens,
    )
    return DayHours(day, tuple(ranges), "regular" if ranges else "closed")


def is_open_at(schedule: OpeningSchedule, instant: datetime) -> bool:
    """Whether the place is open at an aware instant, including ranges from the previous evening."""
    if instant.tzinfo is None:
        raise ValueError("instant must be timezone-aware")
    local_day = instant.astimezone(LOCAL_TZ).date()
    for day in (local_day - timedelta(days=1), local_day):
        if any(r.contains(instant) for r in hours_on(schedule, day).ranges):
            return True
    return False


def schedule_key(schedule: OpeningSchedule) -> str:
    """A fingerprint (16 hex digits) of everything that decides when a place is open.

    Places share schedules ("Mo–Fr 9–17"): a list filtered by `open_now` evaluates each distinct
    schedule once, read from one of its places, instead of reading every candidate's rows.
    """
    parts = (
        [
            (
                sorted(rule.weekdays),
                rule.opens,
                rule.closes,
                rule.season and (rule.season.start, rule.season.end, rule.season.every_year),
            )
            for rule in schedule.rules
        ],
        [(e.start, e.end, e.closed, e.opens, e.closes, e.label) for e in schedule.exceptions],
        schedule.closed_on_public_holidays,
    )
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


# Schedules by key, kept by each process: a key is a fingerprint of the schedule, so the schedule
# it names never changes. Emptied when full (a town has dozens to a few thousand).
SCHEDULE_MEMORY = 4096
_schedules: dict[str, OpeningSchedule] = {}


def schedules_by_key(places: dict[str, tuple[int, bool]], pages=None) -> dict[str, OpeningSchedule]:
    """Each schedule of `schedule key → (a place with it, closed on public holidays)`.

    Only keys this process has not met yet are read, each from one place that has it; `pages` (a
    subquery of those places' ids) is passed on to `schedules_by_page` when there are many.
    """
    known = {key: _schedules[key] for key in places if key in _schedules}
    missing = {key: place for key, place in places.items() if key not in known}
    if missing:
        read = schedules_by_page(dict(missing.values()), pages=pages)
        if len(_schedules) + len(missing) > SCHEDULE_MEMORY:
            _schedules.clear()
        for key, (pk, _closed) in missing.items():
            known[key] = _schedules[key] = read[pk]
    return known


def schedules_of(pois: list) -> dict[int, OpeningSchedule]:
    """The schedule of each place by page id: through the stored key from this process's schedules
    (no query once met), else from the place's own rows (two queries for those)."""
    keyed = {
        poi.opening_hours_key: (poi.pk, poi.closed_on_public_holidays)
        for poi in pois
        if poi.opening_hours_key
    }
    by_key = schedules_by_key(keyed) if keyed else {}
    unkeyed = {poi.pk: poi.closed_on_public_holidays for poi in pois if not poi.opening_hours_key}
    by_page = schedules_by_page(unkeyed) if unkeyed else {}
    return {
        poi.pk: by_key[poi.opening_hours_key] if poi.opening_hours_key else by_page[poi.pk] for poi in pois
    }


def has_hours(schedule: OpeningSchedule) -> bool:
    return bool(schedule.rules or schedule.exceptions)


def schedule_for(poi) -> OpeningSchedule:
    """Build the schedule of a PointOfInterest from its opening-hours rows."""
    return build_schedule(
        poi.opening_hours.all(), poi.opening_hours_exceptions.all(), poi.closed_on_public_holidays
    )


def schedules_by_page(closed_on_holidays: dict[int, bool], pages=None) -> dict[int, OpeningSchedule]:
    """Schedules of many places (page id → closed on public holidays) in two plain queries.

    For narrowing thousands of candidates: rows are read as tuples (model instances and the related
    managers cost too much per page), and `pages`, a subquery of candidate ids, keeps thousands of
    ids out of the SQL text.
    """
    # tourism.models.pois uses this module's pure rules on save; the query side imports the
    # models when called, so neither module needs the other at import time.
    from ..models import OpeningHoursException, OpeningHoursRule
    from ..models.opening_hours import WEEKDAY_FIELDS

    ids = list(closed_on_holidays)
    scope = pages if pages is not None else ids
    rules: dict[int, list] = {pk: [] for pk in ids}
    exceptions: dict[int, list] = {pk: [] for pk in ids}
    rule_rows = OpeningHoursRule.objects.filter(page_id__in=scope).order_by("page_id", "sort_order")
    for page_id, *flags, opens, closes, valid_from, valid_to, every_year in rule_rows.values_list(
        "page_id", *WEEKDAY_FIELDS, "opens", "closes", "valid_from", "valid_to", "every_year"
    ):
        if page_id in rules:
            weekdays = [index for index, flag in enumerate(flags) if flag]
            rules[page_id].append(weekly_rule(weekdays, opens, closes, valid_from, valid_to, every_year))
    exception_rows = OpeningHoursException.objects.filter(page_id__in=scope).order_by("page_id", "sort_order")
    for page_id, date_from, date_to, closed, opens, closes, reason in exception_rows.values_list(
        "page_id", "date_from", "date_to", "closed", "opens", "closes", "reason"
    ):
        if page_id in exceptions:
            exceptions[page_id].append(dated_exception(date_from, date_to, closed, opens, closes, reason))
    return {
        pk: OpeningSchedule(tuple(rules[pk]), tuple(exceptions[pk]), closed)
        for pk, closed in closed_on_holidays.items()
    }


def weekly_rule(weekdays, opens: time, closes: time, valid_from, valid_to, every_year: bool) -> WeeklyRule:
    """A weekly rule from a rule row's values: a season only when both of its dates are set."""
    season = Season(valid_from, valid_to, every_year) if valid_from and valid_to else None
    return WeeklyRule(frozenset(weekdays), opens, closes, season)


def dated_exception(date_from: date, date_to, closed: bool, opens, closes, reason: str) -> DatedException:
    """A dated exception from an exception row's values: one day when it has no end date."""
    return DatedException(date_from, date_to or date_from, closed, opens, closes, reason)


def build_schedule(rule_rows, exception_rows, closed_on_public_holidays: bool) -> OpeningSchedule:
    rules = tuple(
        weekly_rule(row.weekdays, row.opens, row.closes, row.valid_from, row.valid_to, row.every_year)
        for row in rule_rows
    )
    exceptions = tuple(
        dated_exception(row.date_from, row.date_to, row.closed, row.opens, row.closes, row.reason)
        for row in exception_rows
    )
    return OpeningSchedule(rules, exceptions, closed_on_public_holidays)
