"""schema.org JSON-LD lists (Event, TouristAttraction and their subtypes) → records.

Accepted shapes, as other CMSs publish them: one object, a list, ``{"@graph": [...]}``, or an
ItemList whose ``itemListElement`` holds the objects (or ListItems with an ``item``).
"""

from __future__ import annotations

import json
from datetime import date, datetime

from django.utils.translation import gettext as _

from .records import EVENT, POI, ItemError, Location, Parsed, Record, SourceError, coordinate, local_wall

EVENT_TYPES = {
    "Event",
    "BusinessEvent",
    "ChildrensEvent",
    "ComedyEvent",
    "CourseInstance",
    "DanceEvent",
    "EducationEvent",
    "ExhibitionEvent",
    "Festival",
    "FoodEvent",
    "LiteraryEvent",
    "MusicEvent",
    "SaleEvent",
    "ScreeningEvent",
    "SocialEvent",
    "SportsEvent",
    "TheaterEvent",
    "VisualArtsEvent",
}
PLACE_TYPES = {
    "TouristAttraction",
    "Museum",
    "Church",
    "Park",
    "LandmarksOrHistoricalBuildings",
    "Place",
    "Zoo",
    "Library",
}


def looks_like(data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \r\n\t")[:1]
    return head in (b"{", b"[") and b"@type" in data[:100_000]


def parse(data: bytes) -> Parsed:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(_("This is not JSON: %(error)s") % {"error": error}) from None
    parsed = Parsed()
    for number, item in enumerate(_items(document), start=1):
        ref = _("item %(number)s") % {"number": number}
        if not isinstance(item, dict):
            parsed.errors.append(ItemError(ref, "", _("Not an object.")))
            continue
        types = _types(item)
        kind = EVENT if types & EVENT_TYPES else POI if types & PLACE_TYPES else None
        if kind is None:
            parsed.warnings.append(
                ItemError(
                    ref, "@type", _("Type %(type)s is not imported.") % {"type": ", ".join(sorted(types))}
                )
            )
            continue
        external_id = str(item.get("@id") or item.get("identifier") or item.get("url") or "").strip()
        if not external_id:
            parsed.errors.append(ItemError(ref, "@id", _("The item has no @id, identifier or url.")))
            continue
        parsed.seen.add(external_id)
        try:
            parsed.records.append(_record(kind, item, external_id, ref))
        except _ItemError as error:
            parsed.errors.append(ItemError(ref, error.field, error.message, external_id))
    return parsed


def _items(document) -> list:
    if isinstance(document, list):
        return (
            [entry for part in document for entry in _items(part)]
            if any(
                isinstance(part, dict) and ("@graph" in part or "itemListElement" in part)
                for part in document
            )
            else document
        )
    if not isinstance(document, dict):
        return []
    if "@graph" in document:
        return _items(document["@graph"])
    if "itemListElement" in document:
        return [
            entry.get("item", entry) if isinstance(entry, dict) and "item" in entry else entry
            for entry in document["itemListElement"]
        ]
    return [document]


def _types(item: dict) -> set[str]:
    value = item.get("@type", [])
    return {str(entry).rsplit("/", 1)[-1] for entry in (value if isinstance(value, list) else [value])}


class _ItemError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def _text(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or value.get("url") or ""
    return str(value or "").strip()


def _moment(item: dict, name: str) -> datetime | date | None:
    text = _text(item.get(name))
    if not text:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise _ItemError(name, _("“%(value)s” is not an ISO 8601 date or time.") % {"value": text}) from None


def _address(item: dict) -> Location:
    location = Location(name=_text(item.get("name")))
    address = item.get("address")
    if isinstance(address, dict):
        location.street = _text(address.get("streetAddress"))
        location.postal_code = _text(address.get("postalCode"))
        location.locality = _text(address.get("addressLocality"))
    elif isinstance(address, str):
        location.text = address
    geo = item.get("geo")
    if isinstance(geo, dict):
        location.latitude, location.longitude = (
            coordinate(geo.get("latitude")),
            coordinate(geo.get("longitude")),
        )
    location.text = location.text or ", ".join(
        part
        for part in (location.name, location.street, f"{location.postal_code} {location.locality}".strip())
        if part
    )
    return location


def _record(kind: str, item: dict, external_id: str, ref: str) -> Record:
    title = _text(item.get("name"))
    if not title:
        raise _ItemError("name", _("The item has no name."))
    fields: dict = {"title": title[:255]}
    location = None
    if kind == EVENT:
        start, end = _moment(item, "startDate"), _moment(item, "endDate")
        if start is None:
            raise _ItemError("startDate", _("The event has no startDate."))
        if isinstance(start, datetime):
            begin = local_wall(start)
            finish = local_wall(end) if isinstance(end, datetime) else None
            fields.update(
                start_date=begin.date(), start_time=begin.time().replace(microsecond=0), all_day=False
            )
            if finish is not None and finish > begin:
                fields.update(
                    end_date=finish.date() if finish.date() != begin.date() else None,
                    end_time=finish.time().replace(microsecond=0),
                )
            else:
                fields.update(end_date=None, end_time=None)
        else:
            last = end if isinstance(end, date) and not isinstance(end, datetime) and end > start else None
            fields.update(start_date=start, start_time=None, end_date=last, end_time=None, all_day=True)
        status = _text(item.get("eventStatus")).rsplit("/", 1)[-1]
        fields.update(
            recurrence_rule="",
            excluded_dates=[],
            extra_dates=[],
            status="cancelled" if status == "EventCancelled" else "scheduled",
            status_note="",
        )
        offers = item.get("offers")
        offer = offers[0] if isinstance(offers, list) and offers else offers
        fields["ticket_url"] = _text(offer.get("url")) if isinstance(offer, dict) else ""
        place = item.get("location")
        place = place[0] if isinstance(place, list) and place else place
        if isinstance(place, dict):
            location = _address(place)
        elif isinstance(place, str) and place.strip():
            location = Location(text=place.strip(), name=place.strip())
    else:
        place = _address(item)
        fields.update(
            street=place.street,
            postal_code=place.postal_code,
            locality=place.locality,
            latitude=place.latitude,
            longitude=place.longitude,
            phone=_text(item.get("telephone")),
            email=_text(item.get("email")).removeprefix("mailto:"),
            website=_text(item.get("url")),
        )
    image = _text(item.get("image"))
    return Record(
        external_id=external_id,
        type=kind,
        ref=ref,
        fields=fields,
        description=_text(item.get("description")),
        location=location,
        image_url=image if image.startswith(("http://", "https://")) else "",
    )
