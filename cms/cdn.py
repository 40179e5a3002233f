"""Purging a CDN in front of the API when content changes (Wagtail's frontend cache backends).

Configured from the environment (see settings: FRONTEND_CACHE_PURGE_URL for Varnish/nginx-style
PURGE, or Cloudflare/CloudFront credentials); without that, nothing happens. Purges run as a
background task, so publishing never waits for the CDN. A CDN cannot purge every query-string
variant of a list by URL: those expire after API_CACHE_MAX_AGE, which is why that stays short.
"""

from django.conf import settings

# The entry points clients poll; their query-less forms are purged on every content change.
API_ROOTS = (
    "/api/v1/pois",
    "/api/v1/pois.geojson",
    "/api/v1/events",
    "/api/v1/events.ics",
    "/api/v1/news",
    "/api/v1/news.rss",
    "/api/v1/navigation",
    "/api/v1/categories",
    "/api/wagtail/v2/pages/",
)
DETAIL_PATHS = {"pointofinterest": "pois", "event": "events", "newsarticle": "news"}


def is_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def urls_for(page_ids: dict[int, str]) -> list[str]:
    """The API URLs to purge for changed pages (id → model name), plus the list roots."""
    base = settings.WAGTAILAPI_BASE_URL.rstrip("/")
    urls = [base + path for path in API_ROOTS]
    for page_id, model_name in sorted(page_ids.items()):
        if model_name in DETAIL_PATHS:
            urls.append(f"{base}/api/v1/{DETAIL_PATHS[model_name]}/{page_id}")
        urls.append(f"{base}/api/wagtail/v2/pages/{page_id}/")
    return urls


def purge_api(page_ids: dict[int, str] | None = None) -> None:
    if not is_configured():
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls_for(page_ids or {}))
