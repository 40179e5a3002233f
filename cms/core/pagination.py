"""Paging for every list: the envelope clients page with, one page of rows in two cheap queries,
and ids in paths."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from urllib.parse import urlencode

from django.db.models import Count, QuerySet, Window

from .compiled import CompiledQuery, Scalar
from .context import ApiContext
from .params import as_id
from .problems import not_found


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


def page_of(
    queryset: QuerySet, limit: int, offset: int, load: Callable[[QuerySet], QuerySet] | None = None
) -> tuple[int, list]:
    """The total and one page of objects: first the page's ids with `COUNT(*) OVER ()` (the total
    and the order read the same rows once, without the page's joins), then those objects by id
    with the queryset's related rows. A count and a joined page query each read all matches.

    `load` adds what the objects show beyond their columns (annotations such as a subquery over
    another table) to the second query only: on the queryset itself it would make the objects be
    loaded through every filter again, built and run twice.
    """
    load = load or (lambda objects: objects)
    if queryset.query.distinct:  # the window would count the rows before DISTINCT removes any
        count = queryset.count()
        return count, list(load(queryset)[offset : offset + limit]) if offset < count else []
    rows = list(
        queryset.annotate(_total=Window(Count("*"))).values_list("pk", "_total")[offset : offset + limit]
    )
    if not rows:
        return (queryset.count() if offset else 0), []
    # The ids passed the filters a moment ago: load them by key alone, not through the filters again
    # (unless the objects need the queryset's annotations; aliases only filter or order).
    source = queryset if queryset.query.annotation_select else _unfiltered(queryset)
    return rows[0][1], fetch_in_order(load(source), [pk for pk, _total in rows])


class CompiledPage:
    """`page_of` for a queryset definition `build(shape, **values)` whose two queries (the page's ids
    with the total, the objects by id) are compiled once per shape (cms.core.compiled).

    The same SQL as `page_of(build(shape, **values), limit, offset, load)`; not for DISTINCT querysets.
    """

    def __init__(self, build: Callable[..., QuerySet], load: Callable[[QuerySet], QuerySet] | None = None):
        self.build = build
        self.load = load or (lambda objects: objects)
        self._ids = CompiledQuery(self._ids_query)
        self._objects = CompiledQuery(self._objects_query)

    def _ids_query(self, shape: tuple, **values) -> QuerySet:
        inner, limit, offset = shape
        queryset = self.build(inner, **values)
        if queryset.query.distinct:
            raise ValueError("CompiledPage cannot count a DISTINCT queryset with a window")
        return queryset.annotate(_total=Window(Count("*"))).values_list("pk", "_total")[
            offset : offset + limit
        ]

    def _objects_query(self, shape: Hashable, pks: Sequence[int], **values) -> QuerySet:
        queryset = self.build(shape, **values)
        source = queryset if queryset.query.annotation_select else _unfiltered(queryset)
        return self.load(source).filter(pk__in=pks)

    def __call__(
        self, shape: Hashable, limit: int, offset: int, **values: Scalar | Sequence[Scalar]
    ) -> tuple[int, list]:
        rows = self._ids((shape, limit, offset), **values)
        if not rows:
            return (self.build(shape, **values).count() if offset else 0), []
        pks = [pk for pk, _total in rows]
        by_pk = {obj.pk: obj for obj in self._objects(shape, pks=pks, **values)}
        return rows[0][1], [by_pk[pk] for pk in pks if pk in by_pk]


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
    value = as_id(raw)
    if value is None:
        raise not_found(f"No item with id '{raw[:40]}'.")
    return value
