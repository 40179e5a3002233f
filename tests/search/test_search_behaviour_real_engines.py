"""The search behaviour suite (test_search_behaviour.py) against real Elasticsearch and OpenSearch
when ELASTICSEARCH_URL / OPENSEARCH_URL are set (skipped with the reason otherwise).

A real engine cannot be cloned per test like the stand-in (test_search_behaviour_engines.py): each
test builds the content and indexes it into a fresh index of its own.
"""

import pytest

from tests.search.conftest import engine_backend, engine_url
from tests.search.test_search_behaviour import *  # noqa: F403 - the same tests, another backend
from tests.search.test_search_behaviour import build_content


@pytest.fixture(scope="module", params=["elasticsearch", "opensearch"])
def engine(request) -> str:
    """The engine's name; skipped (before any data is built) when its URL is not set."""
    engine_url(request.param, None)
    return request.param


@pytest.fixture
def search_backend(request, engine, db):
    with engine_backend(request, engine) as backend:
        yield backend


@pytest.fixture
def content(engine, tree, locales, search_backend, django_capture_on_commit_callbacks) -> dict:
    with django_capture_on_commit_callbacks(execute=True):
        built = build_content(tree, locales)
    search_backend.refresh()
    return built
