"""Wagtail's database search backend (the admin's search and stock API v2 `?search=`), tuned for the
content languages on PostgreSQL.

Wagtail analyses full-text search with one configuration (`SEARCH_CONFIG`, here the first content
language's, with unaccent) and autocomplete — which the admin's page search uses — with the plain
`simple` configuration. `AUTOCOMPLETE_CONFIG` swaps the latter for `roland_simple` (simple plus
unaccent, search/migrations/0004), so an editor's "Cafe" finds "Café". Other databases: unchanged.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as _WagtailDatabaseBackend


def SearchBackend(params):
    params = dict(params)
    autocomplete_config = params.pop("AUTOCOMPLETE_CONFIG", None)
    backend = _WagtailDatabaseBackend(params)
    if connection.vendor == "postgresql" and autocomplete_config:
        backend.autocomplete_config = autocomplete_config
    return backend
