"""Who is calling and how often: partner keys and rate limits, for every answer under /api/.

Rules only; cms.api.delivery applies them to requests. Counters are fixed one-minute windows in the
default cache (local memory, or Redis shared by all workers). When the cache cannot count, requests
are served anyway: a rate limit is a protection, not a reason to take the API down.
"""

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

from cms.core.addresses import client_address
from cms.core.cache import CacheUnavailable, count_in_window
from sites.api_keys import ClientIdentity, authenticate

logger = logging.getLogger("roland.ratelimit")
_last_warning = 0.0


class InvalidKey(Exception):
    """A key was sent but belongs to no active client."""


@dataclass(frozen=True)
class Caller:
    bucket: str  # what the counter is kept for: a client id or an anonymous address
    limit: int
    client: ClientIdentity | None = None


@dataclass(frozen=True)
class Quota:
    limit: int
    remaining: int
    reset: int  # seconds until the window starts afresh
    counted: bool = True  # False when the cache could not count (fail-open)

    @property
    def exceeded(self) -> bool:
        return self.counted and self.remaining < 0

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(max(self.remaining, 0)),
            "RateLimit-Reset": str(self.reset),
            "RateLimit-Policy": f"{self.limit};w={settings.API_RATE_LIMIT_WINDOW}",
        }


def presented_key(request: HttpRequest) -> str | None:
    """The key from `Authorization: Bearer …` or `X-API-Key`, or None when the caller sent none."""
    authorization = request.headers.get("Authorization", "")
    if authorization[:7].lower() == "bearer ":
        return authorization[7:].strip()
    key = request.headers.get("X-API-Key")
    return key.strip() if key is not None else None


def identify_anonymous(request: HttpRequest) -> Caller:
    return Caller(f"ip:{client_address(request)}", settings.API_RATE_LIMIT_ANONYMOUS)


def identify(request: HttpRequest) -> Caller:
    """The caller's bucket and limit; raises InvalidKey for a wrong or revoked key.

    A wrong key counts against the sender's address, so guessing keys is rate-limited too.
    """
    key = presented_key(request)
    if key is None:
        return identify_anonymous(request)
    client = authenticate(key)
    if client is None:
        raise InvalidKey
    return Caller(f"client:{client.pk}", client.rate_limit, client)


def take(caller: Caller, now: float | None = None) -> Quota:
    """Count one request against the caller's current window."""
    window = settings.API_RATE_LIMIT_WINDOW
    now = time.time() if now is None else now
    try:
        count, reset = count_in_window(f"roland:rate:{caller.bucket}", window, now)
    except CacheUnavailable as error:
        global _last_warning
        if now - _last_warning > 60:  # once a minute is enough to see an outage in the log
            _last_warning = now
            logger.warning("Rate limits not counted (%s): failing open, requests are served", error)
        return Quota(
            caller.limit, caller.limit, max(int((now // window + 1) * window - now), 1), counted=False
        )
    return Quota(caller.limit, caller.limit - count, reset)
