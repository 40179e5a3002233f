"""Schemathesis drives every /api/v1/ operation from the OpenAPI document: no 5xx, no off-schema answer.

Bounded and reproducible: a fixed number of examples per operation, derandomised (fixed seed).
"""

import json
from datetime import time, timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from cms.api import api
from cms.wsgi_test import application
from tests.factories import CategoryFactory, ImageFactory, SiteTree
from tests.worlds import built_once, fresh

schema = schemathesis.openapi.from_dict(json.loads(json.dumps(api.get_openapi_schema(), default=str)))
schema.app = application


@pytest.fixture
def keep_test_connection():
    """Schemathesis calls the WSGI app directly, which closes the database connection after each
    request; inside a test transaction that would end the test. Django's own test client
    disconnects the same handlers."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def build_api_data() -> SiteTree:
    tree = SiteTree()
    category = CategoryFactory(name="Museen", slug="museum")
    poi = tree.poi(title="Museum", slug="museum", image=ImageFactory(), live=False)
    poi.categories = [category]
    poi.save_revision().publish()
    tree.event(
        title="Führung",
        slug="fuehrung",
        start_date=timezone.localdate() + timedelta(days=1),
        start_time=time(10),
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
        venue=poi,
    )
    tree.news_article(title="Neu", slug="neu")
    return tree


_api_data = built_once(build_api_data)


@pytest.fixture
def api_data(_api_data, db, keep_test_connection) -> SiteTree:
    """A place, an event and an article for the operations to find, built once for the module."""
    return fresh(_api_data)


# One test per operation, parametrised by pytest: Schemathesis' own `schema.parametrize()` gives its
# items one node id on pytest 9, and `make test` (pytest-xdist `--dist loadfile`, which keys work by
# node id) then ran one operation of seventeen.
OPERATIONS = [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_api_answers_within_its_schema_and_never_fails(operation, api_data):
    @given(case=operation.as_strategy())
    @settings(
        max_examples=30,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def answers_within_schema(case):
        # Uncompressed: the checks read the body as it is sent (the exports' gzip: tests/cms/test_exports.py).
        case.call_and_validate(
            headers={"Accept-Encoding": "identity"}, checks=[not_a_server_error, response_schema_conformance]
        )

    answers_within_schema()
