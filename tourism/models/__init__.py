from cms.core import registry
from cms.core.registry import ContentType

from .events import (
    Audience,
    Event,
    EventExcludedDate,
    EventExtraDate,
    EventIndexPage,
    EventOccurrence,
    EventStatus,
    EventTag,
)
from .news import NewsArticle, NewsArticleRelatedPage, NewsArticleTag, NewsIndexPage
from .opening_hours import OpeningHoursException, OpeningHoursRule
from .pois import (
    PointOfInterest,
    PointOfInterestGalleryImage,
    PointOfInterestIndexPage,
    PointOfInterestRelatedPage,
    PointOfInterestTag,
    Wheelchair,
)
from .snippets import Category, CategoryKind, Organizer

# The content types of /api/v1/ (cms.core.registry): type, collection, model, polled feeds.
POI = registry.register(ContentType("poi", "pois", PointOfInterest, feeds=("pois.geojson",)))
EVENT = registry.register(ContentType("event", "events", Event, feeds=("events.ics",)))
NEWS = registry.register(ContentType("news", "news", NewsArticle, feeds=("news.rss",)))

__all__ = [
    "Audience",
    "Category",
    "CategoryKind",
    "Event",
    "EventExcludedDate",
    "EventExtraDate",
    "EventIndexPage",
    "EventOccurrence",
    "EventStatus",
    "EventTag",
    "NewsArticle",
    "NewsArticleRelatedPage",
    "NewsArticleTag",
    "NewsIndexPage",
    "OpeningHoursException",
    "OpeningHoursRule",
    "Organizer",
    "PointOfInterest",
    "PointOfInterestGalleryImage",
    "PointOfInterestIndexPage",
    "PointOfInterestRelatedPage",
    "PointOfInterestTag",
    "Wheelchair",
]
