"""Wagtail's stock read API (v2) at /api/wagtail/v2/; the typed /api/v1/ is assembled beside it."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from media.api import RolandImagesAPIViewSet

wagtail_v2 = WagtailAPIRouter("wagtailapi")
wagtail_v2.register_endpoint("pages", PagesAPIViewSet)
wagtail_v2.register_endpoint("images", RolandImagesAPIViewSet)
wagtail_v2.register_endpoint("documents", DocumentsAPIViewSet)
