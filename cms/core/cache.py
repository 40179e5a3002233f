"""A Redis cache that fails open: when Redis is unreachable the site keeps answering, uncached.

Rate-limit counters, cached API answers, facts remembered per version and Wagtail's own caches live
in the default cache, so one outage would otherwise turn every request into a 500. Each failure opens a
short circuit: for a few seconds the cache is skipped entirely instead of waiting on timeouts
request after request, then one call tries again. Failures are logged once per outage.
"""

import logging
import time
from typing import Any

import redis
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger("roland.cache")

RETRY_AFTER_SECONDS = 5.0

# One command instead of a pipeline of two (INCR, EXPIRE … NX): the same single round trip, atomic,
# and about half the client's CPU per count (every API request counts, cached answers included). A
# counter that has lost its expiry somehow gets it back, so no window can last for ever.
_COUNT_SCRIPT = """
local value = redis.call('INCR', KEYS[1])
if value == 1 or redis.call('TTL', KEYS[1]) < 0 then
    redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return value
"""


class CacheUnavailable(Exception):
    """Raised by incr() only, so counters (rate limits) can tell 'unknown' from 'zero'."""


class ReusingRedisCacheClient(RedisCacheClient):
    """Django builds a new redis.Redis for every cache call, copying its response callbacks each
    time, twice per cached API answer. Clients are thread-safe (connections come from the
    pool per command), so one per connection pool is kept."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = params.setdefault("OPTIONS", {})
        self._retry_after = float(options.pop("RETRY_AFTER", RETRY_AFTER_SECONDS))
        # Without timeouts a hung Redis would hang every request.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._down_until = 0.0
        self._count_script: Any = None

    @property
    def available(self) -> bool:
        return not self._down_until or time.monotonic() >= self._down_until

    def _failed(self, operation: str, error: Exception) -> None:
        if not self._down_until:  # first failure since Redis last answered
            logger.error(
                "Redis cache unreachable (%s: %s); serving without cache for %.0f s",
                operation,
                error,
                self._retry_after,
            )
        self._down_until = time.monotonic() + self._retry_after

    def _guard(self, operation: str, default: Any, call, *args, **kwargs) -> Any:
        if not self.available:
            return default
        try:
            result = call(*args, **kwargs)
        except self._lib_errors as error:
            self._failed(operation, error)
            return default
        if self._down_until:
            logger.warning("Redis cache reachable again")
            self._down_until = 0.0
        return result

    @property
    def _lib_errors(self) -> tuple[type[Exception], ...]:
        return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("add", False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guard("get", default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set", None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("touch", False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard("delete", False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, super().has_key, key, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set_many", list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", None, super().delete_many, keys, version)

    def clear(self):
        return self._guard("clear", False, super().clear)

    def incr(self, key, delta=1, version=None):
        marker = object()
        result = self._guard("incr", marker, super().incr, key, delta, version)
        if result is marker:
            raise CacheUnavailable("cache unavailable")
        return result

    def count(self, key: str, timeout: int) -> int:
        """Add one to a counter that expires `timeout` seconds after it was created: one round trip.

        Django's incr() needs two (EXISTS, then INCRBY) and a separate add() for a new key.
        """
        if not self.available:
            raise CacheUnavailable("cache unavailable")
        full_key = self.make_and_validate_key(key)
        try:
            client = self._cache.get_client(full_key, write=True)
            if self._count_script is None:
                # Sent by its digest; redis-py loads it again when the server has forgotten it.
                self._count_script = client.register_script(_COUNT_SCRIPT)
            value = self._count_script(keys=[full_key], args=[timeout], client=client)
        except self._lib_errors as error:
            self._failed("count", error)
            raise CacheUnavailable("cache unavailable") from error
        if self._down_until:
            logger.warning("Redis cache reachable again")
            self._down_until = 0.0
        return int(value)


def count_in_window(name: str, window: int, now: float) -> tuple[int, int]:
    """One more in the fixed window of `window` seconds that `now` falls in: (count so far, seconds
    until the window ends). Raises CacheUnavailable when the cache cannot count (callers fail open).

    The one counter behind every rate limit (API callers, submissions, kiosk heartbeats).
    """
    start = int(now // window) * window
    reset = max(int(start + window - now), 1)
    key = f"{name}:{start}"
    try:
        if hasattr(cache, "count"):  # the Redis backend: one round trip
            return cache.count(key, window + 5), reset
        try:
            return cache.incr(key), reset
        except ValueError:
            return (1 if cache.add(key, 1, window + 5) else cache.incr(key)), reset
    except ValueError as error:  # expired between add and incr: count it as unknown
        raise CacheUnavailable(str(error)) from None
