"""Wagtail's images, documents, snippets and redirects apps without Wagtail's API v3.

Roland serves its own /api/v1/ and Wagtail's v2 (`cms.wagtail_api`); `wagtail.api.v3` is not
installed and its URLs are not mounted. Wagtail 8 builds that API in these apps' `ready()` all the
same: importing `wagtail.api.v3.api` generates pydantic read, create and patch schemas of every page
model and the routers' operations, work every process (server worker, `manage.py` command, test
process) paid at start for an object nothing reaches.

Each config here runs its Wagtail parent's `ready()` unchanged, with the modules it imports for the
v3 API standing in as one module whose registrations do nothing. Everything else the parent sets up
(permission policies, signal handlers, choosers, reference index, snippets) stays Wagtail's own code,
so an upgrade that adds to it is followed; an upgrade that reaches v3 another way imports it for real
(slower, not wrong). The stand-ins are in `sys.modules` only during the parent's `ready()`, and only
while v3 is unused: with `wagtail.api.v3` installed, or its API object imported, Wagtail builds it.
"""

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager

from django.apps import apps
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig

# What the four apps' ready() import for the v3 API (Wagtail 8.0): the API object and, per app, its
# content-type registrations and its router.
API_V3_MODULES = (
    "wagtail.api.v3.api",
    "wagtail.images.api.v3.registry",
    "wagtail.images.api.v3.router",
    "wagtail.documents.api.v3.registry",
    "wagtail.documents.api.v3.router",
    "wagtail.snippets.api.v3",
    "wagtail.snippets.api.v3.router",
    "wagtail.contrib.redirects.api.v3",
)


class _UnservedApi:
    """Takes the routers Wagtail adds to its v3 API object, and keeps none."""

    def add_router(self, prefix: str, router: object, **kwargs: object) -> None:
        pass


def _register_nothing() -> None:
    pass


@contextmanager
def without_api_v3() -> Iterator[None]:
    """Wagtail's v3 modules as a stand-in while the block runs, unless something uses the API."""
    if apps.is_installed("wagtail.api.v3") or API_V3_MODULES[0] in sys.modules:
        yield
        return
    stand_in = types.ModuleType("roland_unserved_wagtail_api_v3")
    stand_in.api = _UnservedApi()
    stand_in.router = None
    stand_in.register_content_types = _register_nothing
    held = {name: sys.modules[name] for name in API_V3_MODULES if name in sys.modules}
    sys.modules.update(dict.fromkeys(API_V3_MODULES, stand_in))
    try:
        yield
    finally:
        for name in API_V3_MODULES:
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        sys.modules.update(held)


class ImagesConfig(WagtailImagesAppConfig):
    def ready(self) -> None:
        with without_api_v3():
            super().ready()


class DocumentsConfig(WagtailDocsAppConfig):
    def ready(self) -> None:
        with without_api_v3():
            super().ready()


class SnippetsConfig(WagtailSnippetsAppConfig):
    def ready(self) -> None:
        with without_api_v3():
            super().ready()


class RedirectsConfig(WagtailRedirectsAppConfig):
    def ready(self) -> None:
        with without_api_v3():
            super().ready()
