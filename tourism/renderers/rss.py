"""RSS 2.0 feeds of news list items, built with Django's standard feed generator."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from django.http import HttpResponse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from cms.core.timezone import LOCAL_TZ

RSS = Rss201rev2Feed.content_type  # application/rss+xml; charset=utf-8
ENCLOSURE_RENDITION = "card"
ENCLOSURE_TYPE = "image/webp"
# XML 1.0 cannot carry these; Django's XML writer refuses them, so they are dropped rather than a 500.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class FeedInfo:
    title: str
    link: str
    description: str
    language: str
    feed_url: str | None = None


def _text(value: str | None) -> str:
    return _CONTROL.sub("", value or "")


def pub_date(day: date | None, published: datetime | None) -> datetime | None:
    """The article's date: the publishing moment when it was published that day, else local midnight."""
    if day is None:
        return published.astimezone(LOCAL_TZ) if published else None
    if published is not None and published.astimezone(LOCAL_TZ).date() == day:
        return published.astimezone(LOCAL_TZ).replace(microsecond=0)
    return datetime.combine(day, time(0), tzinfo=LOCAL_TZ)


def enclosure(item: dict) -> Enclosure | None:
    """The item's image as an enclosure; RSS requires a length, and 0 says it is not known."""
    image = item.get("image")
    rendition = (image or {}).get("renditions", {}).get(ENCLOSURE_RENDITION)
    if not rendition:
        return None
    return Enclosure(rendition["url"], "0", ENCLOSURE_TYPE)


def news_feed(info: FeedInfo, items: list[dict]) -> str:
    """RSS 2.0 XML for news list items (as produced by the news list serializer)."""
    feed = Rss201rev2Feed(
        title=_text(info.title),
        link=info.link,
        description=_text(info.description),
        language=info.language,
        feed_url=info.feed_url,
    )
    for item in items:
        image = enclosure(item)
        feed.add_item(
            title=_text(item["title"]),
            link=item["url"],
            description=_text(item.get("teaser")),
            pubdate=pub_date(item.get("date"), item.get("last_published_at")),
            unique_id=item["url"],
            unique_id_is_permalink=True,
            categories=[_text(category["name"]) for category in item.get("categories", [])],
            enclosures=[image] if image else None,
        )
    return feed.writeString("utf-8")


def rss_response(xml: str) -> HttpResponse:
    return HttpResponse(xml, content_type=RSS)
