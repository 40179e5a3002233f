"""schema.org NewsArticle JSON-LD, built from the news detail data so both always agree."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from cms.core.timezone import LOCAL_TZ

from .jsonld import _clean, _day, _image, item_facts

if TYPE_CHECKING:
    from cms.core.context import ApiContext


def _moment(value: datetime | str | None) -> str | None:
    """ISO 8601 with offset in Europe/Berlin, as a string (so JSON and JSON-LD answers agree)."""
    if value is None or isinstance(value, str):
        return value
    return value.astimezone(LOCAL_TZ).replace(microsecond=0).isoformat()


def news_jsonld(data: dict, ctx: ApiContext) -> dict:
    """A schema.org NewsArticle from the API's news detail (or list item) data."""
    publisher = _clean({"@type": "Organization", "name": ctx.facts.publisher, "url": ctx.website_url})
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            **item_facts(data, ctx),
            "headline": data["title"],
            "description": data.get("teaser"),
            "datePublished": _day(data.get("date")),
            "dateModified": _moment(data.get("last_published_at")),
            "image": _image(data),
            "mainEntityOfPage": data["url"],
            "articleSection": [category["name"] for category in data.get("categories", [])],
            "publisher": publisher,
        }
    )
