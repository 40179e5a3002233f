"""SQL queries per API request, measured on the uncached path (the answer cache would make it 0)."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext


def count_api_queries(client, path: str, params: dict | None = None) -> int:
    with override_settings(API_CACHE_SERVER_SECONDS=0):
        client.get(path, params or {})  # warm the per-site facts, as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, params or {})
    assert response.status_code == 200, response.content[:300]
    assert response["X-Roland-Cache"] == "bypass"  # rendered, not served from the answer cache
    return len(queries)
