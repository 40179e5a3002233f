"""Pieces shared by the tourism endpoints: item envelope, paging, categories, translations, lookups."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Prefetch, QuerySet, Window

from cms import versions
from cms.api.context import ApiContext, api_context
from cms.api.problems import not_found
from cms.api.schema import Schema
from cms.visibility import visible_pages
from tourism.services.opening_hours import BERLIN

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
    title: str
    slug: str
    teaser: str
    url: str
    api_url: str
    last_published_at: datetime | None


def category_names(ctx: ApiContext) -> dict:
    """Category names in the answer's language by translation key.

    Read once per version of the content in each process: the names of 20 items' categories
    through a subquery per row cost a millisecond of every list.
    """
    locale_id = ctx.locale.pk
    return versions.remembered(
        f"category-names:{locale_id}",
        versions.current(versions.CONTENT),
        lambda: dict(Category.objects.filter(locale_id=locale_id).values_list("translation_key", "name")),
        shared=False,  # 30-odd rows: as quick to read again as to fetch from the shared cache
    )


def categories_prefetch(ctx: ApiContext, lookup: str = "categories") -> Prefetch:
    """Categories of the items at `lookup` (named in the answer's language by `categories_data`)."""
    return Prefetch(lookup, queryset=Category.objects.order_by("name"))


def sort_draft_categories(page) -> None:
    """Order a draft's in-memory categories by name, as the prefetch of a saved page does."""
    ids = [category.pk for category in page.categories.all()]
    page.categories = list(Category.objects.filter(pk__in=ids).order_by("name"))


def categories_data(page, ctx: ApiContext) -> list[dict]:
    """Slug and name in the answer's language (the category's own name where it is not translated)."""
    names = category_names(ctx)
    return [
        {"slug": category.slug, "name": names.get(category.translation_key) or category.name}
        for category in page.categories.all()
    ]


# The columns `location_data` and `item_base` read, for `.only()` in lists (a page has 60–70).
LOCATION_FIELDS = ("latitude", "longitude", "street", "postal_code", "locality")
ITEM_BASE_FIELDS = ("title", "slug", "teaser", "url_path", "locale", "last_published_at")


def location_data(obj) -> dict:
    return {
        "lat": float(obj.latitude) if obj.latitude is not None else None,
        "lng": float(obj.longitude) if obj.longitude is not None else None,
        "street": obj.street,
        "postal_code": obj.postal_code,
        "locality": obj.locality,
    }


def item_base(page, ctx: ApiContext, type_name: str, path: str) -> dict[str, Any]:
    return {
        "id": page.pk,
        "type": type_name,
        "locale": ctx.locale_code(page.locale_id),
        "is_fallback": page.locale_id != ctx.locale.pk,
        "title": page.title,
        "slug": page.slug,
        "teaser": page.teaser,
        "url": ctx.public_url(page),
        "api_url": ctx.api_url(f"{path}/{page.pk}"),
        "last_published_at": page.last_published_at.astimezone(BERLIN) if page.last_published_at else None,
    }


def translations_data(page, ctx: ApiContext, path: str) -> list[dict]:
    """Other live language versions of a page (one query)."""
    others = visible_pages(type(page).objects.filter(translation_key=page.translation_key), ctx.site).exclude(
        pk=page.pk
    )
    return [
        {
            "locale": ctx.locale_code(other.locale_id),
            "id": other.pk,
            "api_url": ctx.api_url(f"{path}/{other.pk}"),
        }
        for other in others.only("pk", "locale_id").order_by("locale_id")
    ]


def page_url(ctx: ApiContext, offset: int | None) -> str | None:
    if offset is None:
        return None
    params = [(k, v) for k in ctx.request.GET for v in ctx.request.GET.getlist(k) if k != "offset"]
    if offset:
        params.append(("offset", str(offset)))
    return ctx.request.build_absolute_uri(f"{ctx.request.path}?{urlencode(params)}")


def envelope(ctx: ApiContext, count: int, limit: int, offset: int, items: list[dict]) -> dict:
    following = offset + limit if offset + limit < count else None
    previous = max(offset - limit, 0) if offset > 0 else None
    return {
        "count": count,
        "next": page_url(ctx, following),
        "previous": page_url(ctx, previous),
        "items": items,
    }


def page_of(queryset: QuerySet, limit: int, offset: int) -> tuple[int, list]:
    """The total and one page of objects: first the page's ids with `COUNT(*) OVER ()` (the total
    and the order read the same rows once, without the page's joins), then those objects by id
    with the queryset's related rows. A count and a joined page query each read all matches.
    """
    if queryset.query.distinct:  # the window would count the rows before DISTINCT removes any
        count = queryset.count()
        return count, list(queryset[offset : offset + limit]) if offset < count else []
    rows = list(
        queryset.annotate(_total=Window(Count("*"))).values_list("pk", "_total")[offset : offset + limit]
    )
    if not rows:
        return (queryset.count() if offset else 0), []
    # The ids passed the filters a moment ago: load them by key alone, not through the filters again
    # (unless the objects need the queryset's annotations; aliases only filter or order).
    source = queryset if queryset.query.annotation_select else _unfiltered(queryset)
    return rows[0][1], fetch_in_order(source, [pk for pk, _total in rows])


def _unfiltered(queryset: QuerySet) -> QuerySet:
    """The queryset's model with its related rows and loaded columns, without its filters."""
    plain = queryset.model._default_manager.all()
    plain.query.select_related = queryset.query.select_related
    plain.query.deferred_loading = queryset.query.deferred_loading
    return plain.prefetch_related(*queryset._prefetch_related_lookups)


def fetch_in_order(queryset: QuerySet, pks: Sequence[int]) -> list:
    by_pk = {obj.pk: obj for obj in queryset.filter(pk__in=pks)}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def parse_id(raw: str) -> int:
    """Ids in paths are strings so a non-numeric id is a 404 problem, not a validation error."""
    if not raw.isdigit() or len(raw) > 18:
        raise not_found(f"No item with id '{raw[:40]}'.")
    return int(raw)


def for_item(ctx: ApiContext, page) -> ApiContext:
    """Without an explicit language, a detail answers in the language of the item asked for.

    Explicit as cms.api.i18n.language_request says, which the answer cache keys by too.
    """
    if ctx.choice.asked.explicit:
        return ctx
    return api_context(ctx.request, ctx.locale_code(page.locale_id) or None, ctx.choice.fallback)


def get_detail(queryset: QuerySet, raw_id: str, ctx: ApiContext, prefetch):
    """A visible item by id, with the context it is answered in and its relations prefetched for it.

    The item's language can decide the answer's language (see for_item), and prefetches such as
    category names depend on that language, so the item is looked up first.
    """
    target = get_visible(queryset.model.objects.only("pk", "locale_id"), raw_id, ctx)
    ctx = for_item(ctx, target)
    return prefetch(queryset, ctx).get(pk=target.pk), ctx


def get_visible(queryset: QuerySet, raw_id: str, ctx: ApiContext):
    obj = visible_pages(queryset, ctx.site).filter(pk=parse_id(raw_id)).first()
    if obj is None:
        raise not_found(f"No item with id '{raw_id[:40]}'.")
    return obj
