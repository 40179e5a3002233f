"""HTTP caching of API answers: validators (ETag, Last-Modified), Cache-Control, and a server-side
response cache that publishing invalidates.

A cached answer is keyed by site, origin, path, query, the language asked for (and how: parameter,
header or neither), the Accept header and the visibility scope, together with the content and
visibility versions: any publish, unpublish, move, delete or translation change bumps the content
version (cms.publishing), so no answer that could contain the item is served again. A lifetime
(API_CACHE_SERVER_SECONDS) only bounds changes that come from the clock alone (an event that ends,
a shop that closes, an expiry date passing).
"""

import hashlib
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from cms.core import versions
from cms.core.visibility import find_site, site_facts

from .i18n import language_request, query_locale

CACHED_PREFIXES = ("/api/v1/", "/api/wagtail/v2/")
# Everyone reads the same public content: keys carry no user or client. Should a scope ever depend
# on who asks, it goes here and into the key.
PUBLIC_SCOPE = "public"
MAX_CACHED_BYTES = 2 * 1024 * 1024
_SKIPPED_HEADERS = {"set-cookie", "date", "content-length"}
_MAX_AGE = re.compile(r"(?:^|,)\s*max-age=(\d+)")


@dataclass
class CachedAnswer:
    status: int
    body: bytes
    headers: list[tuple[str, str]]
    etag: str
    last_modified: int  # epoch seconds
    stored_at: float = 0.0  # epoch seconds; gives the Age of a kept answer
    expires_at: float = 0.0  # epoch seconds; when the shared cache lets it go

    def to_response(self) -> HttpResponse:
        response = self._stored_response()
        self._age(response)
        return response

    def _stored_response(self) -> HttpResponse:
        response = HttpResponse(self.body, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response

    def _age(self, response: HttpResponse) -> None:
        if self.stored_at:
            # Clients count max-age from when the answer was made, not from when it was served again.
            response["Age"] = str(max(0, int(time.time() - self.stored_at)))

    def ready_response(self, keyed: bool) -> HttpResponse:
        """The answer as `finish` would make it, from headers prepared once per process and kind of
        caller: a hit neither re-validates its stored headers nor recomputes its validators."""
        prepared = self.__dict__.setdefault("_prepared", {})
        headers = prepared.get(keyed)
        if headers is None:
            template = self._stored_response()
            _validators(template, self.etag, self.last_modified, keyed)
            headers = prepared[keyed] = dict(template.headers._store)
        response = HttpResponse(self.body, status=self.status)
        # Django's header store (name in lower case → (name, value)); the values were checked when
        # the template above was built through the public API.
        response.headers._store.update(headers)
        self._age(response)
        return response

    @property
    def notes(self) -> set[str]:
        """What this process has done about the answer that follows from its bytes alone and needs
        doing once, not on every hit (never stored: another process notes its own)."""
        return self.__dict__.setdefault("_notes", set())

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_prepared", None)  # this process's, rebuilt on demand
        state.pop("_notes", None)
        return state


def kept_answer(response: HttpResponseBase) -> CachedAnswer | None:
    """The kept answer a full response was served from (a hit) or stored as (a miss); None otherwise."""
    return getattr(response, "roland_kept_answer", None)


# Hot answers, per process: the shared cache stays the source of truth, but the most read answers are
# also kept here so a hit costs no cache round trip and no unpickling. Safe because the key carries the
# versions (read from the shared cache on every request): an invalidation changes the key everywhere.
HOT_ENTRIES = 512
HOT_BYTES = 16 * 1024 * 1024
_hot: OrderedDict[str, CachedAnswer] = OrderedDict()
_hot_bytes = 0
_hot_lock = threading.Lock()


def _recall(key: str) -> CachedAnswer | None:
    with _hot_lock:
        answer = _hot.get(key)
        if answer is None:
            return None
        if answer.expires_at <= time.time():
            _drop(key)
            return None
        _hot.move_to_end(key)
        return answer


def _remember(key: str, answer: CachedAnswer) -> None:
    global _hot_bytes
    size = len(answer.body)
    if size > HOT_BYTES // 8:
        return
    with _hot_lock:
        if key in _hot:
            _drop(key)
        _hot[key] = answer
        _hot_bytes += size
        while len(_hot) > HOT_ENTRIES or _hot_bytes > HOT_BYTES:
            _drop(next(iter(_hot)))


def _drop(key: str) -> None:
    global _hot_bytes
    _hot_bytes -= len(_hot.pop(key).body)


def forget_hot_answers() -> None:
    """Empty this process's hot answers (tests, and whoever clears the shared cache)."""
    global _hot_bytes
    with _hot_lock:
        _hot.clear()
        _hot_bytes = 0


def is_cacheable_request(request: HttpRequest) -> bool:
    return request.method in ("GET", "HEAD") and request.path.startswith(CACHED_PREFIXES)


# What _variant found for the request features it reads, per visibility version: the variant is a
# pure function of them, and computing it (site, language, hash) is most of a hit's own work. Bounded
# (query strings are the client's to choose); emptied when full.
VARIANT_MEMORY = 4096
_variants: dict[tuple, tuple[str, str]] = {}


def _variant(request: HttpRequest) -> tuple[str, str]:
    """What besides the URL shapes an answer; also the part of the key that survives invalidation."""
    meta = request.META
    # get_host() validates the host against ALLOWED_HOSTS on every request, remembered or not.
    host = request.get_host()
    features = (
        versions.current(versions.VISIBILITY),
        request.scheme,
        host,
        request.path,
        meta.get("QUERY_STRING", ""),
        meta.get("HTTP_ACCEPT_LANGUAGE"),
        meta.get("HTTP_ACCEPT", ""),
    )
    found = _variants.get(features)
    if found is None:
        found = _compute_variant(request, host)
        if len(_variants) >= VARIANT_MEMORY:
            _variants.clear()
        _variants[features] = found
    return found


def _compute_variant(request: HttpRequest, host: str) -> tuple[str, str]:
    site = find_site(request)
    # The language as the views will read it (cms.core.i18n), explicitness included: a detail asked
    # without any language answers in its item's, one asked with any header does not.
    asked = language_request(request, list(site_facts(site).locales), query_locale(request))
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    accept = "".join(request.headers.get("Accept", "").lower().split())[:200]
    # Scheme and host too: answers carry absolute URLs built from them.
    origin = f"{request.scheme}://{host}"
    raw = "|".join([PUBLIC_SCOPE, str(site.pk), origin, request.path, query, asked.key, accept])
    return raw, hashlib.sha256(raw.encode()).hexdigest()


def lookup(request: HttpRequest) -> tuple[str, CachedAnswer | None]:
    """The cache key for this request and the answer stored under it, if any."""
    content, visibility = versions.current_many(versions.CONTENT, versions.VISIBILITY)
    _raw, variant = _variant(request)
    key = f"roland:answer:{content}:{visibility}:{variant}"
    if settings.API_CACHE_SERVER_SECONDS <= 0:  # switched off
        return key, None
    answer = _recall(key)
    if answer is None:
        answer = cache.get(key)
        if answer is not None:
            if not answer.expires_at:  # kept before answers carried their expiry
                answer.expires_at = answer.stored_at + settings.API_CACHE_SERVER_SECONDS
            _remember(key, answer)
    return key, answer


def store(key: str, request: HttpRequest, response: HttpResponse) -> CachedAnswer | None:
    """Keep a successful public answer; returns what was kept (None when it may not be kept)."""
    if settings.API_CACHE_SERVER_SECONDS <= 0:  # switched off
        return None
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return None
    if response.has_header("Set-Cookie"):
        return None
    cache_control = response.get("Cache-Control", "")
    # no-cache: every use must be checked with the origin (the change feed), so no kept copy serves it.
    if "no-store" in cache_control or "private" in cache_control or "no-cache" in cache_control:
        return None
    # An answer that says how long it holds (a kiosk feed until its next change) is kept no longer.
    lifetime = settings.API_CACHE_SERVER_SECONDS
    declared = _MAX_AGE.search(cache_control)
    if declared is not None:
        lifetime = min(lifetime, int(declared.group(1)))
    if lifetime <= 0:
        return None
    body = response.content
    if len(body) > MAX_CACHED_BYTES:
        return None
    etag = etag_for(body)
    answer = CachedAnswer(
        status=response.status_code,
        body=body,
        headers=[(k, v) for k, v in response.items() if k.lower() not in _SKIPPED_HEADERS],
        etag=etag,
        last_modified=_last_modified(key, etag),
        stored_at=time.time(),
    )
    answer.expires_at = answer.stored_at + lifetime
    cache.set(key, answer, lifetime)
    _remember(key, answer)
    response.roland_kept_answer = answer
    return answer


def _last_modified(key: str, etag: str) -> int:
    """When this representation first appeared: re-rendering the same bytes keeps the old date."""
    variant = key.rsplit(":", 1)[-1]
    seen_key = f"roland:answer-seen:{variant}"
    seen = cache.get(seen_key)
    if seen and seen[0] == etag:
        return seen[1]
    now = int(time.time())
    cache.set(seen_key, (etag, now), 7 * 24 * 3600)
    return now


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def finish(
    request: HttpRequest, response: HttpResponse, answer: CachedAnswer | None, keyed: bool
) -> HttpResponseBase:
    """Validators, Cache-Control and, when the client already has this answer, a 304."""
    if request.method not in ("GET", "HEAD") or response.status_code not in (200, 304):
        return response
    if response.streaming or response.status_code == 304:
        # A stream (a bulk export) or its 304 carries validators of its own, known before its bytes.
        _cache_control(response, keyed)
        return response
    if answer is not None:
        etag, last_modified = answer.etag, answer.last_modified
    else:
        etag, last_modified = etag_for(response.content), int(time.time())
    _validators(response, etag, last_modified, keyed)
    return _conditional(request, response, etag, last_modified)


def serve(
    request: HttpRequest, answer: CachedAnswer, keyed: bool, headers: dict[str, str]
) -> HttpResponseBase:
    """A kept answer, finished as `finish` finishes a fresh one (`headers` added to the full answer)."""
    response = answer.ready_response(keyed)
    response.roland_kept_answer = answer
    for name, value in headers.items():
        response[name] = value
    meta = request.META
    if "HTTP_IF_NONE_MATCH" not in meta and "HTTP_IF_MODIFIED_SINCE" not in meta:
        return response  # nothing to compare: the full answer
    return _conditional(request, response, answer.etag, answer.last_modified)


def _validators(response: HttpResponse, etag: str, last_modified: int, keyed: bool) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    _cache_control(response, keyed)


def _conditional(
    request: HttpRequest, response: HttpResponse, etag: str, last_modified: int
) -> HttpResponseBase:
    if "no-store" in response["Cache-Control"]:
        return response
    conditional = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
    if conditional is not response and conditional.status_code == 304:
        for name in ("Content-Language",):
            if response.has_header(name):
                conditional[name] = response[name]
    return conditional


def _cache_control(response: HttpResponse, keyed: bool) -> None:
    if not response.has_header("Cache-Control"):
        visibility = "private" if keyed else "public"
        response["Cache-Control"] = (
            f"{visibility}, max-age={settings.API_CACHE_MAX_AGE}, "
            f"stale-while-revalidate={settings.API_CACHE_STALE_WHILE_REVALIDATE}"
        )
    patch_vary_headers(response, ["Accept", "Accept-Language"])
