"""Search and suggest, whichever backend `SEARCH_URL` chose: the project's own database table by
default, Elasticsearch/OpenSearch through Wagtail's backend when configured.

Input limits live here so both backends refuse the same expensive queries.
"""

from django.conf import settings

from .analysis import MAX_QUERY_LENGTH, MAX_TERMS, term_count
from .config import DATABASE_BACKEND
from .database import HitPage, SearchFilters, database_search, database_suggest, search_queries
from .engine import engine_search, engine_suggest


class QueryTooLarge(ValueError):
    """The query text is over the length or term limit."""


def uses_engine() -> bool:
    """True when Wagtail's default search backend is Elasticsearch or OpenSearch."""
    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND", "")
    return backend not in {
        DATABASE_BACKEND,
        "wagtail.search.backends.database",
        "modelsearch.backends.database",
    }


def check_query(text: str) -> str:
    """The query text stripped; too long or too many words is refused before any backend sees it."""
    text = text.strip()
    if not text:
        raise QueryTooLarge("empty; give at least one word")
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryTooLarge(f"longer than {MAX_QUERY_LENGTH} characters")
    if term_count(text) > MAX_TERMS:
        raise QueryTooLarge(f"more than {MAX_TERMS} words")
    return text


def find(site, choice, text: str, filters: SearchFilters, limit: int, offset: int) -> HitPage:
    queries = search_queries(check_query(text), choice)
    if uses_engine():
        return engine_search(site, choice, queries, filters, limit, offset)
    return database_search(site, choice, queries, filters, limit, offset)


def suggest(site, choice, text: str, filters: SearchFilters) -> list:
    text = check_query(text)
    if uses_engine():
        return engine_suggest(site, choice, text, filters)
    return database_suggest(site, choice, text, filters)
