"""Purging a CDN in front of the API when content changes (Wagtail's frontend cache backends).

Configured from the environment (see settings: FRONTEND_CACHE_PURGE_URL for Varnish/nginx-style
PURGE, or Cloudflare/CloudFront credentials); without that, nothing happens. Purges run as a
background task, so publishing never waits for the CDN. A CDN cannot purge every query-string
variant of a list by URL: those expire after API_CACHE_MAX_AGE, which is why that stays short.
"""

from django.conf import settings

from cms.core import registry

# Entry points clients poll besides each content type's collection and feeds (cms.core.registry);
# their query-less forms are purged on every content change.
OTHER_ROOTS = ("/api/v1/navigation", "/api/v1/categories", "/api/wagtail/v2/pages/")


def api_roots() -> list[str]:
    roots = []
    for content_type in registry.types():
        roots += [f"/api/v1/{name}" for name in (content_type.collection, *content_type.feeds)]
    return [*roots, *OTHER_ROOTS]


def is_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def urls_for(page_ids: dict[int, type]) -> list[str]:
    """The API URLs to purge for changed pages (id → page class), plus the list roots."""
    base = settings.WAGTAILAPI_BASE_URL.rstrip("/")
    urls = [base + path for path in api_roots()]
    for page_id, model in sorted(page_ids.items()):
        path = registry.api_path(model, page_id)
        if path:
            urls.append(f"{base}/api/v1/{path}")
        urls.append(base + registry.stock_detail(page_id))
    return urls


def purge_api(page_ids: dict[int, type] | None = None) -> None:
    if not is_configured():
        return
    # The frontend-cache app is installed only when a CDN is configured (settings).
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls_for(page_ids or {}))
