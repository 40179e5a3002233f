"""iCalendar (RFC 5545) → event records in Berlin wall-clock time.

icalendar reads leniently: a broken property is kept with its error, so one bad line costs one
field or one event, not the whole calendar. Line numbers are those of the file as sent (folded).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar.error import IncompleteComponent

from .records import (
    EVENT,
    ItemError,
    Location,
    Parsed,
    Record,
    SourceError,
    coordinate,
    local_wall,
    split_location,
)

_BEGIN_EVENT = re.compile(rb"^BEGIN:VEVENT\s*$", re.IGNORECASE | re.MULTILINE)


def looks_like(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \r\n\t").upper().startswith(b"BEGIN:VCALENDAR")


def parse(data: bytes) -> Parsed:
    if not looks_like(data):
        raise SourceError(_("This is not an iCalendar file (it does not begin with BEGIN:VCALENDAR)."))
    try:
        calendars = Calendar.from_ical(data.lstrip(b"\xef\xbb\xbf"), multiple=True)
    except ValueError as error:
        raise SourceError(_("The iCalendar file cannot be read: %(error)s") % {"error": error}) from None
    lines = data.split(b"\n")
    starts = [data.count(b"\n", 0, match.start()) + 1 for match in _BEGIN_EVENT.finditer(data)]
    parsed = Parsed()
    events = [component for calendar in calendars for component in calendar.walk("VEVENT")]
    # Overrides of single occurrences (RECURRENCE-ID) are folded into their series as extra dates.
    for index, component in enumerate(events):
        line = starts[index] if index < len(starts) else 0
        ref = _("line %(line)s") % {"line": line}
        uid = str(component.get("uid") or "").strip()
        if not uid:
            parsed.errors.append(ItemError(ref, "UID", _("The event has no UID.")))
            continue
        if component.get("recurrence-id") is not None:
            parsed.seen.add(uid)
            parsed.warnings.append(
                ItemError(ref, "RECURRENCE-ID", _("A changed single occurrence is not imported."), uid)
            )
            continue
        parsed.seen.add(uid)
        for name, problem in component.errors:
            target = parsed.errors if name in {"DTSTART", "DTEND", "DURATION", "RRULE"} else parsed.warnings
            where = _line_of(lines, line, str(problem)) if name is None else ref
            target.append(ItemError(where, name or _("line"), str(problem), uid))
        if any(name in {"DTSTART", "DTEND", "DURATION", "RRULE"} for name, _problem in component.errors):
            continue
        try:
            parsed.records.append(_record(component, uid, ref))
        except _FieldError as error:
            parsed.errors.append(ItemError(ref, error.field, error.message, uid))
    return parsed


def _line_of(lines: list[bytes], first: int, problem: str) -> str:
    """The line of a broken content line: the first of the event's lines that the message quotes."""
    for number in range(max(first - 1, 0), len(lines)):
        text = lines[number].strip().decode("utf-8", "replace")
        if text and f"'{text}'" in problem:
            return _("line %(line)s") % {"line": number + 1}
        if text.upper() == "END:VEVENT":
            break
    return _("line %(line)s") % {"line": first}


class _FieldError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def _record(component, uid: str, ref: str) -> Record:
    title = str(component.get("summary") or "").strip()
    if not title:
        raise _FieldError("SUMMARY", _("The event has no title (SUMMARY)."))
    try:
        start = component.start
    except (IncompleteComponent, ValueError):
        raise _FieldError("DTSTART", _("The event has no start (DTSTART).")) from None
    try:
        end = component.end
    except (IncompleteComponent, ValueError):
        end = None
    fields: dict = {"title": title[:255]}
    all_day = isinstance(start, date) and not isinstance(start, datetime)
    if all_day:
        last = (end - timedelta(days=1)) if isinstance(end, date) and end > start else start
        fields.update(
            start_date=start, start_time=None, end_date=last if last != start else None, end_time=None
        )
    else:
        begin = local_wall(start)
        fields.update(start_date=begin.date(), start_time=begin.time().replace(microsecond=0))
        finish = local_wall(end) if isinstance(end, datetime) else None
        if finish is not None and finish > begin:
            fields.update(
                end_date=finish.date() if finish.date() != begin.date() else None,
                end_time=finish.time().replace(microsecond=0),
            )
        else:
            fields.update(end_date=None, end_time=None)
    fields["all_day"] = all_day
    rule = component.get("rrule")
    if isinstance(rule, list):
        raise _FieldError("RRULE", _("More than one RRULE: Roland keeps one rule per event."))
    fields["recurrence_rule"] = rule.to_ical().decode() if rule is not None else ""
    fields["excluded_dates"] = sorted({local_date(moment) for moment in _dates(component, "exdate")})
    extra = []
    for moment in _dates(component, "rdate"):
        if isinstance(moment, datetime):
            wall = local_wall(moment)
            extra.append((wall.date(), None if all_day else wall.time()))
        elif isinstance(moment, date):
            extra.append((moment, None))
    fields["extra_dates"] = sorted(set(extra), key=lambda pair: (pair[0], pair[1] or datetime.min.time()))
    status = str(component.get("status") or "").upper()
    fields["status"] = "cancelled" if status == "CANCELLED" else "scheduled"
    note = str(component.get("comment") or "").strip() if status == "CANCELLED" else ""
    fields["status_note"] = note[:300]
    url = str(component.get("url") or "").strip()
    fields["ticket_url"] = url if url.startswith(("http://", "https://")) else ""
    location = None
    text = str(component.get("location") or "").strip()
    geo = component.get("geo")
    if text or geo is not None:
        location = split_location(text) if text else Location()
        if geo is not None:
            location.latitude, location.longitude = coordinate(geo.latitude), coordinate(geo.longitude)
    image_url = _image_url(component)
    return Record(
        external_id=uid,
        type=EVENT,
        ref=ref,
        fields=fields,
        description=str(component.get("description") or "").strip(),
        location=location,
        image_url=image_url if image_url.startswith(("http://", "https://")) else "",
    )


def _image_url(component) -> str:
    """RFC 7986 IMAGE, else the first ATTACH that says it is an image (FMTTYPE=image/…)."""
    for name in ("image", "attach"):
        value = component.get(name)
        for entry in value if isinstance(value, list) else [value] if value is not None else []:
            kind = str(getattr(entry, "params", {}).get("FMTTYPE", "image/" if name == "image" else ""))
            if kind.startswith("image/"):
                return str(entry).strip()
    return ""


def local_date(moment: date) -> date:
    return local_wall(moment).date() if isinstance(moment, datetime) else moment


def _dates(component, name: str) -> list[date]:
    value = component.get(name)
    if value is None:
        return []
    lists = value if isinstance(value, list) else [value]
    moments = []
    for item in lists:
        for entry in getattr(item, "dts", []):
            moment = entry.dt
            if isinstance(moment, tuple):  # a PERIOD: its start
                moment = moment[0]
            moments.append(moment)
    return moments
