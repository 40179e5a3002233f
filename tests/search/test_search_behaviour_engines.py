"""The search behaviour suite (test_search_behaviour.py) against the osmem stand-in, an in-memory
OpenSearch-compatible server (test_search_behaviour_real_engines.py runs it against real engines).

The module's world is published once with Wagtail's opensearch3 backend pointed at a stand-in of the
module's own, so its index holds what publishing wrote; every test then searches a clone of that
index (its changes, such as unpublishing, stay in its clone) while its database changes roll back.
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from osmem_server import OsmemServer
from wagtail.models import Locale

from search.config import search_backends
from tests.factories import SiteTree
from tests.search.conftest import EngineBackend
from tests.search.test_search_behaviour import *  # noqa: F403 - the same tests, another backend
from tests.search.test_search_behaviour import build_content
from tests.worlds import built_once

STAND_IN = "osmem-stand-in"


def stand_in_backends(url: str) -> dict:
    return search_backends(f"opensearch3+{url}", index="roland_test", languages=settings.ROLAND_LANGUAGES)


@pytest.fixture(scope="module")
def stand_in():
    """The module's own stand-in; while the module runs, Wagtail's backends write into its base."""
    server = OsmemServer.start()
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=stand_in_backends(server.url)):
            yield server
    finally:
        server.close()


def build_indexed(stand_in) -> dict:
    """As each test of the suite did on an engine: the site tree, `update_index`, then the content
    (indexed as it is published)."""
    tree = SiteTree()
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return {**build_content(tree, locales), "tree": tree}


_content = built_once(build_indexed, needs=("stand_in",))


@pytest.fixture(params=[STAND_IN])
def search_backend(request, stand_in, db):
    """A clone of the module's index for one test (cloning freezes the base: the world stays as built)."""
    clone = stand_in.clone()
    try:
        backends = stand_in_backends(clone.url)
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            yield EngineBackend(request.param, backends)
    finally:
        clone.close()
