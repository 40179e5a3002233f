"""SQL queries per API request, measured on the uncached path (the answer cache would make it 0)."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from cms.core import versions


def count_api_queries(client, path: str, params: dict | None = None) -> int:
    """The warm-up reads the version counters afresh and the measured request reuses them, as most
    requests of a running server do (it reads them once a second): whether the warm-up's copy was still
    fresh must not depend on how fast the machine is."""
    with override_settings(API_CACHE_SERVER_SECONDS=0, VERSIONS_MEMORY_SECONDS=3600):
        versions.forget()
        client.get(path, params or {})  # warm the per-site facts, as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, params or {})
    assert response.status_code == 200, response.content[:300]
    assert response["X-Roland-Cache"] == "bypass"  # rendered, not served from the answer cache
    return len(queries)
