"""Searching the project's own table: PostgreSQL full-text per row language, or SQLite FTS5 over
Snowball-stemmed text. Candidates come from the one visibility rule and the locale fallback, so a
search never shows what a list would hide.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from wagtail.models import Page

from cms.api.i18n import LocaleChoice, with_fallback
from cms.visibility import visible_pages

from .analysis import fts5_match, fts5_prefix_match, parse_query, postgres_config, tsquery_prefix
from .models import ContentKind, SearchEntry

TABLE = SearchEntry._meta.db_table
FTS_TABLE = "roland_search_fts"
# ts_rank weights for D, C, B (body), A (title): a title match counts five times a body match.
POSTGRES_WEIGHTS = "{0.05, 0.1, 0.2, 1.0}"
# bm25 column weights (title, body) on SQLite, same intent.
SQLITE_WEIGHTS = (5.0, 1.0)
SUGGEST_SIZE = 10
# Raw SQL below interpolates module constants only (table names, weights); input is always a parameter.


@dataclass(frozen=True)
class SearchFilters:
    kinds: tuple[str, ...] = ()  # empty: every type
    categories: tuple[str, ...] = ()
    past: bool = False  # include events without an occurrence still to come
    now: datetime | None = None


@dataclass(frozen=True)
class Hit:
    page_id: int
    kind: str


@dataclass
class HitPage:
    count: int
    hits: list[Hit] = field(default_factory=list)


def _locales(choice: LocaleChoice) -> list:
    """The locales whose rows may answer: the chosen one, and the default one when falling back."""
    if choice.fallback and choice.locale.pk != choice.default.pk:
        return [choice.locale, choice.default]
    return [choice.locale]


def candidate_entries(site, choice: LocaleChoice, filters: SearchFilters) -> QuerySet:
    """Entries of visible pages in the answer's language (with fallback), type, category and date filters."""
    from tourism.models import Event, EventOccurrence, NewsArticle, PointOfInterest

    pages = with_fallback(visible_pages(Page.objects.all(), site), choice)
    entries = SearchEntry.objects.filter(page_id__in=pages.values("pk"))
    if filters.kinds:
        entries = entries.filter(kind__in=filters.kinds)
    if filters.categories:
        in_category = Q(pk__in=[])
        for model in (PointOfInterest, Event, NewsArticle):
            in_category |= Q(
                page_id__in=model.objects.filter(categories__slug__in=filters.categories).values("pk")
            )
        entries = entries.filter(in_category)
    if not filters.past:
        upcoming = EventOccurrence.objects.filter(end__gt=filters.now).values("event_id")
        entries = entries.filter(~Q(kind=ContentKind.EVENT) | Q(page_id__in=upcoming))
    return entries


def _postgres_match(entries: QuerySet, locales: list, text: str) -> QuerySet:
    condition = Q(pk__in=[])
    for locale in locales:
        matches = RawSQL(  # noqa: S611
            f'"{TABLE}"."document" @@ websearch_to_tsquery(%s::regconfig, %s)',
            [postgres_config(locale.language_code), text],
            output_field=BooleanField(),
        )
        condition |= Q(locale_id=locale.pk) & Q(matches)
    score = RawSQL(  # noqa: S611
        f'ts_rank(\'{POSTGRES_WEIGHTS}\'::float4[], "{TABLE}"."document", '
        f'websearch_to_tsquery("{TABLE}"."config", %s))',
        [text],
        output_field=FloatField(),
    )
    return entries.filter(condition).annotate(score=score)


def _fts_matches(expression: str) -> RawSQL:
    """Entries whose page the SQLite FTS5 table matches for an already-safe MATCH expression."""
    return RawSQL(  # noqa: S611
        f'"{TABLE}"."page_id" IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)',  # noqa: S608
        [expression],
        output_field=BooleanField(),
    )


def _sqlite_match(entries: QuerySet, locales: list, text: str) -> QuerySet:
    parsed = parse_query(text)
    condition = Q(pk__in=[])
    whens, params = [], []
    for locale in locales:
        expression = fts5_match(parsed, locale.language_code)
        if not expression:
            continue
        matches = _fts_matches(expression)
        condition |= Q(locale_id=locale.pk) & Q(matches)
        whens.append(
            f'WHEN "{TABLE}"."locale_id" = %s THEN (SELECT -bm25({FTS_TABLE}, %s, %s) FROM {FTS_TABLE} '  # noqa: S608
            f'WHERE {FTS_TABLE} MATCH %s AND rowid = "{TABLE}"."page_id")'
        )
        params += [locale.pk, *SQLITE_WEIGHTS, expression]
    if not whens:
        return entries.none().annotate(score=RawSQL("0", [], output_field=FloatField()))
    score = RawSQL(f"CASE {' '.join(whens)} ELSE 0 END", params, output_field=FloatField())  # noqa: S611
    return entries.filter(condition).annotate(score=score)


def search_entries(site, choice: LocaleChoice, text: str, filters: SearchFilters) -> QuerySet:
    """Matching entries with a `score` (higher is better), best first."""
    entries = candidate_entries(site, choice, filters)
    locales = _locales(choice)
    if connection.vendor == "postgresql":
        matched = _postgres_match(entries, locales, text)
    else:
        matched = _sqlite_match(entries, locales, text)
    return matched.order_by("-score", "page_id")


def database_search(
    site, choice: LocaleChoice, text: str, filters: SearchFilters, limit: int, offset: int
) -> HitPage:
    """One page of hits and the total (two queries)."""
    entries = search_entries(site, choice, text, filters)
    count = entries.count()
    if offset >= count:
        return HitPage(count)
    rows = entries.values_list("page_id", "kind")[offset : offset + limit]
    return HitPage(count, [Hit(page_id, kind) for page_id, kind in rows])


def database_suggest(site, choice: LocaleChoice, text: str, filters: SearchFilters) -> list[tuple[Hit, str]]:
    """Up to ten titles with every word typed, the last one as a prefix; shortest (closest) title first."""
    entries = candidate_entries(site, choice, filters)
    condition = Q(pk__in=[])
    for locale in _locales(choice):
        if connection.vendor == "postgresql":
            query = tsquery_prefix(text)
            if not query:
                continue
            matches = RawSQL(  # noqa: S611
                f'"{TABLE}"."document" @@ to_tsquery(%s::regconfig, %s)',
                [postgres_config(locale.language_code), query],
                output_field=BooleanField(),
            )
        else:
            expression = fts5_prefix_match(text, locale.language_code)
            if not expression:
                continue
            matches = _fts_matches(expression)
        condition |= Q(locale_id=locale.pk) & Q(matches)
    rows = (
        entries.filter(condition)
        .order_by(Length("title"), "title", "page_id")
        .values_list("page_id", "kind", "title")[:SUGGEST_SIZE]
    )
    return [(Hit(page_id, kind), title) for page_id, kind, title in rows]
