"""Search and suggest over POIs, events and news: /api/v1/search and /api/v1/search/suggest.

Hits come from search.services (own table or engine); items are the list items of the pois, events
and news endpoints with their `type`, loaded with the same prefetches (a fixed number of queries
whatever the page size).
"""

from typing import Annotated, Literal

from django.db.models import F, OuterRef, Subquery
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router
from pydantic import Field

from cms.core import registry
from cms.core.compiled import CompiledQuery
from cms.core.context import ApiContext, api_context, rule_key
from cms.core.pagination import envelope
from cms.core.params import ListParams, strict_query
from cms.core.problems import PROBLEM_RESPONSES, Problem, bad_param
from cms.core.schema import Schema
from cms.core.timezone import LOCAL_TZ
from cms.core.visibility import visible_pages
from media.schemas import preload_images
from tourism.items.common import item_base, with_category_ids
from tourism.items.events import EVENT_ITEM_FIELDS, OccurrenceItem, event_fields, venue_translations
from tourism.items.news import NEWS_ITEM_FIELDS, NewsItem, news_item
from tourism.items.pois import PoiItem, poi_item, with_item_prefetches
from tourism.models import EVENT, NEWS, POI, Event, EventOccurrence, NewsArticle, PointOfInterest

from . import services
from .database import Hit, SearchFilters
from .errors import SearchUnavailable, unavailable_problem

router = Router(tags=["Search"])

KIND_NAMES = tuple(content_type.name for content_type in registry.searchable())
Kind = Literal[KIND_NAMES]
TYPE_HELP = f"{', '.join(KIND_NAMES[:-1])} or {KIND_NAMES[-1]}; repeat for several (default: all)."


class SearchParams(Schema):
    q: str = Field(
        ...,
        min_length=1,
        max_length=200,
        description='Words to find (1–200 characters, at most 32 words); "phrase", OR and -word work.',
    )
    type: list[str] = Field([], description=TYPE_HELP)
    category: list[str] = Field([], description="Category slug; repeat for any of several.")
    past: bool = Field(False, description="Include events with no date still to come.")


class SuggestParams(Schema):
    q: str = Field(..., min_length=1, max_length=200, description="What was typed so far.")
    type: list[str] = Field([], description=TYPE_HELP)
    locale: str | None = Field(None, max_length=10, description="Language code, e.g. de or en.")
    fallback: bool = Field(True, description="Include source-language items without a live translation.")


class PoiHit(PoiItem):
    type: Literal[POI.name]


class EventHit(OccurrenceItem):
    """An event with its next date (its last one for past events); `id` is the event's id."""

    type: Literal[EVENT.name]


class NewsHit(NewsItem):
    type: Literal[NEWS.name]


SearchItem = Annotated[PoiHit | EventHit | NewsHit, Field(discriminator="type")]


class SearchResults(Schema):
    count: int
    next: str | None
    previous: str | None
    items: list[SearchItem]


class Suggestion(Schema):
    title: str
    type: Kind
    api_url: str


SEARCH_RESPONSES = {**PROBLEM_RESPONSES, 503: Problem}


def _filters(ctx: ApiContext, kinds: list[str], categories: list[str] = (), past: bool = False):
    known = [content_type.name for content_type in registry.searchable()]
    unknown = [kind for kind in kinds if kind not in known]
    if unknown:
        raise bad_param("type", f"unknown type '{unknown[0][:20]}'; one of {', '.join(known)}")
    return SearchFilters(kinds=tuple(kinds), categories=tuple(categories), past=past, now=ctx.now)


def _run(call):
    try:
        return call()
    except services.QueryTooLarge as exc:
        raise bad_param("q", str(exc)) from None
    except SearchUnavailable as exc:
        raise unavailable_problem(exc) from None


def event_items(ids: list[int], ctx: ApiContext) -> dict[int, dict]:
    """Events as list items with their next date (or last one), in a fixed number of queries.

    The events' row names the occurrence to show (its id, two subqueries); that occurrence's dates
    come in one query by key: a subquery per column (six) cost more to build than the query.
    """
    shape = rule_key(ctx)
    events = _EVENTS(shape, ids=list(ids), now=timezone.now(), moment=ctx.now)
    shown = [event.next_id or event.last_id for event in events]
    wanted = [pk for pk in shown if pk is not None]
    dates = {pk: (start, end, all_day) for pk, start, end, all_day in _DATES(ids=wanted)} if wanted else {}
    venues = venue_translations(events, ctx)
    preload_images(ctx, [event.image_id for event in events])
    items = {}
    for event, occurrence in zip(events, shown, strict=True):
        start, end, all_day = dates.get(occurrence) or (event.start, event.end, event.all_day)
        items[event.pk] = {
            **item_base(event, ctx),
            "event_id": event.pk,
            "start": start.astimezone(LOCAL_TZ),
            "end": end.astimezone(LOCAL_TZ),
            "all_day": all_day,
            **event_fields(event, ctx, venues),
        }
    return items


