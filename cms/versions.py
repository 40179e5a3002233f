"""Version counters in the shared cache: invalidation by version, not by timeout (DESIGN principle 1).

A cached value's key carries the current version of everything it rests on; bumping a version
makes every older key unreachable at once, whatever it was. A counter that is lost (cache restart,
eviction) restarts from the clock, so it can never fall back onto a number that older keys used.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.cache import cache

from .cache import CacheUnavailable

CONTENT = "content"  # anything a public answer shows: pages, snippets, images, occurrences
VISIBILITY = "visibility"  # sites, locales, restrictions, collections, site settings
API_CLIENTS = "api-clients"


def _key(name: str) -> str:
    return f"roland:version:{name}"


def _fresh() -> int:
    return time.time_ns() // 1000


# Versions read once at the start of an API request and used for all of it: one cache round trip
# instead of one per lookup (site list, site facts, answer key).
_snapshot: ContextVar[dict[str, int] | None] = ContextVar("roland_versions", default=None)


def cache_keys(*names: str) -> list[str]:
    """The cache keys of some versions, for a caller that reads them along with other work."""
    return [_key(name) for name in names]


@contextmanager
def snapshot(*names: str, known: dict | None = None) -> Iterator[None]:
    """Fix these versions for the block; `known` holds values already read (by cache key)."""
    known = known or {}
    missing = [name for name in names if not known.get(_key(name))]
    fetched = dict(zip(missing, current_many(*missing), strict=True)) if missing else {}
    token = _snapshot.set({name: known.get(_key(name)) or fetched[name] for name in names})
    try:
        yield
    finally:
        _snapshot.reset(token)


def current(name: str) -> int:
    taken = _snapshot.get()
    if taken is not None and name in taken:
        return taken[name]
    value = cache.get(_key(name))
    if value is None:
        value = _fresh()
        if not cache.add(_key(name), value, timeout=None):
            value = cache.get(_key(name)) or value
    return value


def current_many(*names: str) -> tuple[int, ...]:
    """Several versions in one cache round trip (the response cache needs two per request)."""
    taken = _snapshot.get()
    if taken is not None and all(name in taken for name in names):
        return tuple(taken[name] for name in names)
    found = cache.get_many([_key(name) for name in names])
    return tuple(found.get(_key(name)) or current(name) for name in names)


def bump(name: str) -> None:
    taken = _snapshot.get()
    if taken is not None:
        taken.pop(name, None)  # this request changed it: read the new value from now on
    try:
        cache.incr(_key(name))
    except ValueError:
        cache.set(_key(name), _fresh(), timeout=None)
    except CacheUnavailable:
        pass  # nothing cached can be served meanwhile; entries from before expire by timeout


# Values derived from versioned data are immutable per version, so each process keeps the current
# version's in memory and skips the shared cache (and unpickling) on every request; a new version
# replaces them.
_local: dict[str, tuple[int, Any]] = {}


def remembered(name: str, version: int, load: Callable[[], Any], shared: bool = True) -> Any:
    """`load()`'s value for this version of what it rests on: from this process, else (`shared`) from
    the shared cache, else loaded and kept in both."""
    held = _local.get(name)
    if held is not None and held[0] == version:
        return held[1]
    key = f"roland:{name}:{version}"
    value = cache.get(key) if shared else None
    if value is None:
        value = load()
        if shared:
            cache.set(key, value, timeout=24 * 3600)
    _local[name] = (version, value)
    return value
