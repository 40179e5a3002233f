"""A screen's weekly schedule: when it is on, and what it shows then (all, today's events, places open now).

Ranges per weekday, several a day, and public holidays as their own day type, by the same holiday
rules as the places' opening hours (tourism.services.opening_hours): when a screen has holiday
ranges, a public holiday uses those instead of its weekday's; without any, holidays are ordinary
weekdays. A range whose end is not after its start runs past midnight and belongs to the day it
starts. Wall-clock times are turned into instants per day, so a range keeps its local times across
the daylight-saving changes (a range in the spring gap starts when the clock jumps; one that ends in
the repeated autumn hour ends at its second occurrence).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from cms.core.timezone import LOCAL_TZ
from tourism.services.opening_hours import (
    hours_on,
    local_datetime,
    public_holiday_name,
    schedules_of,
)

from .models import KioskScreen, ScheduleDay


@dataclass(frozen=True)
class Hours:
    day: int  # 0 = Monday … 6 = Sunday, 7 = public holiday
    opens: time
    closes: time
    content: str


def hours_of(screen: KioskScreen) -> list[Hours]:
    """The screen's ranges (prefetch `hours` for lists of screens); none for a screen without a pk."""
    if screen.pk is None:
        return []
    return [Hours(row.day, row.opens, row.closes, row.content) for row in screen.hours.all()]


def day_type(day: date, hours: list[Hours]) -> int:
    if any(row.day == ScheduleDay.HOLIDAY for row in hours) and public_holiday_name(day):
        return ScheduleDay.HOLIDAY
    return day.weekday()


def ranges_on(hours: list[Hours], day: date) -> list[tuple[datetime, datetime, str]]:
    """The ranges starting on a local day, as UTC instants, with what the screen shows in each."""
    kind = day_type(day, hours)
    ranges = []
    for row in hours:
        if row.day != kind:
            continue
        end_day = day if row.closes > row.opens else day + timedelta(days=1)
        start = local_datetime(day, row.opens).astimezone(UTC)
        end = local_datetime(end_day, row.closes, fold=1).astimezone(UTC)
        ranges.append((start, end, row.content))
    return sorted(ranges)


def content_at(hours: list[Hours], moment: datetime) -> str | None:
    """What the screen shows at an instant by its ranges; None when it is off."""
    local_day = moment.astimezone(LOCAL_TZ).date()
    for day in (local_day - timedelta(days=1), local_day):
        for start, end, content in ranges_on(hours, day):
            if start <= moment < end:
                return content
    return None


def switch_candidates(hours: list[Hours], first: date, days: int) -> list[datetime]:
    """Every instant a range starts or ends on these days (the caller checks which ones change anything)."""
    moments = []
    for offset in range(-1, days):
        for start, end, _content in ranges_on(hours, first + timedelta(days=offset)):
            moments += [start, end]
    return moments


def holidays_between(first: date, days: int) -> list[date]:
    """Public holidays in the coming days, so the player can tell holiday ranges apart offline."""
    return [first + timedelta(days=n) for n in range(days) if public_holiday_name(first + timedelta(days=n))]


def open_until(pois: list, moment: datetime) -> dict[int, datetime]:
    """For each of these places open at `moment`, when it closes (schedules by their stored key:
    no query for those this process has met)."""
    if not pois:
        return {}
    schedules = schedules_of(pois)
    local_day = moment.astimezone(LOCAL_TZ).date()
    closing = {}
    for pk, schedule in schedules.items():
        for day in (local_day - timedelta(days=1), local_day):
            for opening in hours_on(schedule, day).ranges:
                if opening.contains(moment):
                    closing[pk] = opening.closes
    return closing
