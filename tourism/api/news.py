"""Routes of /api/v1/news: parse, call and shape (the item builders are in tourism.items.news)."""

from django.http import HttpRequest
from ninja import Query, Router

from cms.core.context import api_context
from cms.core.pagination import envelope, page_of
from cms.core.params import DetailParams, ListParams, strict_query
from cms.core.problems import PROBLEM_RESPONSES
from media.schemas import preload_images

from ..items.common import get_detail
from ..items.news import (
    FeedParams,
    NewsDetail,
    NewsFilters,
    NewsList,
    detail_queryset,
    news_detail,
    news_item,
    news_queryset,
    news_rss,
)
from ..models import NEWS, NewsArticle
from ..renderers.jsonld import detail_answer, jsonld_openapi
from ..renderers.rss import rss_response

router = Router(tags=["News"])


@router.get(
    f"/{NEWS.collection}", response={200: NewsList, **PROBLEM_RESPONSES}, summary="List news articles"
)
@strict_query(ListParams, NewsFilters)
def list_news(request: HttpRequest, params: Query[ListParams], filters: Query[NewsFilters]):
    """News of the tourism office and the city press office, newest first, in the requested language.

    Consumers: the city website's news pages and teasers, kiosks' tickers, partner apps.
    """
    ctx = api_context(request, params.locale, params.fallback)
    queryset = news_queryset(ctx, filters)
    count, page = page_of(queryset, params.limit, params.offset)
    preload_images(ctx, [article.image_id for article in page])
    return envelope(ctx, count, params.limit, params.offset, [news_item(article, ctx) for article in page])


@router.get(
    f"/{NEWS.collection}.rss",
    response={200: str, **PROBLEM_RESPONSES},
    summary="News as RSS 2.0",
    openapi_extra={"responses": {200: {"description": "RSS 2.0", "content": {"application/rss+xml": {}}}}},
)
@strict_query(FeedParams, NewsFilters)
def news_feed_view(request: HttpRequest, params: Query[FeedParams], filters: Query[NewsFilters]):
    """The newest 50 articles (same filters as the list), with guid, pubDate, link and image enclosure.

    Consumers: feed readers, partner portals, the city's newsletter tool.
    """
    ctx = api_context(request, params.locale, params.fallback)
    return rss_response(news_rss(ctx, filters))


@router.get(
    f"/{NEWS.collection}/{{news_id}}",
    response={200: NewsDetail, **PROBLEM_RESPONSES},
    summary="One news article",
    openapi_extra=jsonld_openapi("The article"),
)
@strict_query(DetailParams)
def get_news(request: HttpRequest, news_id: str, params: Query[DetailParams]):
    """An article with its body, related places and events, language versions and JSON-LD.

    Consumers: the city website's article page, partner apps; `?format=jsonld` for search engines.
    """
    ctx = api_context(request, params.locale)
    article, ctx = get_detail(NewsArticle.objects.all(), news_id, ctx, detail_queryset)
    data = news_detail(article, ctx)
    return detail_answer(request, data)
