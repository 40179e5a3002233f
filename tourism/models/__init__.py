from django.utils.translation import gettext_lazy as _

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
from .intake import ImportedItem, ImportRun, ImportSource, OnDisappear, RunStatus, SourceKind
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
from .snippets import Category, Organizer

# The content types of /api/v1/ (cms.core.registry): type, collection, model, polled feeds.
POI = registry.register(
    ContentType(
        "poi",
        "pois",
        PointOfInterest,
        _("Point of interest"),
        _("Points of interest"),
        feeds=("pois.geojson",),
    )
)
EVENT = registry.register(
    ContentType("event", "events", Event, _("Event"), _("Events"), feeds=("events.ics",))
)
NEWS = registry.register(
    ContentType("news", "news", NewsArticle, _("News"), _("News items"), feeds=("news.rss",))
)

__all__ = [
    "Audience",
    "Category",
    "Event",
    "EventExcludedDate",
    "EventExtraDate",
    "EventIndexPage",
    "EventOccurrence",
    "EventStatus",
    "EventTag",
    "ImportRun",
    "ImportSource",
    "ImportedItem",
    "NewsArticle",
    "NewsArticleRelatedPage",
    "NewsArticleTag",
    "NewsIndexPage",
    "OnDisappear",
    "OpeningHoursException",
    "OpeningHoursRule",
    "Organizer",
    "PointOfInterest",
    "PointOfInterestGalleryImage",
    "PointOfInterestIndexPage",
    "PointOfInterestRelatedPage",
    "PointOfInterestTag",
    "RunStatus",
    "SourceKind",
    "Wheelchair",
]
