"""Pieces every tourism item is built from: the item base, categories, translations, detail lookup."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone
from pydantic import Field

from cms.core import registry, translations, versions
from cms.core.compiled import CompiledQuery, Keyed, prefetch_one
from cms.core.context import ApiContext, api_context
from cms.core.lookups import JSONList
from cms.core.pagination import parse_id
from cms.core.problems import not_found
from cms.core.schema import Schema
from cms.core.timezone import LOCAL_TZ
from cms.core.visibility import facts_version, rule_shape, visible_pages

from ..models import Category


class CategoryOut(Schema):
    slug: str
    name: str


class LocationOut(Schema):
    lat: float | None
    lng: float | None
    street: str
    postal_code: str
    locality: str


class TranslationOut(Schema):
    locale: str
    id: int
    api_url: str


class ItemBase(Schema):
    id: int
    type: str
    locale: str
    is_fallback: bool
    fallback_locale: str | None = Field(
        description="With `is_fallback`: the language served in place of the requested one (its chain's "
        "first language with a live version), else null."
    )
    translation_outdated: bool = Field(
        description="True when this item is a translation whose source text changed after the "
        "translation was last published: the website may say it may be out of date."
    )
    title: str
    slug: str
    teaser: str
    url: str
    api_url: str
    last_published_at: datetime | None


def category_names(ctx: ApiContext) -> dict:
    """Category names in the answer's language (else along its chain) by translation key.

    Read once per version of the content in each process: the names of 20 items' categories
    through a subquery per row cost a millisecond of every list.
    """
    choice = ctx.choice
    ids = choice.preference_ids

    def load() -> dict:
        rows = Category.objects.filter(locale_id__in=ids).values_list("translation_key", "name", "locale_id")
        best = choice.best(rows, key=lambda row: row[0], locale_id=lambda row: row[2])
        return {key: row[1] for key, row in best.items()}

    return versions.remembered(
        f"category-names:{'-'.join(map(str, ids))}",
        versions.current(versions.CONTENT),
        load,
        shared=False,  # 30-odd rows: as quick to read again as to fetch from the shared cache
    )


# The order an item lists its categories in, wherever they are read (lists, details, kiosks).
CATEGORY_ORDER = ("name", "pk")


def categories_prefetch(ctx: ApiContext, lookup: str = "categories") -> Prefetch:
    """Categories of the items at `lookup` (named in the answer's language by `categories_data`)."""
    return Prefetch(lookup, queryset=Category.objects.order_by(*CATEGORY_ORDER))


def category_table() -> dict[int, tuple[int, Category]]:
    """Every category by id with its place in CATEGORY_ORDER (the database's collation decides it),
    read once per version of the content in each process; the rows are shared: never change them."""
    return versions.remembered(
        "category-table",
        versions.current(versions.CONTENT),
        lambda: {
            category.pk: (rank, category)
            for rank, category in enumerate(Category.objects.order_by(*CATEGORY_ORDER))
        },
        shared=False,
    )


def with_category_ids(
    queryset: QuerySet, field: str = "categories", model: type | None = None, item: str = "pk"
) -> QuerySet:
    """Each item's category ids in its own row (`category_ids`, None without categories): a subquery
    instead of a prefetch query; `item_categories` reads them from `category_table`. `model` and
    `item` name the item when the rows are of something else (an event's occurrences: Event,
    "event_id")."""
    model = model or queryset.model
    through = model._meta.get_field(field).remote_field.through
    columns = {f.related_model: f.attname for f in through._meta.concrete_fields if f.related_model}
    owner = columns[model]
    ids = (
        through.objects.filter(**{owner: OuterRef(item)})
        .order_by()
        .values(owner)
        .annotate(ids=JSONList(columns[Category]))
        .values("ids")
    )
    return queryset.annotate(category_ids=Subquery(ids))


def item_categories(page) -> list[Category]:
    """The item's categories in CATEGORY_ORDER: from `category_ids` where its query read them
    (`with_category_ids`), else its prefetched or in-memory (draft) categories."""
    if not hasattr(page, "category_ids"):
        return list(page.categories.all())
    table = category_table()
    ids = page.category_ids or []
    if not all(pk in table for pk in ids):  # linked after this process read the table: not yet seen
        return list(Category.objects.filter(pk__in=ids).order_by(*CATEGORY_ORDER))
    return [table[pk][1] for pk in sorted(ids, key=lambda pk: table[pk][0])]


def sort_draft_categories(page) -> None:
    """Order a draft's in-memory categories by name, as the prefetch of a saved page does."""
    ids = [category.pk for category in page.categories.all()]
    page.categories = list(Category.objects.filter(pk__in=ids).order_by(*CATEGORY_ORDER))


def categories_data(page, ctx: ApiContext) -> list[dict]:
    """Slug and name in the answer's language (the category's own name where it is not translated)."""
    names = category_names(ctx)
    return [
        {"slug": category.slug, "name": names.get(category.translation_key) or category.name}
        for category in item_categories(page)
    ]


# The columns `location_data` and `item_base` read, for `.only()` in lists (a page has 60–70).
LOCATION_FIELDS = ("latitude", "longitude", "street", "postal_code", "locality")
ITEM_BASE_FIELDS = ("title", "slug", "teaser", "url_path", "locale", "translation_key", "last_published_at")


def outdated_translations(ctx: ApiContext) -> frozenset:
    """(translation key, locale id) of the outdated translations in the answer's languages.

    One query per version of the content in each process, whatever the number of items: the flag
    changes only on publish, which raises that version.
    """
    ids = ctx.choice.preference_ids
    return versions.remembered(
        f"outdated-translations:{'-'.join(map(str, ids))}",
        versions.current(versions.CONTENT),
        lambda: translations.outdated_keys(ids),
        shared=False,
    )


def location_data(obj) -> dict:
    return {
        "lat": float(obj.latitude) if obj.latitude is not None else None,
        "lng": float(obj.longitude) if obj.longitude is not None else None,
        "street": obj.street,
        "postal_code": obj.postal_code,
        "locality": obj.locality,
    }


def item_base(page, ctx: ApiContext) -> dict[str, Any]:
    """The fields every item shares; its `type` and `api_url` come from the content-type registry."""
    content_type = registry.of_model(type(page))
    return {
        "id": page.pk,
        "type": content_type.name if content_type else registry.PAGE,
        "locale": ctx.locale_code(page.locale_id),
        "is_fallback": page.locale_id != ctx.locale.pk,
        "fallback_locale": ctx.choice.fallback_locale(page.locale_id),
        "translation_outdated": (page.translation_key, page.locale_id) in outdated_translations(ctx),
        "title": page.title,
        "slug": page.slug,
        "teaser": page.teaser,
        "url": ctx.public_url(page),
        "api_url": ctx.api_url(content_type.detail_path(page.pk)) if content_type else None,
        "last_published_at": page.last_published_at.astimezone(LOCAL_TZ) if page.last_published_at else None,
    }


def translations_data(page, ctx: ApiContext) -> list[dict]:
    """Other live language versions of a page (one query)."""
    return translations_of([page], ctx)[0]


def translations_of(pages: list, ctx: ApiContext) -> list[list[dict]]:
    """Other live language versions of each page of one model, in order (one query for them all;
    none for a detail, whose lookup read them: `get_detail`)."""
    if not pages:
        return []
    model = type(pages[0])
    content_type = registry.of_model(model)
    if all(hasattr(page, "language_versions") for page in pages):
        rows = [other for page in pages for other in page.language_versions]
    else:
        keys = {page.translation_key for page in pages}
        rows = visible_pages(model.objects.filter(translation_key__in=keys), ctx.site).only(
            "pk", "locale_id", "translation_key"
        )
    versions_by_key: dict = {}
    for other in sorted(rows, key=lambda row: (row.locale_id, row.pk)):
        versions_by_key.setdefault(other.translation_key, []).append(other)
    return [
        [
            {
                "locale": ctx.locale_code(other.locale_id),
                "id": other.pk,
                "api_url": ctx.api_url(content_type.detail_path(other.pk)),
            }
            for other in versions_by_key.get(page.translation_key, [])
            if other.pk != page.pk
        ]
        for page in pages
    ]


def for_item(ctx: ApiContext, page) -> ApiContext:
    """Without an explicit language, a detail answers in the language of the item asked for.

    Explicit as cms.core.i18n.language_request says, which the answer cache keys by too.
    """
    if ctx.choice.asked.explicit:
        return ctx
    return api_context(ctx.request, ctx.locale_code(page.locale_id) or None, ctx.choice.fallback)


def get_detail(queryset: QuerySet, raw_id: str, ctx: ApiContext, prefetch):
    """A visible item by id, with the context it is answered in and its relations prefetched for it.

    One query reads every visible language version of the item with what the detail selects: the
    version to answer (`in_asked_language`) and its translations come from the same rows. The
    item's language can decide the answer's language (see for_item), and prefetches such as
    category names depend on that language, so they follow once the version is chosen. The query's
    shape is built and compiled once per process for the site's facts and the languages
    (cms.core.compiled); `queryset` is the model's whole table (`objects.all()`).
    """
    pk = parse_id(raw_id)
    shape = _detail_shape(queryset, prefetch, ctx)
    versions = _VERSIONS(shape, pk=pk, now=timezone.now())
    asked = next((version for version in versions if version.pk == pk), None)
    if asked is None:
        raise not_found(f"No item with id '{raw_id[:40]}'.")
    target = in_asked_language(asked, ctx, versions)
    answered = for_item(ctx, target)
    if answered.choice.preference_ids == ctx.choice.preference_ids:
        lookups = _VERSIONS.lookups(shape, pk=pk, now=timezone.now())
    else:  # built again in its language
        lookups = prefetch(queryset, answered)._prefetch_related_lookups
    prefetch_one(_detail_shape(queryset, prefetch, answered).key, target, lookups)
    target.language_versions = versions
    return target, answered


def _versions(shape: Keyed, *, pk: int, now: datetime) -> QuerySet:
    """Every visible language version of the item `pk` with what the detail selects."""
    queryset, prefetch, ctx = shape.given
    key = queryset.model.objects.filter(pk=pk).values("translation_key")[:1]
    return visible_pages(prefetch(queryset, ctx).filter(translation_key=Subquery(key)), ctx.site, now)


_VERSIONS = CompiledQuery(_versions, prefetch=False)


def _detail_shape(queryset: QuerySet, prefetch, ctx: ApiContext) -> Keyed:
    """What a detail's query shape rests on: the model, what it selects, the visibility rule's facts
    (`rule_shape`), the version of the facts its prefetches read, and the answer's languages."""
    key = (
        "detail",
        queryset.model._meta.label,
        prefetch.__module__,
        prefetch.__qualname__,
        rule_shape(ctx.site),
        facts_version(),
        tuple(ctx.choice.preference_ids),
        tuple(locale.pk for locale in ctx.choice.answering),
    )
    return Keyed(key, (queryset, prefetch, ctx))


def in_asked_language(page, ctx: ApiContext, versions: list):
    """Of the item's visible language `versions`, the one in the language the client chose, else in
    the first language of its fallback chain that has one, else the item itself.

    An id names the content, not only its language version: `/pois/<German id>?locale=en` answers the
    English translation once it is public (a draft translation keeps the German one, `is_fallback`).
    The answer cache keys by the same choice (cms.core.i18n.language_request) and by content version.
    """
    choice = ctx.choice
    if not choice.asked.explicit or page.locale_id == ctx.locale.pk:
        return page
    better = [version for version in versions if choice.rank(version.locale_id) < choice.rank(page.locale_id)]
    best = choice.best(better, key=lambda row: row.translation_key, locale_id=lambda row: row.locale_id)
    return best.get(page.translation_key, page)
