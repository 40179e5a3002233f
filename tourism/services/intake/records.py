"""What every parser produces: plain records of page field values, and errors naming item and field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from cms.core.timezone import LOCAL_TZ

EVENT = "event"
POI = "poi"


class SourceError(Exception):
    """The source as a whole cannot be read (fetch failed, not a calendar …): nothing is touched."""


@dataclass(frozen=True)
class ItemError:
    ref: str  # where in the source: "Zeile 42", "Zeile 5 (CSV)", "Eintrag 3"
    field: str  # the source's field (DTSTART, a CSV column, startDate) or "" for the whole item
    message: str
    external_id: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "ref": self.ref,
            "field": self.field,
            "message": self.message,
            "external_id": self.external_id,
        }


@dataclass
class Location:
    """A place as the source names it; matched to a POI when applied, else kept as a free location."""

    text: str = ""  # the whole LOCATION text
    name: str = ""
    street: str = ""
    postal_code: str = ""
    locality: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None


@dataclass
class Record:
    external_id: str
    type: str  # EVENT or POI
    ref: str
    fields: dict[str, Any]  # model field name → value (title, teaser, start_date …)
    description: str = ""  # becomes teaser (shortened) and body
    location: Location | None = None
    image_url: str = ""


@dataclass
class Parsed:
    records: list[Record] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)
    warnings: list[ItemError] = field(default_factory=list)
    # Every id the source still lists, also those of items that had errors (they did not disappear).
    seen: set[str] = field(default_factory=set)


_POSTCODE_TOWN = re.compile(r"^(?:D-)?(\d{5})\s+(.+)$")


def split_location(text: str) -> Location:
    """'Kulturfabrik, Gerikestraße 3, 39340 Haldensleben' → name, street, postal code, locality."""
    parts = [part.strip() for part in text.replace("\\,", ",").split(",") if part.strip()]
    location = Location(text=text.strip())
    if not parts:
        return location
    town = _POSTCODE_TOWN.match(parts[-1])
    if town:
        location.postal_code, location.locality = town.group(1), town.group(2)
        parts = parts[:-1]
    if parts and re.search(r"\d", parts[-1]) and len(parts) > 1:
        location.street = parts[-1]
        parts = parts[:-1]
    location.name = ", ".join(parts)
    return location


def coordinate(value: Any) -> Decimal | None:
    """Degrees to the model's six decimals; None for empty or unreadable input."""
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return number.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP) if number.is_finite() else None


def local_wall(moment: datetime) -> datetime:
    """A naive Berlin wall-clock time: aware times converted, floating times taken as Berlin time."""
    if moment.tzinfo is not None and moment.utcoffset() is not None:
        return moment.astimezone(LOCAL_TZ).replace(tzinfo=None)
    return moment.replace(tzinfo=None)


def parse_date(text: str) -> date:
    """ISO (2027-05-01) or German (01.05.2027, 1.5.27)."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})", text)
    if match:
        day, month, year = (int(group) for group in match.groups())
        return date(year + 2000 if year < 100 else year, month, day)
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(
            _("“%(value)s” is not a date (2027-05-01 or 01.05.2027).") % {"value": text}
        ) from None


def parse_time(text: str) -> time:
    """09:30, 9.30, 9:30:00 or 09:30 Uhr."""
    cleaned = text.strip().lower().removesuffix("uhr").strip().replace(".", ":")
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?", cleaned)
    if not match or int(match.group(1)) > 23 or int(match.group(2) or 0) > 59:
        raise ValueError(_("“%(value)s” is not a time (19:30).") % {"value": text})
    return time(int(match.group(1)), int(match.group(2) or 0))
