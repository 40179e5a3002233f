"""CORS origins per site: django-cors-headers asks us whether a request's Origin may read the API."""

from corsheaders.signals import check_request_enabled
from django.http import HttpRequest

from cms.core.visibility import find_site, site_facts


def origin_allowed(request: HttpRequest) -> bool:
    """True when the Origin header is one of the site's configured origins (from the cached facts)."""
    origin = request.headers.get("Origin", "")
    return bool(origin) and origin in site_facts(find_site(request)).cors_origins


def _check(sender, request: HttpRequest, **kwargs) -> bool:
    # django-cors-headers enables CORS for a path if any receiver says yes: only ever the API.
    return request.path.startswith("/api/") and origin_allowed(request)


check_request_enabled.connect(_check, dispatch_uid="roland_cors_per_site")
