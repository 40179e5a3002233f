"""Query shapes built and compiled once per process, run again with new values bound.

Building a queryset (filters, subqueries, the visibility rule) and compiling it to SQL costs about
as much Python as the rest of a detail answer, and a detail asks the same shapes on every request:
only the item's id and the clock change. `rows(key, build, **values)` builds `build(**values)` once
per `key` with stand-in values, finds the stand-ins among the compiled statement's parameters, and
from then on runs that statement with the request's values in their places.

The key must name everything the shape rests on (site, visibility version, languages, ...); the
values may only be compared with columns (never decide the shape). A shape whose stand-ins cannot
all be found among its parameters (a value written into the SQL text, or turned into something
else on the way) is built afresh on every call, as without this module.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db import connections
from django.db.models import ManyToOneRel, Model, OneToOneRel, Prefetch, QuerySet, prefetch_related_objects
from django.db.models.constants import LOOKUP_SEP

# Shapes kept per process; a new version of what the keys rest on adds keys, so the table is
# emptied when it grows past this many.
MAX_SHAPES = 512

# Up to this many values in one list (the keys of an answer's related pages or venues) a shape is
# kept per length of the list; longer lists (an export's chunk) are built each time.
FEW = 20

_shapes: dict[Hashable, _Shape] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class _Shape:
    queryset: QuerySet  # as built with the stand-ins; what the iterable reads besides the statement
    compiler: Any  # compiled once: its select, converters and column map serve every run
    sql: str | None  # None: the shape matches nothing (an empty IN)
    bindable: bool  # False: built afresh on every call
    params: tuple
    slots: tuple[tuple[int, str, str], ...]  # (position, value name, ADAPTERS key)
    converters: dict = field(default_factory=dict)  # per database connection: the rows' converters


def _stand_in(name: str, value: Any, index: int) -> Any:
    """A value of the same kind as `value` that no query of the project compares with."""
    if isinstance(value, datetime):
        return datetime(1903, 2, 3, 4, 5, 6, 100_003 + index, tzinfo=UTC)
    if isinstance(value, UUID):
        return UUID(int=0x5EED_0000_0000_4000_8000_0000_0000_0000 + index)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"statements: no stand-in for {name}={value!r} (int, datetime and UUID only)")
    return -1_900_000_003 - index


# How a value may reach the statement's parameters: as it is, or as the database driver is handed
# a datetime or a UUID where it has no type of its own (SQLite: text).
ADAPTERS: dict[str, Callable[[Any, Any], Any]] = {
    "same": lambda _connection, value: value,
    "datetime": lambda connection, value: connection.ops.adapt_datetimefield_value(value),
    "uuid": lambda _connection, value: value.hex,
}


def _compile(build: Callable[..., QuerySet], values: dict[str, Any]) -> _Shape:
    stand_ins = {name: _stand_in(name, value, index) for index, (name, value) in enumerate(values.items())}
    queryset = build(**stand_ins)
    connection = connections[queryset.db]
    compiler = queryset.query.get_compiler(using=queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return _Shape(queryset, compiler, None, True, (), ())
    wanted = {}
    for name, stand_in in stand_ins.items():
        kinds = ["same"]
        if isinstance(stand_in, datetime):
            kinds.append("datetime")
        elif isinstance(stand_in, UUID):
            kinds.append("uuid")
        for kind in kinds:
            wanted.setdefault(_key(ADAPTERS[kind](connection, stand_in)), (name, kind))
    slots = tuple(
        (position, *wanted[_key(param)]) for position, param in enumerate(params) if _key(param) in wanted
    )
    found = {name for _position, name, _kind in slots}
    written = any(
        str(stand_in) in sql or getattr(stand_in, "hex", "-") in sql for stand_in in stand_ins.values()
    )
    bindable = found == set(stand_ins) and not written
    return _Shape(queryset, compiler, sql, bindable, tuple(params), slots)


def _key(param: Any) -> tuple[type, Any] | None:
    """Compare parameters by type and value (1 == True == 1.0 must not match)."""
    try:
        hash(param)
    except TypeError:
        return None
    return (type(param), param)


def rows(key: Hashable, build: Callable[..., QuerySet], /, **values: Any) -> list:
    """What iterating `build(**values)` yields (model instances, tuples: its iterable's), through the
    statement compiled once per process for `key`. Prefetches of the built queryset do not run: the
    caller runs `lookups(key)` on what it keeps of the rows (`prefetch_one` for one instance)."""
    shape = _shapes.get(key)
    if shape is None:
        shape = _compile(build, values)
        with _lock:
            if len(_shapes) >= MAX_SHAPES:
                _shapes.clear()
            _shapes[key] = shape
    if not shape.bindable:
        return list(build(**values).prefetch_related(None))
    if shape.sql is None:
        return []
    connection = connections[shape.queryset.db]
    params = list(shape.params)
    for position, name, kind in shape.slots:
        params[position] = ADAPTERS[kind](connection, values[name])
    compiler = copy.copy(shape.compiler)
    compiler.connection = connection
    sql = shape.sql
    compiler.as_sql = lambda *args, **kwargs: (sql, params)
    converters = shape.converters.get(connection)
    if converters is None:
        converters = shape.converters[connection] = shape.compiler.get_converters(
            [column[0] for column in shape.compiler.select[: shape.compiler.col_count]]
        )
    compiler.get_converters = lambda _expressions: converters
    return list(shape.queryset._iterable_class(_Bound(shape.queryset, compiler)))


def lookups(key: Hashable) -> tuple:
    """The prefetch lookups of the queryset built for `key` (after `rows` ran for it; none before)."""
    shape = _shapes.get(key)
    return tuple(shape.queryset._prefetch_related_lookups) if shape is not None else ()


class _Bound:
    """The built queryset as its iterable class reads it, with the statement to run bound."""

    def __init__(self, queryset: QuerySet, compiler) -> None:
        self._queryset = queryset
        self.query = _BoundQuery(queryset.query, compiler)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._queryset, name)


class _BoundQuery:
    def __init__(self, query, compiler) -> None:
        self._query = query
        self._compiler = compiler

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self._compiler

    def __getattr__(self, name: str) -> Any:
        return getattr(self._query, name)


def prefetch_one(key: Hashable, instance: Model, lookups: Iterable) -> None:
    """`prefetch_related_objects([instance], *lookups)` for one instance, its child rows (reverse
    foreign keys, plain or as `Prefetch` with a queryset, no `to_attr`, nothing nested) read through
    statements compiled once per process for `key` and the lookup; other lookups as Django does."""
    rest = []
    for lookup in lookups:
        relation = _child_relation(type(instance), lookup)
        if relation is None:
            rest.append(lookup)
            continue
        name, foreign_key, base = relation
        children = rows(
            (key, name),
            lambda pk, foreign_key=foreign_key, base=base: base.filter(**{foreign_key.attname: pk}),
            pk=instance.pk,
        )
        for child in children:
            setattr(child, foreign_key.name, instance)
        # what the relation's manager answers from now on; a further filter on it asks the database
        # for this instance's rows (the filter is built only then, as Django's related managers do)
        cached = base.all()
        cached._defer_next_filter = True
        cached = cached.filter(**{foreign_key.attname: instance.pk})
        cached._result_cache = children
        cached._prefetch_done = True
        if not hasattr(instance, "_prefetched_objects_cache"):
            instance._prefetched_objects_cache = {}
        instance._prefetched_objects_cache[foreign_key.remote_field.cache_name] = cached
    if rest:
        prefetch_related_objects([instance], *rest)


def _child_relation(model: type, lookup) -> tuple[str, Any, QuerySet] | None:
    """(name, foreign key of the child, the children's queryset) of a lookup `prefetch_one` reads
    itself, else None."""
    if isinstance(lookup, Prefetch):
        if lookup.to_attr or lookup.prefetch_through != lookup.prefetch_to:
            return None
        name, queryset = lookup.prefetch_to, lookup.queryset
    else:
        name, queryset = lookup, None
    if not isinstance(name, str) or LOOKUP_SEP in name:
        return None
    try:
        relation = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if (
        not isinstance(relation, ManyToOneRel)
        or isinstance(relation, OneToOneRel)
        or relation.get_accessor_name() != name
        or not relation.field.target_field.primary_key
    ):
        return None
    if queryset is None:
        queryset = relation.related_model._default_manager.all()
    if queryset._prefetch_related_lookups:
        return None
    return name, relation.field, queryset
