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
