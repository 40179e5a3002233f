"""CSV of events or places → records, by the column mapping saved with the source.

Spreadsheets come as UTF-8 (with or without BOM) or Windows-1252 (Excel's "CSV" on German
Windows), separated by ``;`` (German Excel) or ``,``. A bad row is an error of that row; the rows
before and after it still import.

The mapping: ``{"type": "event" | "poi", "id": "<column>", "columns": {"<field>": "<column>"}}``.
Fields: title, description, start_date, start_time, end_date, end_time, location, street,
postal_code, locality, latitude, longitude, ticket_url, website, phone, email, image_url, status.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from .records import (
    EVENT,
    POI,
    ItemError,
    Location,
    Parsed,
    Record,
    SourceError,
    coordinate,
    parse_date,
    parse_time,
    split_location,
)

EVENT_FIELDS = {"title", "description", "start_date", "start_time", "end_date", "end_time", "location"}
PLACE_FIELDS = {"street", "postal_code", "locality", "latitude", "longitude"}
OTHER_FIELDS = {"ticket_url", "website", "phone", "email", "image_url", "status"}
KNOWN_FIELDS = EVENT_FIELDS | PLACE_FIELDS | OTHER_FIELDS
CANCELLED_WORDS = {"abgesagt", "cancelled", "canceled", "entfällt", "ausgefallen"}


def decode(data: bytes, encoding: str = "auto") -> str:
    if encoding == "auto":
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    try:
        return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as error:
        raise SourceError(
            _("The file is not %(encoding)s (byte %(position)s).")
            % {"encoding": encoding, "position": error.start}
        ) from None


def sniff_delimiter(text: str) -> str:
    """The separator of the header line: the one of ``;`` and ``,`` it holds more of (ties: ``;``)."""
    header = text.split("\n", 1)[0]
    return "," if header.count(",") > header.count(";") else ";"


def parse(data: bytes, mapping: dict, *, encoding: str = "auto", delimiter: str = "auto") -> Parsed:
    text = decode(data, encoding)
    columns = (mapping or {}).get("columns") or {}
    kind = (mapping or {}).get("type", EVENT)
    id_column = (mapping or {}).get("id", "")
    unknown = sorted(set(columns) - KNOWN_FIELDS)
    if unknown:
        raise SourceError(
            _("The column mapping names unknown fields: %(fields)s") % {"fields": ", ".join(unknown)}
        )
    if kind not in (EVENT, POI) or "title" not in columns:
        raise SourceError(_('The column mapping needs "type" (event or poi) and a "title" column.'))
    reader = csv.DictReader(
        io.StringIO(text, newline=""), delimiter=sniff_delimiter(text) if delimiter == "auto" else delimiter
    )
    header = reader.fieldnames or []
    missing = [column for column in [id_column, *columns.values()] if column and column not in header]
    if missing:
        raise SourceError(
            _("Columns missing in the file: %(columns)s (it has: %(header)s)")
            % {"columns": ", ".join(missing), "header": ", ".join(header)}
        )
    parsed = Parsed()
    for number, row in enumerate(reader, start=2):  # line 1 is the header
        ref = _("row %(row)s") % {"row": number}
        values = {name: (row.get(column) or "").strip() for name, column in columns.items()}
        external_id = (row.get(id_column) or "").strip() if id_column else ""
        external_id = external_id or "|".join(
            values.get(name, "") for name in ("title", "start_date", "start_time")
        )
        if not any(values.values()):
            continue  # an empty line at the end of a sheet
        parsed.seen.add(external_id)
        try:
            parsed.records.append(_record(kind, values, external_id, ref))
        except _RowError as error:
            parsed.errors.append(
                ItemError(ref, columns.get(error.field, error.field), error.message, external_id)
            )
    return parsed


class _RowError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def _record(kind: str, values: dict[str, str], external_id: str, ref: str) -> Record:
    if not values.get("title"):
        raise _RowError("title", _("The title is empty."))
    fields: dict = {"title": values["title"][:255]}
    if kind == EVENT:
        for name, read in (("start_date", parse_date), ("end_date", parse_date)):
            fields[name] = _read(values, name, read)
        for name in ("start_time", "end_time"):
            fields[name] = _read(values, name, parse_time)
        if fields["start_date"] is None:
            raise _RowError("start_date", _("The start date is empty."))
        if fields["end_date"] == fields["start_date"]:
            fields["end_date"] = None
        fields["all_day"] = fields["start_time"] is None
        fields.update(recurrence_rule="", excluded_dates=[], extra_dates=[])
        cancelled = values.get("status", "").lower() in CANCELLED_WORDS
        fields.update(status="cancelled" if cancelled else "scheduled", status_note="")
        fields["ticket_url"] = values.get("ticket_url", "")
    else:
        fields.update(
            {
                name: values.get(name, "")
                for name in ("street", "postal_code", "locality", "phone", "email", "website")
            }
        )
        for name in ("latitude", "longitude"):
            fields[name] = coordinate(values.get(name))
            if values.get(name) and fields[name] is None:
                raise _RowError(name, _("“%(value)s” is not a number.") % {"value": values[name]})
    location = None
    if kind == EVENT and any(values.get(name) for name in ("location", *PLACE_FIELDS)):
        location = split_location(values.get("location", "")) if values.get("location") else Location()
        for name in ("street", "postal_code", "locality"):
            if values.get(name):
                setattr(location, name, values[name])
        location.latitude, location.longitude = (
            coordinate(values.get("latitude")),
            coordinate(values.get("longitude")),
        )
    return Record(
        external_id=external_id,
        type=kind,
        ref=ref,
        fields=fields,
        description=values.get("description", ""),
        location=location,
        image_url=values.get("image_url", ""),
    )


def _read(values: dict[str, str], name: str, read):
    if not values.get(name):
        return None
    try:
        return read(values[name])
    except ValueError as error:
        raise _RowError(name, str(error)) from None
