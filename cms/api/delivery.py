"""The delivery layer in front of every API answer: key check, rate limit, response cache, validators.

It sits outside cms.api.middleware (so cached answers already carry problem documents and language
headers) and inside django-cors-headers (so 401 and 429 answers carry CORS headers a browser needs
to read them, and preflights are never counted). A cached hit is answered here, after the key check
and the rate count: nothing below (sessions, language, CSRF, auth, Wagtail's middlewares, the view)
runs for it.
"""

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from cms.core import http_cache, metrics, versions
from cms.core.problems import problem_response
from sites.api_keys import record_use

from . import access

logger = logging.getLogger("roland.api")

CACHE_STATUS_HEADER = "X-Roland-Cache"


class DeliveryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        try:
            caller = access.identify(request)
        except access.InvalidKey:
            caller = None
        if caller is not None and caller.client is not None:
            request.roland_client = caller.client  # the access line names the client (cms.observability)
        quota = access.take(caller or access.identify_anonymous(request))
        if quota.exceeded:
            metrics.count_rate_limited(keyed=caller is not None and caller.client is not None)
            response = problem_response(
                429,
                "Rate limit exceeded; retry after the number of seconds in Retry-After.",
                headers={"Retry-After": str(quota.reset)},
            )
        elif caller is None:
            response = problem_response(
                401,
                "The API key is unknown or revoked. Send a valid key, or none for anonymous access.",
                headers={"WWW-Authenticate": 'Bearer realm="roland"'},
            )
        else:
            response = self._answer(request, keyed=caller.client is not None)
            if caller.client is not None:
                record_use(caller.client)
        for name, value in quota.headers().items():
            response[name] = value
        return response

    def _answer(self, request: HttpRequest, keyed: bool) -> HttpResponse:
        with versions.snapshot(versions.CONTENT, versions.VISIBILITY):
            return self._answer_with_versions(request, keyed)

    def _answer_with_versions(self, request: HttpRequest, keyed: bool) -> HttpResponse:
        if not http_cache.is_cacheable_request(request):
            return self.get_response(request)
        key, answer = http_cache.lookup(request)
        if answer is not None:
            # Nothing below this middleware runs for a hit: the answer was made by it once.
            return http_cache.serve(request, answer, keyed, {CACHE_STATUS_HEADER: "hit"})
        response = self.get_response(request)
        answer = http_cache.store(key, request, response)
        response[CACHE_STATUS_HEADER] = "miss" if answer is not None else "bypass"
        return http_cache.finish(request, response, answer, keyed)
