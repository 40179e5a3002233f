"""schema.org NewsArticle JSON-LD, built from the news detail data so both always agree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .jsonld import _clean, _day, _image, item_facts

if TYPE_CHECKING:
    from cms.core.context import ApiContext


def news_jsonld(data: dict, ctx: ApiContext) -> dict:
    """A schema.org NewsArticle from the API's news detail (or list item) data."""
    facts = item_facts(data, ctx)
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            **facts,
            "headline": data["title"],
            "description": data.get("teaser"),
            "datePublished": _day(data.get("date")),
            "image": _image(data),
            "mainEntityOfPage": data["url"],
            "articleSection": [category["name"] for category in data.get("categories", [])],
            "publisher": facts["sdPublisher"],  # the town publishes both the article and its data
        }
    )
