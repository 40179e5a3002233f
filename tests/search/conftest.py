"""The search backends the behaviour suite runs against.

- `database`: the project's own table (SQLite locally, PostgreSQL when DATABASE_URL is set);
- `osmem-stand-in`: Wagtail's opensearch3 backend against osmem-server, an in-memory
  OpenSearch-compatible server (a stand-in, not a real engine); the behaviour suite's world is
  indexed into one of its own (test_search_behaviour_engines.py);
- `elasticsearch`, `opensearch`: real engines, only when ELASTICSEARCH_URL / OPENSEARCH_URL are set
  (test_search_behaviour_real_engines.py).
"""

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from search.config import search_backends


@dataclass
class DatabaseBackend:
    """The project's own table: maintained synchronously on publish, nothing to wait for."""

    name: str = "database"

    def refresh(self) -> None:
        pass


@dataclass
class EngineBackend:
    """An engine behind Wagtail's backends; `refresh` makes indexed documents searchable now."""

    name: str
    backends: dict = field(default_factory=dict)

    def refresh(self) -> None:
        for name in self.backends:
            backend = get_search_backend(name)
            for model in get_indexed_models():
                backend.get_index_for_model(model).refresh()


def engine_url(name: str, osmem_clone) -> str:
    if name == "osmem-stand-in":
        return f"opensearch3+{osmem_clone.url}"
    variable = {"elasticsearch": "ELASTICSEARCH_URL", "opensearch": "OPENSEARCH_URL"}[name]
    url = os.environ.get(variable, "")
    if not url:
        pytest.skip(f"{variable} is not set: no real {name} to test against")
    return url if "+" in url else f"{name}+{url}"


@pytest.fixture
def search_backend(db):
    """The database default; test_search_behaviour_engines.py runs the same suite on engines."""
    return DatabaseBackend()


@contextmanager
def engine_backend(request, name: str):
    """Wagtail's engine backends pointed at `name`, indexes created, for the length of one test."""
    # A fresh clone of the session's osmem server per test: no index state leaks between tests.
    osmem = request.getfixturevalue("osmem_clone") if name == "osmem-stand-in" else None
    index = f"roland_test_{os.environ.get('PYTEST_XDIST_WORKER', 'gw0')}"
    backends = search_backends(engine_url(name, osmem), index=index, languages=settings.ROLAND_LANGUAGES)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        yield EngineBackend(name, backends)
