"""Wagtail's stock read API (v2) at /api/wagtail/v2/, held to the same visibility rule as /api/v1/."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from cms.core.visibility import find_site, visible_pages
from media.api import RolandImagesAPIViewSet


class VisiblePagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # Wagtail's own rule (live, public, in site) plus ours: go-live and expiry dates, cached facts.
        base = super().get_base_queryset()
        visible = visible_pages(base, find_site(self.request))
        if "search" in self.request.GET:
            # Search backends filter on indexed fields only (no alias_of, go_live_at, expire_at):
            # the same rule, expressed through the indexed id.
            return base.filter(id__in=visible.values("pk"))
        return visible


wagtail_v2 = WagtailAPIRouter("wagtailapi")
wagtail_v2.register_endpoint("pages", VisiblePagesAPIViewSet)
wagtail_v2.register_endpoint("images", RolandImagesAPIViewSet)
wagtail_v2.register_endpoint("documents", DocumentsAPIViewSet)
