"""A CDN in front of the API is purged on publish: a PURGE-speaking cache on 127.0.0.1 (a stand-in
for Varnish/nginx, which cannot run here) receives the API URLs of the changed item."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from tests.worlds import tree_per_module

pytestmark = pytest.mark.django_db

# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def purge_receiver():
    received: list[tuple[str, str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            received.append((self.command, self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", received
    server.shutdown()


def test_publish_and_unpublish_purge_the_api_urls(tree, purge_receiver, django_capture_on_commit_callbacks):
    location, received = purge_receiver
    backends = {
        "http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
    }
    with override_settings(
        WAGTAILFRONTENDCACHE=backends,
        TASKS=IMMEDIATE_TASKS,
        WAGTAILAPI_BASE_URL="https://api.haldensleben.example",
    ):
        with django_capture_on_commit_callbacks(execute=True):
            event = tree.event(title="Rolandfest", slug="rolandfest")
        paths = {path for _method, _host, path in received}
        assert {f"/api/v1/events/{event.pk}", "/api/v1/events", "/api/v1/events.ics"} <= paths
        assert {host for _method, host, _path in received} == {"api.haldensleben.example"}

        received.clear()
        with django_capture_on_commit_callbacks(execute=True):
            event.unpublish()
        assert f"/api/v1/events/{event.pk}" in {path for _m, _h, path in received}


def test_nothing_is_purged_without_a_configured_cdn(tree, purge_receiver, django_capture_on_commit_callbacks):
    _location, received = purge_receiver
    with override_settings(TASKS=IMMEDIATE_TASKS), django_capture_on_commit_callbacks(execute=True):
        tree.event(title="Rolandfest", slug="rolandfest")
    assert received == []
