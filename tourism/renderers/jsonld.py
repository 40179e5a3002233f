"""schema.org JSON-LD for detail answers, built from the API data so both always agree."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse

if TYPE_CHECKING:
    from cms.core.context import ApiContext

JSONLD = "application/ld+json"
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
    "moved_online": "https://schema.org/EventMovedOnline",
}


def wants_jsonld(request: HttpRequest) -> bool:
    if request.GET.get("format") == "jsonld":
        return True
    accept = request.headers.get("Accept", "")
    return JSONLD in accept and "application/json" not in accept.split(JSONLD)[0]


def jsonld_response(document: dict) -> HttpResponse:
    return HttpResponse(json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False), content_type=JSONLD)


def _image(data: dict) -> list[str] | None:
    image = data.get("image")
    return [image["renditions"]["hero"]["url"], image["renditions"]["og"]["url"]] if image else None


def _address(location: dict) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": location.get("street", ""),
        "postalCode": location.get("postal_code", ""),
        "addressLocality": location.get("locality", ""),
        "addressCountry": "DE",
    }


def _geo(location: dict) -> dict | None:
    if location.get("lat") is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": location["lat"], "longitude": location["lng"]}


def _clean(document: dict) -> dict:
    return {key: value for key, value in document.items() if value not in (None, "", [], {})}


def opening_hours_specification(hours: dict) -> list[dict]:
    specs = []
    for rule in hours["weekly"]:
        spec = {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{DAY_NAMES[day]}" for day in rule["weekdays"]],
            "opens": rule["opens"],
            "closes": rule["closes"],
        }
        if rule["valid_from"] and len(rule["valid_from"]) == 10:
            spec.update(validFrom=rule["valid_from"], validThrough=rule["valid_to"])
        specs.append(spec)
    for exc in hours["exceptions"]:
        specs.append(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": exc["date_from"],
                "validThrough": exc["date_to"],
                "opens": "00:00" if exc["closed"] else exc["opens"],
                "closes": "00:00" if exc["closed"] else exc["closes"],
            }
        )
    return specs


def poi_jsonld(data: dict, ctx: ApiContext, schema_types: list[str] | None = None) -> dict:
    types = ["TouristAttraction", *(schema_types or [])]
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": types if len(types) > 1 else types[0],
            "@id": data["url"],
            "name": data["title"],
            "description": data["teaser"],
            "url": data["url"],
            "inLanguage": data["locale"],
            "image": _image(data),
            "address": _address(data["location"]),
            "geo": _geo(data["location"]),
            "telephone": data.get("contact", {}).get("phone"),
            "email": data.get("contact", {}).get("email"),
            "sameAs": data.get("contact", {}).get("website"),
            "isAccessibleForFree": data.get("prices", {}).get("free"),
            "openingHoursSpecification": opening_hours_specification(data["opening_hours"])
            if "opening_hours" in data
            else None,
        }
    )


def _place(data: dict) -> dict | None:
    if data.get("online_url") and data.get("status") == "moved_online":
        return {"@type": "VirtualLocation", "url": data["online_url"]}
    venue, location = data.get("venue"), data.get("location")
    if not venue and not location:
        return None
    location = (venue or {}).get("location") or location or {}
    return _clean(
        {
            "@type": "Place",
            "name": (venue or {}).get("title") or location.get("street"),
            "address": _address(location),
            "geo": _geo(location),
        }
    )


def event_jsonld(data: dict) -> dict:
    prices = data.get("prices", {})
    offers = None
    if data.get("ticket_url") or prices.get("text") or prices.get("free"):
        offers = _clean(
            {
                "@type": "Offer",
                "url": data.get("ticket_url") or data["url"],
                "price": 0 if prices.get("free") else None,
                "priceCurrency": "EUR",
                "description": prices.get("text"),
            }
        )
    organizer = data.get("organizer")
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "@id": data["url"],
            "name": data["title"],
            "description": data["teaser"],
            "url": data["url"],
            "inLanguage": data["locale"],
            "startDate": data["start"].isoformat(),
            "endDate": data["end"].isoformat(),
            "eventStatus": EVENT_STATUS.get(data["status"], EVENT_STATUS["scheduled"]),
            "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
            if data["status"] == "moved_online"
            else "https://schema.org/OfflineEventAttendanceMode",
            "location": _place(data),
            "image": _image(data),
            "isAccessibleForFree": data.get("free"),
            "offers": offers,
            "organizer": _clean(
                {"@type": "Organization", "name": organizer["name"], "url": organizer["website"]}
            )
            if organizer
            else None,
        }
    )


def jsonld_openapi(what: str) -> dict:
    """OpenAPI note for a detail that also answers JSON-LD."""
    return {"responses": {200: {"description": f"{what} (JSON, or JSON-LD)", "content": {JSONLD: {}}}}}


def detail_answer(request: HttpRequest, data: dict):
    """The detail as JSON, or its embedded JSON-LD when the client asks for linked data."""
    return jsonld_response(data["jsonld"]) if wants_jsonld(request) else data
