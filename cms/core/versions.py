"""Version counters: invalidation by version, not by timeout (DESIGN principle 2).

A cached value's key carries the current version of everything it rests on; bumping a version
makes every older key unreachable at once, in every process. The counters live in the database
(`cms.models.Version`), the one store every process shares, so a change made by a web worker, the
task worker, a management command or a shell counts everywhere, whatever the cache backend and
whether Redis is up. A bump is part of the change's transaction: it commits or rolls back with it.

Each process keeps the counters it read for at most VERSIONS_MEMORY_SECONDS (one second), so the
cached path stays free of queries: one small query a second per process instead of one per request.
A counter is raised to at least the clock (in microseconds), so a value is never used twice, even
across a recreated database or a rolled-back transaction.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import BigIntegerField, F, Value
from django.db.models.functions import Greatest

from .models import Version

CONTENT = "content"  # anything a public answer shows: pages, snippets, images, occurrences, kiosks
VISIBILITY = "visibility"  # sites, locales, restrictions, collections, site settings
API_CLIENTS = "api-clients"


def _fresh() -> int:
    return time.time_ns() // 1000


# What this process read, by name: (value, when it was read, time.monotonic()). Only committed
# values go here; a transaction that bumped keeps its own (see _pending).
_memory: dict[str, tuple[int, float]] = {}
_memory_lock = threading.Lock()

# Versions fixed for one API request, so every lookup in it (sites, facts, answer key) agrees.
_snapshot: ContextVar[dict[str, int] | None] = ContextVar("roland_versions", default=None)


def _memory_seconds() -> float:
    return float(getattr(settings, "VERSIONS_MEMORY_SECONDS", 1.0))


@contextmanager
def snapshot(*names: str) -> Iterator[None]:
    """Fix these versions for the block."""
    token = _snapshot.set(dict(zip(names, current_many(*names), strict=True)))
    try:
        yield
    finally:
        _snapshot.reset(token)


def current(name: str) -> int:
    return current_many(name)[0]


def current_many(*names: str) -> tuple[int, ...]:
    """The versions as this process may see them: at most VERSIONS_MEMORY_SECONDS old."""
    taken = _snapshot.get()
    if taken is not None and all(name in taken for name in names):
        return tuple(taken[name] for name in names)
    own = _pending()
    if own is not None:  # this transaction bumped: it sees its own, uncommitted values
        missing = [name for name in names if name not in own]
        if missing:
            own.update(_read(missing))
        return tuple(own[name] for name in names)
    now = time.monotonic()
    oldest = now - _memory_seconds()
    found: dict[str, int] = {}
    with _memory_lock:
        for name in names:
            held = _memory.get(name)
            if held is not None and held[1] > oldest:
                found[name] = held[0]
    missing = [name for name in names if name not in found]
    if missing:
        read = _read(missing, every=True)  # the clock was read first: the values are at least this new
        with _memory_lock:
            for name, value in read.items():
                _memory[name] = (value, now)
        found.update(read)
    return tuple(found[name] for name in names)


def bump(name: str) -> int:
    """Raise a version in the current transaction; returns the new value."""
    taken = _snapshot.get()
    if taken is not None:
        taken.pop(name, None)  # this request changed it: read the new value from now on
    with transaction.atomic():
        raised = Greatest(F("value") + 1, Value(_fresh()), output_field=BigIntegerField())
        if not Version.objects.filter(name=name).update(value=raised):
            Version.objects.get_or_create(name=name, defaults={"value": _fresh()})
        value = Version.objects.values_list("value", flat=True).get(name=name)
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        _own_values(connection)[name] = value
    else:  # committed already
        forget(name)
    return value


def forget(*names: str) -> None:
    """Drop what this process remembers of these versions (all without names)."""
    with _memory_lock:
        for name in names or list(_memory):
            _memory.pop(name, None)


def _read(names: list[str], every: bool = False) -> dict[str, int]:
    """The stored values of these versions (`every`: of all, in the same query), created if absent."""
    rows = Version.objects.all() if every else Version.objects.filter(name__in=names)
    values = dict(rows.values_list("name", "value"))
    for name in names:
        if name not in values:
            values[name] = Version.objects.get_or_create(name=name, defaults={"value": _fresh()})[0].value
    return values


# A transaction that bumped a version sees the new value at once, but no other thread of this
# process may before the commit (it would store answers of the old content under the new version).
# Its values are kept on the connection, tied to a marker callback in the connection's on-commit
# list: a rollback (of the transaction or of the savepoint that bumped) discards the marker, and
# with it these values; the commit runs it, and the process reads the committed values afresh.
def _pending() -> dict[str, int] | None:
    connection = transaction.get_connection()
    state = getattr(connection, "roland_versions", None)
    if state is None:
        return None
    marker, values = state
    if connection.in_atomic_block and any(entry[1] is marker for entry in connection.run_on_commit):
        return values
    connection.roland_versions = None
    return None


def _own_values(connection) -> dict[str, int]:
    values = _pending()
    if values is None:
        values = {}

        def committed() -> None:
            connection.roland_versions = None
            forget(*values)

        connection.roland_versions = (committed, values)
        transaction.on_commit(committed, robust=True)
    return values


# Values derived from versioned data are immutable per version, so each process keeps the current
# version's in memory and skips the shared cache (and unpickling) on every request; a new version
# replaces them.
_local: dict[str, tuple[int, Any]] = {}


def remembered(
    name: str, version: int | tuple[int, ...], load: Callable[[], Any], shared: bool = True
) -> Any:
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
