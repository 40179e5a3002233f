"""Engine outage: /api/v1/search answers 503 with Retry-After, everything else keeps working, and
`update_index` repairs what was missed. The engine is an osmem stand-in; "down" is a closed port."""

import socket
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from search.config import search_backends

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends: nothing listens there


def engine_at(url: str) -> dict:
    return search_backends(f"opensearch3+{url}", index="roland_outage", languages=settings.ROLAND_LANGUAGES)


def test_search_is_503_while_the_engine_is_down_and_update_index_repairs(client, tree, osmem_clone):
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_at(osmem_clone.url)):
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        before = tree.poi(title="Kloster Althaldensleben")

    with override_settings(WAGTAILSEARCH_BACKENDS=engine_at(f"http://127.0.0.1:{closed_port()}")):
        for path in ("/api/v1/search", "/api/v1/search/suggest"):
            response = client.get(path, {"q": "Kloster"})
            assert response.status_code == 503, response.content[:300]
            assert response["Content-Type"] == "application/problem+json"
            assert int(response["Retry-After"]) > 0
            assert response.json()["status"] == 503
        # Stock v2's search too (it was a 500 page), with the `message` its clients read.
        stock = client.get("/api/wagtail/v2/pages/", {"search": "Kloster"})
        assert (stock.status_code, stock["Content-Type"]) == (503, "application/problem+json")
        assert int(stock["Retry-After"]) > 0
        assert "unavailable" in stock.json()["message"]
        missed = tree.poi(title="Klostergarten am Kloster", slug="garten")  # publishing still works
        assert missed.live
        assert client.get("/api/v1/pois").json()["count"] == 2
        assert client.get(f"/api/v1/pois/{missed.pk}").status_code == 200

    with override_settings(WAGTAILSEARCH_BACKENDS=engine_at(osmem_clone.url)):
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        found = [item["id"] for item in client.get("/api/v1/search", {"q": "Kloster"}).json()["items"]]
        assert sorted(found) == sorted([before.pk, missed.pk])
