"""schema.org JSON-LD for detail answers, built from the API data so both always agree."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse

from cms.core.timezone import LOCAL_TZ

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


# Accessibility facts of a place → schema.org amenityFeature names (LocationFeatureSpecification).
AMENITIES = {
    "step_free_entrance": "Step-free entrance",
    "accessible_toilet": "Accessible toilet",
    "hearing_loop": "Hearing loop",
    "guide_dogs": "Guide dogs welcome",
    "disabled_parking": "Disabled parking",
}
WHEELCHAIR = {"yes": True, "partial": True, "no": False}


def image_object(image: dict) -> dict:
    """An image as the knowledge graph takes it: its own licence and credit, not the dataset's."""
    hero = image["renditions"]["hero"]
    return _clean(
        {
            "@type": "ImageObject",
            "contentUrl": hero["url"],
            "url": hero["url"],
            "width": hero["width"],
            "height": hero["height"],
            "thumbnailUrl": image["renditions"]["og"]["url"],
            "caption": image.get("caption") or image.get("alt"),
            "license": image.get("license_url"),
            "acquireLicensePage": image.get("license_url"),
            "creditText": image.get("credit"),
            "copyrightNotice": image.get("credit"),
        }
    )


def _image(data: dict) -> list[dict] | None:
    images = [data["image"]] if data.get("image") else []
    images += data.get("gallery") or []
    return [image_object(image) for image in images] or None


def item_facts(data: dict, ctx: ApiContext) -> dict:
    """What every item says about itself to the knowledge graph: a stable id (its API address, which
    survives a new slug), where to read it, when it changed, in which language, and under what terms
    its data is published (the site's dataset licence; images keep their own)."""
    return {
        "@id": data["api_url"],
        "identifier": f"{data['type']}:{data['id']}",
        "url": data["url"],
        "inLanguage": data["locale"],
        "dateModified": moment(data.get("last_published_at")),
        "sdPublisher": _clean({"@type": "Organization", "name": ctx.facts.publisher, "url": ctx.website_url}),
        "license": ctx.facts.licence_url,
        "sdLicense": ctx.facts.licence_url,
    }


def _amenities(accessibility: dict | None) -> list[dict] | None:
    if not accessibility:
        return None
    features = [
        {"@type": "LocationFeatureSpecification", "name": name, "value": True}
        for key, name in AMENITIES.items()
        if accessibility.get(key)
    ]
    wheelchair = WHEELCHAIR.get(accessibility.get("wheelchair", ""))
    if wheelchair is not None:
        name = (
            "Wheelchair accessible"
            if accessibility["wheelchair"] == "yes"
            else "Partly wheelchair accessible"
        )
        features.append({"@type": "LocationFeatureSpecification", "name": name, "value": wheelchair})
    return features or None


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


def moment(value: datetime | str | None) -> str | None:
    """ISO 8601 with offset in Europe/Berlin, as a string (so JSON and JSON-LD answers agree)."""
    if value is None or isinstance(value, str):
        return value
    return value.astimezone(LOCAL_TZ).replace(microsecond=0).isoformat()


def _day(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


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
            **item_facts(data, ctx),
            "name": data["title"],
            "description": data["teaser"],
            "keywords": data.get("tags"),  # the editors' tags, which partners search by
            "image": _image(data),
            "address": _address(data["location"]),
            "geo": _geo(data["location"]),
            "telephone": data.get("contact", {}).get("phone"),
            "email": data.get("contact", {}).get("email"),
            "sameAs": data.get("contact", {}).get("website"),
            "isAccessibleForFree": data.get("prices", {}).get("free"),
            "amenityFeature": _amenities(data.get("accessibility")),
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


def event_jsonld(data: dict, ctx: ApiContext) -> dict:
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
            **item_facts(data, ctx),
            "name": data["title"],
            "description": data["teaser"],
            "startDate": data["start"].isoformat(),
            "endDate": data["end"].isoformat(),
            "eventStatus": EVENT_STATUS.get(data["status"], EVENT_STATUS["scheduled"]),
            "previousStartDate": _day(data.get("previous_start_date"))
            if data["status"] in ("rescheduled", "postponed")
            else None,
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
