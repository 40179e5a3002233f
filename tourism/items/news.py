"""News as the API shows it: the list (newest first, filters tag/category/since), the detail with
related content and its schemas; the routes (JSON, RSS 2.0) are in tourism.api.news."""

import datetime as dt

from django.db.models import Prefetch
from django.utils import timezone
from pydantic import Field

from cms.core.compiled import CompiledQuery
from cms.core.context import ApiContext, rule_key, visible, visible_to
from cms.core.params import parse_day
from cms.core.schema import Schema
from cms.core.visibility import visible_pages
from media.bodies import learn_streams, stream_data
from media.schemas import ImageOut, item_image, preload_images

from ..models import NewsArticle, NewsArticleRelatedPage, NewsIndexPage
from ..renderers.jsonld_news import news_jsonld
from ..renderers.rss import FeedInfo, news_feed
from .common import (
    ITEM_BASE_FIELDS,
    CategoryOut,
    ItemBase,
    TranslationOut,
    categories_data,
    categories_prefetch,
    item_base,
    translations_of,
    with_category_ids,
)
from .pois import RelatedOut, related_of

FEED_SIZE = 50


class NewsFilters(Schema):
    tag: str | None = Field(None, max_length=100, description="Tag slug.")
    category: list[str] = Field([], description="Category slug; repeat for any of several.")
    since: str | None = Field(None, description="Only articles dated on or after this day (YYYY-MM-DD).")


class FeedParams(Schema):
    """The feed is always the newest 50, so it takes no paging parameters."""

    locale: str | None = Field(None, max_length=10, description="Language code, e.g. de or en.")
    fallback: bool = Field(True, description="Include source-language items without a live translation.")


class NewsItem(ItemBase):
    date: dt.date
    categories: list[CategoryOut]
    image: ImageOut | None


class NewsList(Schema):
    count: int
    next: str | None
    previous: str | None
    items: list[NewsItem]


class NewsDetail(NewsItem):
    body: list[dict]
    related: list[RelatedOut]
    translations: list[TranslationOut]
    jsonld: dict


# The columns `news_item` reads: building 50 whole articles (body and all) for a feed cost more
# than the feed's query and its XML.
NEWS_ITEM_FIELDS = (*ITEM_BASE_FIELDS, "date", "image")


def news_queryset(ctx: ApiContext, filters: NewsFilters):
    """Visible articles in the answer's language (with fallback), filtered, newest first, prefetched."""
    since = parse_day("since", filters.since)
    queryset = visible(ctx, NewsArticle)
    if filters.tag:
        queryset = queryset.filter(tags__slug=filters.tag)
    if filters.category:
        queryset = queryset.filter(categories__slug__in=filters.category)
    if filters.tag or filters.category:
        queryset = queryset.distinct()
    if since is not None:
        queryset = queryset.filter(date__gte=since)
    # Images: `preload_images` for the page that is answered.
    return (
        queryset.only(*NEWS_ITEM_FIELDS).prefetch_related(categories_prefetch(ctx)).order_by("-date", "-pk")
    )


def feed_articles(ctx: ApiContext, filters: NewsFilters) -> list[NewsArticle]:
    """The feed's newest articles: without a tag or category filter (a DISTINCT query through the
    ORM) by SQL compiled once per shape, with their category ids in their rows (`with_category_ids`)."""
    if filters.tag or filters.category:
        return list(news_queryset(ctx, filters)[:FEED_SIZE])
    since = parse_day("since", filters.since)
    shape = rule_key(ctx, since is not None)
    values = {"since": since} if since is not None else {}
    locales = [locale.pk for locale in ctx.choice.answering]
    return _FEED(shape, now=timezone.now(), locales=locales, **values)


def _feed_query(shape: tuple, *, now: dt.datetime, locales, since: dt.date | None = None):
    site, _rule, _since = shape
    queryset = visible_to(NewsArticle, site, now, locales)
    if since is not None:
        queryset = queryset.filter(date__gte=since)
    return with_category_ids(queryset.only(*NEWS_ITEM_FIELDS).order_by("-date", "-pk"))[:FEED_SIZE]


_FEED = CompiledQuery(_feed_query)


def news_item(article: NewsArticle, ctx: ApiContext) -> dict:
    return {
        **item_base(article, ctx),
        "date": article.date,
        "categories": categories_data(article, ctx),
        "image": item_image(article, ctx),
    }


def news_detail(article: NewsArticle, ctx: ApiContext) -> dict:
    return news_details([article], ctx)[0]


def news_details(articles: list[NewsArticle], ctx: ApiContext) -> list[dict]:
    """Details of articles loaded with `detail_queryset`, what they link to read for all at once."""
    learn_streams([article.body for article in articles], ctx)
    preload_images(ctx, [article.image_id for article in articles])
    related = related_of([article.related_links.all() for article in articles], ctx)
    translations = translations_of(articles, ctx)
    details = []
    for index, article in enumerate(articles):
        data = news_item(article, ctx)
        data.update(
            {
                "body": stream_data(article.body, ctx),
                "related": related[index],
                "translations": translations[index],
            }
        )
        data["jsonld"] = news_jsonld(data, ctx)
        details.append(data)
    return details


def _index_query(shape: tuple, *, now: dt.datetime, locales):
    site, _rule = shape
    indexes = visible_pages(NewsIndexPage.objects.all(), site, now).filter(locale_id__in=locales)
    return indexes.only("pk", "title", "locale_id", "search_description")


_INDEXES = CompiledQuery(_index_query)


def feed_info(ctx: ApiContext) -> FeedInfo:
    """Channel texts: the news index page's title in the answer's language (else along its chain)."""
    site_name = ctx.site.site_name
    index = min(
        _INDEXES(rule_key(ctx), now=timezone.now(), locales=list(ctx.choice.preference_ids)),
        key=lambda page: (ctx.choice.rank(page.locale_id), page.pk),
        default=None,
    )
    parts = [name for name in (site_name, index.title if index else "") if name]
    title = ": ".join(parts) or ctx.website_url
    return FeedInfo(
        title=title,
        link=ctx.website_url,
        description=(index.search_description if index else "") or title,
        language=ctx.code,
        feed_url=ctx.request.build_absolute_uri(),
    )


def news_rss(ctx: ApiContext, filters: NewsFilters) -> str:
    articles = feed_articles(ctx, filters)
    preload_images(ctx, [article.image_id for article in articles])
    return news_feed(feed_info(ctx), [news_item(article, ctx) for article in articles])


def detail_queryset(queryset, ctx: ApiContext):
    """What a detail reads beside its row; the image comes from `preload_images` (news_details)."""
    return queryset.prefetch_related(
        categories_prefetch(ctx),
        Prefetch("related_links", queryset=NewsArticleRelatedPage.objects.select_related("target")),
    )
