"""What each benchmark scenario claims to answer, and the check that it does before it is timed.

A scenario whose answer is empty or short (nothing open at 03:00, a missing kiosk, a 404) measures
nothing: the run stops with the scenario's name instead of reporting its speed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from cms.core.timezone import LOCAL_TZ

SATURDAY = 5
RSS_ITEM = re.compile(rb"<item[\s>]")


class ShortAnswer(AssertionError):
    """A scenario answered less than it claims: its figures would mean nothing."""


@dataclass(frozen=True)
class Claim:
    """At least `items` entries (a detail counts as one; a kiosk feed counts now + next + upcoming)."""

    items: int


def open_at_moment(today: date) -> datetime:
    """A Saturday 11:00 in summer, local time: every weekly template of the scale data (and the demo's
    places) but the evening one is open then, whatever the clock says while the bench runs. The first
    Saturday of July, this year's while it is ahead, else next year's."""
    year = today.year if today <= date(today.year, 7, 1) else today.year + 1
    first = date(year, 7, 1)
    saturday = first + timedelta(days=(SATURDAY - first.weekday()) % 7)
    return datetime.combine(saturday, time(11, 0), tzinfo=LOCAL_TZ)


def answer_count(content_type: str, body: bytes) -> int:
    """How many entries an answer holds: RSS items, a list's items, 1 for a detail object."""
    if "xml" in content_type:
        return len(RSS_ITEM.findall(body))
    data = json.loads(body)
    if isinstance(data, list):
        return len(data)
    if isinstance(data.get("items"), list):
        return len(data["items"])
    if any(isinstance(data.get(key), list) for key in ("now", "next", "upcoming")):
        return sum(len(data.get(key) or []) for key in ("now", "next", "upcoming"))
    return 1 if data.get("id") is not None else 0


def check_answer(scenario: str, status: int, content_type: str, body: bytes, claim: Claim) -> int:
    """The answer's entry count, after making sure it is a 200 with at least what the scenario claims."""
    if status != 200:
        raise ShortAnswer(f"{scenario}: HTTP {status}, not an answer to time")
    count = answer_count(content_type, body)
    if count < claim.items:
        raise ShortAnswer(
            f"{scenario}: {count} entries ({len(body)} bytes), the scenario claims {claim.items}"
        )
    return count
