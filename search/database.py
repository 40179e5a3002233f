"""Searching the project's own table: PostgreSQL full-text per row language, or SQLite FTS5 over
Snowball-stemmed text. Candidates come from the one visibility rule and the locale fallback, run on
the table's copies of the page facts (no page join), so a search never shows what a list would hide.
The copies follow every write to a page row (a trigger, search/migrations/0008), so the count and
the ranking read this table alone (on PostgreSQL its narrow copy, search/migrations/0009); what is shown is checked against the page rows once more
(`still_visible`, search.api), a bounded check of the page's rows only.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, Exists, FloatField, Model, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from wagtail.models import Page

from cms.core import registry
from cms.core.i18n import LocaleChoice, with_fallback
from cms.core.visibility import visible_in_site, visible_pages
from tourism.models import EVENT

from .analysis import (
    ParsedQuery,
    fts5_match,
    fts5_prefix_match,
    parse_query,
    postgres_config,
    tsquery_prefix,
)
from .models import SearchEntry, SearchRank
from .synonyms import expand, load_groups

Queries = dict[int, ParsedQuery]  # the parsed query per answering locale (pk)

TABLE = SearchEntry._meta.db_table
RANK_TABLE = SearchRank._meta.db_table  # PostgreSQL: what matching and ranking read (migration 0009)
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
    """The locales whose rows may answer: the chosen one, and its chain when falling back."""
    return list(choice.answering)


def candidate_entries(
    site, choice: LocaleChoice, filters: SearchFilters, model: type[Model] = SearchEntry
) -> QuerySet:
    """Entries of visible pages in the answer's language (with fallback), type, category and date filters.

    `model` is the table read: `SearchEntry`, or on PostgreSQL its narrow copy `SearchRank` for a
    search, which needs no title or body.
    """
    entries = with_fallback(visible_in_site(model.objects.filter(live=True), site), choice)
    if filters.kinds:
        entries = entries.filter(kind__in=filters.kinds)
    if filters.categories:
        in_category = Q(pk__in=[])
        for model in (content_type.model for content_type in registry.searchable()):
            in_category |= Q(
                page_id__in=model.objects.filter(categories__slug__in=filters.categories).values("pk")
            )
        entries = entries.filter(in_category)
    if not filters.past:
        # A column of the row: an EXISTS over the occurrences (or IN all ~120,000 future ones)
        # cost more than matching and ranking together on the scale data.
        entries = entries.filter(~Q(kind=EVENT.name) | Q(last_occurrence_end__gt=filters.now))
    return entries


def shown_entries(entries: QuerySet, site) -> QuerySet:
    """The entries whose page row passes the visibility rule now, in SQL (one primary-key lookup per
    row): for a handful of ids, such as an engine's hits, not for every match of a broad word (the
    database search counts on the table's copies, which the page trigger keeps in step)."""
    return entries.filter(Exists(visible_pages(Page.objects.filter(pk=OuterRef("page_id")), site)))


def still_visible(site, page_ids) -> set[int]:
    """The ids whose page rows pass the visibility rule now (one query on a handful of ids).

    The last check on what is shown: even a row out of step with its page (a page changed by a
    direct database write rather than through Wagtail) cannot reveal a hidden page.
    """
    return set(visible_pages(Page.objects.filter(pk__in=list(page_ids)), site).values_list("pk", flat=True))


def _tsquery(query: ParsedQuery, config: str) -> tuple[str, list]:
    """SQL for the query as a tsquery: one phraseto_tsquery() per phrase, joined with && || !!.

    Built from the parsed query (not websearch_to_tsquery) so OR binds as on every other backend and
    synonyms can be added; each phrase is a parameter, so no tsquery syntax reaches the parser.
    """
    params: list = []

    def phrase(parts: tuple[str, ...]) -> str:
        params.extend([config, " ".join(parts)])
        return "phraseto_tsquery(%s::regconfig, %s)"

    sql = " && ".join("(" + " || ".join(phrase(p) for p in clause) + ")" for clause in query.clauses)
    for parts in query.excluded:
        sql = f"({sql}) && !!{phrase(parts)}"
    return sql, params


def _postgres_match(entries: QuerySet, locales: list, queries: Queries) -> QuerySet:
    branches = []  # (locale, tsquery SQL, its parameters) per answering language with words
    for locale in locales:
        if not queries[locale.pk].empty:
            branches.append((locale, *_tsquery(queries[locale.pk], postgres_config(locale.language_code))))
    # With fallback several languages answer: one index condition all branches imply keeps the plan
    # on one scan of the GIN index. Each branch's own test is then written as the function behind
    # @@ (the same test), which the planner cannot take to the index: as operators, the OR of the
    # branches was read by two index scans (a BitmapOr) or at times by a full scan of the table.
    several = len(branches) > 1
    test = "ts_match_vq({document}, ({sql}))" if several else "{document} @@ ({sql})"
    document = f'"{RANK_TABLE}"."document"'
    condition = Q(pk__in=[])
    whens, when_params = [], []
    for locale, sql, params in branches:
        matches = RawSQL(test.format(document=document, sql=sql), params, output_field=BooleanField())  # noqa: S611
        condition |= Q(locale_id=locale.pk) & Q(matches)
        whens.append(
            f'WHEN "{RANK_TABLE}"."locale_id" = %s '
            f"THEN ts_rank('{POSTGRES_WEIGHTS}'::float4[], {document}, {sql})"
        )
        when_params += [locale.pk, *params]
    if several:
        either = " || ".join(f"({sql})" for _locale, sql, _params in branches)
        either_params = [param for _locale, _sql, params in branches for param in params]
        condition &= Q(RawSQL(f"{document} @@ ({either})", either_params, output_field=BooleanField()))  # noqa: S611
    return _scored(entries, condition, whens, when_params)


