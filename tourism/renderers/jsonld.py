"""schema.org JSON-LD for detail answers, built from the API data so both always agree."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse

if TYPE_CHECKING:
    from cms.api.context import ApiContext

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
