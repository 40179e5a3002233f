"""The search behaviour suite (test_search_behaviour.py) against search engines: the osmem stand-in
(an in-memory OpenSearch-compatible server started by the test session) always, real Elasticsearch
and OpenSearch when ELASTICSEARCH_URL / OPENSEARCH_URL are set (skipped with the reason otherwise).
A module of its own so the test run can spread both halves over its workers."""

import pytest

from tests.search.conftest import engine_backend
from tests.search.test_search_behaviour import *  # noqa: F403 - the same tests, another backend


@pytest.fixture(params=["osmem-stand-in", "elasticsearch", "opensearch"])
def search_backend(request, db):
    with engine_backend(request, request.param) as backend:
        yield backend