def _scored(entries: QuerySet, condition: Q, whens: list[str], params: list) -> QuerySet:
    if not whens:
        return entries.none().annotate(score=RawSQL("0", [], output_field=FloatField()))
    score = RawSQL(f"CASE {' '.join(whens)} ELSE 0 END", params, output_field=FloatField())  # noqa: S611
    return entries.filter(condition).annotate(score=score)


def _fts_matches(expression: str) -> RawSQL:
    """Entries whose page the SQLite FTS5 table matches for an already-safe MATCH expression."""
    return RawSQL(  # noqa: S611
        f'"{TABLE}"."page_id" IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)',  # noqa: S608
        [expression],
        output_field=BooleanField(),
    )


def _sqlite_match(entries: QuerySet, locales: list, queries: Queries) -> QuerySet:
    condition = Q(pk__in=[])
    whens, params = [], []
    for locale in locales:
        expression = fts5_match(queries[locale.pk], locale.language_code)
        if not expression:
            continue
        matches = _fts_matches(expression)
        condition |= Q(locale_id=locale.pk) & Q(matches)
        whens.append(
            f'WHEN "{TABLE}"."locale_id" = %s THEN (SELECT -bm25({FTS_TABLE}, %s, %s) FROM {FTS_TABLE} '  # noqa: S608
            f'WHERE {FTS_TABLE} MATCH %s AND rowid = "{TABLE}"."page_id")'
        )
        params += [locale.pk, *SQLITE_WEIGHTS, expression]
    return _scored(entries, condition, whens, params)


def search_queries(text: str, choice: LocaleChoice) -> Queries:
    """The visitor's query per answering locale, widened with that language's synonyms (one query)."""
    parsed = parse_query(text)
    locales = _locales(choice)
    groups = load_groups({locale.language_code for locale in locales})
    return {
        locale.pk: expand(parsed, locale.language_code, groups[locale.language_code]) for locale in locales
    }


def search_entries(site, choice: LocaleChoice, queries: Queries, filters: SearchFilters) -> QuerySet:
    """Matching entries with a `score` (higher is better), best first."""
    locales = _locales(choice)
    if connection.vendor == "postgresql":
        matched = _postgres_match(candidate_entries(site, choice, filters, SearchRank), locales, queries)
    else:
        matched = _sqlite_match(candidate_entries(site, choice, filters), locales, queries)
    return matched.order_by("-score", "page_id")


def database_search(
    site, choice: LocaleChoice, queries: Queries, filters: SearchFilters, limit: int, offset: int
) -> HitPage:
    """One page of hits and the total, in one query: ranking reads every match anyway, so the total
    comes with it (`COUNT(*) OVER ()`); only a page past the end needs a second query for it.

    Both read the table alone: its copies of the page facts are kept in step by a trigger, so the
    count never counts a hidden page, and no match costs a lookup of its page row (the rows shown
    are checked against the pages when loaded, search.api).

    The score is computed in a subquery (fenced with OFFSET 0 on PostgreSQL) so the window holds
    narrow rows: computed above it, every match's tsvector passed through the window's store, which
    spilled to disk for broad words.
    """
    entries = search_entries(site, choice, queries, filters)
    try:
        inner, params = entries.order_by().values_list("page_id", "kind", "score").query.sql_with_params()
    except EmptyResultSet:  # nothing left to match, e.g. only excluded words
        return HitPage(0)
    fence = " OFFSET 0" if connection.vendor == "postgresql" else ""
    sql = (
        f"SELECT page_id, kind, COUNT(*) OVER () FROM ({inner}{fence}) AS hits "  # noqa: S608
        "ORDER BY score DESC, page_id LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        rows = cursor.fetchall()
    if not rows:
        return HitPage(entries.count() if offset else 0)
    return HitPage(rows[0][2], [Hit(page_id, kind) for page_id, kind, _total in rows])


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
    rows = list(
        entries.filter(condition)
        .order_by(Length("title"), "title", "page_id")
        .values_list("page_id", "kind", "title")[:SUGGEST_SIZE]
    )
    shown = still_visible(site, [row[0] for row in rows]) if rows else set()
    return [(Hit(page_id, kind), title) for page_id, kind, title in rows if page_id in shown]
