"""schema.org NewsArticle JSON-LD, built from the news detail data so both always agree."""

from __future__ import annotations

from datetime import datetime

from cms.core.timezone import LOCAL_TZ

PUBLISHER = "Stadt Haldensleben"


def _moment(value: datetime | str | None) -> str | None:
    """ISO 8601 with offset in Europe/Berlin, as a string (so JSON and JSON-LD answers agree)."""
    if value is None or isinstance(value, str):
        return value
    return value.astimezone(LOCAL_TZ).replace(microsecond=0).isoformat()


def _day(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _clean(document: dict) -> dict:
    return {key: value for key, value in document.items() if value not in (None, "", [], {})}


def news_jsonld(data: dict, publisher_url: str | None = None, publisher: str = PUBLISHER) -> dict:
    """A schema.org NewsArticle from the API's news detail (or list item) data."""
    image = data.get("image")
    images = [image["renditions"]["hero"]["url"], image["renditions"]["og"]["url"]] if image else None
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "@id": data["url"],
            "headline": data["title"],
            "description": data.get("teaser"),
            "datePublished": _day(data.get("date")),
            "dateModified": _moment(data.get("last_published_at")),
            "inLanguage": data["locale"],
            "image": images,
            "url": data["url"],
            "mainEntityOfPage": data["url"],
            "articleSection": [category["name"] for category in data.get("categories", [])],
            "publisher": _clean({"@type": "Organization", "name": publisher, "url": publisher_url}),
        }
    )
