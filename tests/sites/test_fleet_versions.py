"""Keeping the served kiosk feed (sites.fleet.remember_feed_version): every new ETag of a feed is
written on the way out of the request, so it costs one statement and no transaction of its own."""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sites import fleet
from sites.kiosks import active_screen
from sites.models import KioskFeedVersion, KioskScreen


@pytest.mark.django_db(transaction=True)  # outside a test transaction, as a server runs it
def test_a_served_feed_is_kept_with_one_statement_once_per_etag():
    cache.clear()
    screen = KioskScreen.objects.create(name="Markt", slug="markt", latitude="52.2893", longitude="11.4085")
    body = json.dumps({"screen": {"slug": "markt"}, "generated_at": "2026-12-03T08:00:00+01:00"}).encode()
    with override_settings(VERSIONS_MEMORY_SECONDS=3600):
        active_screen("markt")  # the feed's own lookup has read the screen already
        with CaptureQueriesContext(connection) as queries:
            fleet.remember_feed_version("markt", '"one"', body, timezone.now())
        cache.clear()  # the shared marker gone (another cache, a restart): the row is not doubled
        fleet.remember_feed_version("markt", '"one"', body, timezone.now())
    assert [query["sql"].split()[0] for query in queries] == ["INSERT"]  # no BEGIN … COMMIT around it
    kept = KioskFeedVersion.objects.get(screen=screen)
    assert kept.etag == '"one"' and kept.body.encode() == body
    assert kept.content_hash == fleet.content_hash(body)
