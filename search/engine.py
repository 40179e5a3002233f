"""Search through Elasticsearch/OpenSearch (when SEARCH_URL names one).

The engine ranks; the database decides what may be shown: hits are narrowed to the same candidates
as on the database path (visibility, locale fallback, type, category, upcoming events). Any engine
failure (unreachable, timeout, error answer) becomes SearchUnavailable, a 503 for the client; the
rest of the API never calls the engine.
"""

import logging

from django.conf import settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Or, Phrase, PlainText

from .analysis import ParsedQuery
from .database import (
    Hit,
    HitPage,
    Queries,
    SearchFilters,
    _locales,
    candidate_entries,
    shown_entries,
    still_visible,
)
from .errors import SearchUnavailable

logger = logging.getLogger("roland.search")

MAX_ENGINE_HITS = 500  # deepest page reachable through the engine path
SUGGEST_SIZE = 10


def backend_for(code: str):
    name = f"lang_{code}"
    return get_search_backend(name if name in settings.WAGTAILSEARCH_BACKENDS else "default")


def engine_call(call):
    """The engine's answer to `call`, or SearchUnavailable: any failure of the engine means "not now"."""
    try:
        return call()
    except Exception as exc:  # connection refused, timeout, 5xx, bad answer: all mean "not now"
        logger.warning("Search engine unavailable: %s", exc.__class__.__name__, exc_info=True)
        raise SearchUnavailable(exc.__class__.__name__) from exc


def engine_query(parsed: ParsedQuery):
    """The parsed query as Wagtail query objects (the engine analyses the words)."""

    def phrase(words: tuple[str, ...]):
        return PlainText(words[0]) if len(words) == 1 else Phrase(" ".join(words))

    clauses = [phrase(c[0]) if len(c) == 1 else Or([phrase(p) for p in c]) for c in parsed.clauses]
    query = clauses[0] if len(clauses) == 1 else And(clauses)
    for words in parsed.excluded:
        query = query & Not(phrase(words))
    return query


def _scored_ids(locale, parsed: ParsedQuery, limit: int) -> list[tuple[int, float]]:
    if parsed.empty:
        return []
    query = engine_query(parsed)
    results = backend_for(locale.language_code).search(
        query, Page.objects.filter(locale=locale), operator="and", order_by_relevance=True
    )
    results = results.annotate_score("_score")[:limit]
    return [(page.pk, page._score or 0.0) for page in results]


def _allowed(site, choice, filters: SearchFilters, ids: list[int]) -> dict[int, str]:
    entries = shown_entries(candidate_entries(site, choice, filters).filter(page_id__in=ids), site)
    return dict(entries.values_list("page_id", "kind"))


def engine_search(site, choice, queries: Queries, filters: SearchFilters, limit: int, offset: int) -> HitPage:
    """Hits of the locale's (and with fallback the default locale's) index, best first."""
    depth = min(offset + limit, MAX_ENGINE_HITS)
    scored: list[tuple[int, float]] = []
    for locale in _locales(choice):
        scored += engine_call(lambda locale=locale: _scored_ids(locale, queries[locale.pk], MAX_ENGINE_HITS))
    allowed = _allowed(site, choice, filters, [page_id for page_id, _score in scored])
    ranked = sorted(
        ((page_id, score) for page_id, score in scored if page_id in allowed),
        key=lambda row: (-row[1], row[0]),
    )
    hits = [Hit(page_id, allowed[page_id]) for page_id, _score in ranked]
    return HitPage(len(hits), hits[offset:depth] if offset < depth else [])


def engine_suggest(site, choice, text: str, filters: SearchFilters) -> list[tuple[Hit, str]]:
    """Titles from the engine's autocomplete (edge n-grams on titles), visible ones only."""
    found: list[int] = []
    for locale in _locales(choice):

        def complete(locale=locale) -> list[int]:
            results = backend_for(locale.language_code).autocomplete(
                text, Page.objects.filter(locale=locale), fields=["title"]
            )
            return [page.pk for page in results[: SUGGEST_SIZE * 3]]

        found += engine_call(complete)
    entries = candidate_entries(site, choice, filters).filter(page_id__in=found)
    titles = {
        page_id: (kind, title) for page_id, kind, title in entries.values_list("page_id", "kind", "title")
    }
    ordered = [page_id for page_id in dict.fromkeys(found) if page_id in titles][:SUGGEST_SIZE]
    shown = still_visible(site, ordered) if ordered else set()
    ordered = [page_id for page_id in ordered if page_id in shown]
    return [(Hit(page_id, titles[page_id][0]), titles[page_id][1]) for page_id in ordered]