def _events(shape: tuple, *, ids, now, moment):
    """The hits' events with what their items read: the occurrence to show (`next_id`, else
    `last_id`), the category ids and the venue's key in the row (no venue object, no prefetch)."""
    site, _rule = shape
    upcoming = EventOccurrence.objects.filter(event=OuterRef("pk"), end__gt=moment).order_by("start")
    latest = EventOccurrence.objects.filter(event=OuterRef("pk")).order_by("-start")
    events = visible_pages(Event.objects.filter(pk__in=ids), site, now).only(
        *EVENT_ITEM_FIELDS, "start_date", "start_time", "end_date", "end_time", "all_day"
    )
    return with_category_ids(events).annotate(
        venue_key=F("venue__translation_key"),
        next_id=Subquery(upcoming.values("pk")[:1]),
        last_id=Subquery(latest.values("pk")[:1]),
    )


def _dates(shape: tuple, *, ids):
    return EventOccurrence.objects.filter(pk__in=ids).values_list("pk", "start", "end", "all_day")


def _pois(shape: tuple, *, ids, now):
    site, _rule = shape
    return with_item_prefetches(visible_pages(PointOfInterest.objects.filter(pk__in=ids), site, now), None)


def _news(shape: tuple, *, ids, now):
    site, _rule = shape
    articles = visible_pages(NewsArticle.objects.filter(pk__in=ids), site, now)
    return with_category_ids(articles.only(*NEWS_ITEM_FIELDS))


# Built and compiled once per shape in each process (cms.core.compiled): most of a search's CPU
# went to building these four queries.
_EVENTS, _DATES, _POIS, _NEWS = (CompiledQuery(build) for build in (_events, _dates, _pois, _news))


def hit_items(hits: list[Hit], ctx: ApiContext) -> list[dict]:
    """The hits as list items, in hit order; each is loaded through the visibility rule on its page
    row, so a page hidden since it was indexed is left out whatever the search table says."""
    ids = {
        kind.name: [hit.page_id for hit in hits if hit.kind == kind.name] for kind in registry.searchable()
    }
    items: dict[int, dict] = {}
    shape = rule_key(ctx)
    if ids[POI.name]:
        pois = _POIS(shape, ids=ids[POI.name], now=timezone.now())
        preload_images(ctx, [poi.image_id for poi in pois])
        items.update({poi.pk: poi_item(poi, ctx) for poi in pois})
    if ids[EVENT.name]:
        items.update(event_items(ids[EVENT.name], ctx))
    if ids[NEWS.name]:
        articles = _NEWS(shape, ids=ids[NEWS.name], now=timezone.now())
        preload_images(ctx, [article.image_id for article in articles])
        items.update({article.pk: news_item(article, ctx) for article in articles})
    return [items[hit.page_id] for hit in hits if hit.page_id in items]


@router.get("/search", response={200: SearchResults, **SEARCH_RESPONSES}, summary="Search content")
@strict_query(ListParams, SearchParams, before_validation=True)
def search(request: HttpRequest, params: Query[ListParams], filters: Query[SearchParams]):
    """POIs, events (upcoming only unless `past=true`) and news matching `q` in the requested language,
    best first; titles weigh more than body text, and words match in their inflected forms.

    Consumers: the city website's search page, partner apps. 503 with `Retry-After` while the search
    engine is unreachable.
    """
    ctx = api_context(request, params.locale, params.fallback)
    search_filters = _filters(ctx, filters.type, filters.category, filters.past)
    found = _run(
        lambda: services.find(ctx.site, ctx.choice, filters.q, search_filters, params.limit, params.offset)
    )
    return envelope(ctx, found.count, params.limit, params.offset, hit_items(found.hits, ctx))


@router.get(
    "/search/suggest", response={200: list[Suggestion], **SEARCH_RESPONSES}, summary="Autocomplete titles"
)
@strict_query(SuggestParams, before_validation=True)
def suggest(request: HttpRequest, params: Query[SuggestParams]):
    """Up to ten titles for what was typed so far (the last word as a prefix), for autocomplete.

    Consumers: the search box of the city website and kiosks.
    """
    ctx = api_context(request, params.locale, params.fallback)
    suggestions = _run(lambda: services.suggest(ctx.site, ctx.choice, params.q, _filters(ctx, params.type)))
    return [
        {
            "title": title,
            "type": hit.kind,
            "api_url": ctx.api_url(registry.named(hit.kind).detail_path(hit.page_id)),
        }
        for hit, title in suggestions
    ]
