"""Query shapes built and compiled once per process, run with each request's values.

Building a queryset (cloning, resolving every lookup) and compiling it to SQL cost about half of an
uncached list answer, and a list asks the same few shapes every time. `CompiledQuery` builds a shape
once with stand-in values ("markers"), compiles it, notes where each value lands among the SQL's
parameters, and from then on runs the same SQL with the request's values, through the ORM's own
compiler (its converters, model instances, select_related rows and annotations).

The SQL is the ORM's, not a copy: the builder is the queryset definition itself (the visibility rule
and all), and the first run of each shape in a process builds the queryset again with the real
values and compares SQL and parameters with the bound ones. A shape that does not match is never
run from the cache (it runs through the ORM, and the mismatch is logged).

What may change between runs as a value: numbers, strings, dates and times, UUIDs, and tuples or
lists of them (their length is part of the shape). Whatever changes the SQL's text (booleans, None,
the choice of filters, ordering, LIMIT/OFFSET) belongs in the `shape` argument.
"""

from __future__ import annotations

import copy
import logging
import threading
import uuid
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import ManyToOneRel, Model, OneToOneRel, Prefetch, QuerySet, prefetch_related_objects
from django.db.models.constants import LOOKUP_SEP

logger = logging.getLogger("roland.compiled")

Scalar = int | float | str | Decimal | datetime | date | uuid.UUID
Builder = Callable[..., QuerySet]

_MARKER_BASE = 1_900_000_000  # inside a 32-bit integer column's range, far from real ids
_MARKER_EPOCH = datetime(1901, 2, 3, 4, 5, 6, tzinfo=UTC)


@dataclass(frozen=True)
class Keyed:
    """A shape whose definition reads objects besides its key (a request's context): only `key`
    keys the shape, so it must name everything of `given` the SQL rests on."""

    key: Hashable
    given: Any = field(compare=False, hash=False)


class ShapeError(TypeError):
    """A value no marker can stand in for: it belongs in the shape (a mistake in the caller)."""


def _marker(value: Any, number: int) -> Any:
    """A stand-in of the value's type that no real parameter equals (number: unique per shape)."""
    if isinstance(value, bool) or value is None:
        raise ShapeError("booleans and None change the SQL itself: put them in the shape")
    if isinstance(value, int):
        return _MARKER_BASE + number
    if isinstance(value, float):
        return 987654.0 + number / 1024
    if isinstance(value, Decimal):
        return Decimal(f"-77.{number:08d}3")
    if isinstance(value, str):
        # The underscore tells an escaped LIKE pattern (prep_for_like_query) from a plain value.
        return f"\x1e_{number}\x1e"
    if isinstance(value, datetime):
        return _MARKER_EPOCH + timedelta(seconds=number + 1, microseconds=number + 1)
    if isinstance(value, date):
        return date(1901, 1, 1) + timedelta(days=number + 1)
    if isinstance(value, uuid.UUID):
        return uuid.UUID(int=(0xFEED5 << 100) + number)
    raise ShapeError(f"no marker for a value of type {type(value).__name__}")


def _conversions(marker: Any, connection) -> list[Callable[[Any], Any]]:
    """How the ORM may have turned a value of the marker's type into a parameter, most likely first."""
    ops = connection.ops

    def same(value):
        return value

    if isinstance(marker, datetime):
        return [same, ops.adapt_datetimefield_value]
    if isinstance(marker, date):
        return [same, ops.adapt_datefield_value]
    if isinstance(marker, uuid.UUID):
        return [same, lambda value: value.hex, str]
    if isinstance(marker, Decimal):
        return [same, str]
    return [same]


@dataclass(frozen=True)
class _Slot:
    """Where one value lands: a parameter that is the value (converted), or a string around it."""

    name: str
    index: int | None  # position in a sequence value, None for a single value
    convert: Callable[[Any], Any] | None = None
    around: tuple[str, str] | None = None  # (before, after) for a value inside a string parameter
    escaped: bool = False  # inside a LIKE pattern: escaped as the ORM escapes it

    def bind(self, values: dict, connection) -> Any:
        value = values[self.name]
        if self.index is not None:
            value = value[self.index]
        if self.around is None:
            return self.convert(value)
        text = connection.ops.prep_for_like_query(value) if self.escaped else str(value)
        return f"{self.around[0]}{text}{self.around[1]}"


_CONSTANT = object()


@dataclass
class _Plan:
    queryset: QuerySet
    compiler: Any  # the compiled SQLCompiler: select, klass_info and converters for the rows
    sql: str
    recipe: list  # per parameter: a _Slot, or (_CONSTANT, value)
    empty: bool = False  # the shape can match nothing (EmptyResultSet): no query at all
    checked: bool = False
    trusted: bool = True
    converters: dict = field(default_factory=dict)  # per database connection: the rows' converters

    def params(self, values: dict, connection) -> list:
        return [item[1] if isinstance(item, tuple) else item.bind(values, connection) for item in self.recipe]


class _Source:
    """What Django's row iterables read of a queryset, with the plan's compiler bound to this run."""

    def __init__(self, queryset: QuerySet, compiler) -> None:
        self.model = queryset.model
        self.db = queryset.db
        self._fields = queryset._fields
        self._known_related_objects = queryset._known_related_objects
        self.query = _BoundQuery(queryset.query, compiler)


class _BoundQuery:
    def __init__(self, query, compiler) -> None:
        self._query = query
        self._compiler = compiler

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self._compiler

    def __getattr__(self, name: str):
        return getattr(self._query, name)


class CompiledQuery:
    """A queryset definition `build(shape, **values)` run through SQL compiled once per shape.

    `query(shape, **values)` returns the list the queryset would (model instances, values rows),
    prefetches included unless `prefetch` is False (the caller prefetches for what it keeps of the
    rows: `lookups`, `prefetch_one`). Shapes are kept per process, at most `size` of them.
    """

    def __init__(self, build: Builder, size: int = 128, prefetch: bool = True) -> None:
        self.build = build
        self.size = size
        self.prefetch = prefetch
        self._plans: dict[Hashable, _Plan] = {}
        self._lock = threading.Lock()
        self._name = getattr(build, "__qualname__", repr(build))

    def __call__(self, shape: Hashable = (), /, **values: Scalar | Sequence[Scalar]) -> list:
        connection = connections[DEFAULT_DB_ALIAS]
        key = self._key(shape, values, connection)
        plan = self._plans.get(key)
        if plan is None:
            try:
                plan = self._compile(shape, values, connection)
            except ShapeError:
                raise
            except Exception:  # a definition that refuses a marker (a digit string read as a number)
                logger.exception("compiled query of %s: shape not compiled, runs uncached", self._name)
                plan = _Plan(QuerySet(), None, "", [], checked=True, trusted=False)
            with self._lock:
                if len(self._plans) >= self.size:
                    self._plans.clear()  # shapes are few: a full table means stale ones (limits, offsets)
                self._plans[key] = plan
        if not plan.checked:
            self._check(plan, shape, values, connection)
        if not plan.trusted:
            queryset = self.build(shape, **values)
            return list(queryset if self.prefetch else queryset.prefetch_related(None))
        if plan.empty:
            return []
        return self._run(plan, plan.params(values, connection), connection)

    def lookups(self, shape: Hashable = (), /, **values: Scalar | Sequence[Scalar]) -> tuple:
        """The prefetch lookups of the definition for this shape (of the plan a run compiled, else of
        a fresh build)."""
        connection = connections[DEFAULT_DB_ALIAS]
        plan = self._plans.get(self._key(shape, values, connection))
        if plan is None or not plan.trusted:
            return tuple(self.build(shape, **values)._prefetch_related_lookups)
        return tuple(plan.queryset._prefetch_related_lookups)

    @staticmethod
    def _key(shape: Hashable, values: dict, connection) -> tuple:
        if isinstance(shape, Keyed):
            shape = shape.key  # the table keeps no request's context alive
        return (connection.vendor, shape, *((name, _kind(value)) for name, value in sorted(values.items())))

    def sql_with_params(self, shape: Hashable = (), /, **values: Scalar | Sequence[Scalar]) -> tuple:
        """The SQL and parameters a run would send (tests compare them with the ORM's)."""
        connection = connections[DEFAULT_DB_ALIAS]
        plan = self._compile(shape, values, connection)
        return plan.sql, plan.params(values, connection)

    def _compile(self, shape: Hashable, values: dict, connection) -> _Plan:
        markers: dict[str, Any] = {}
        slots: dict[Any, tuple[str, int | None]] = {}
        number = 0
        for name, value in values.items():
            if isinstance(value, list | tuple):
                items = []
                for index, item in enumerate(value):
                    marker = _marker(item, number)
                    number += 1
                    slots[marker] = (name, index)
                    items.append(marker)
                markers[name] = type(value)(items)
            else:
                marker = _marker(value, number)
                number += 1
                slots[marker] = (name, None)
                markers[name] = marker
        queryset = self.build(shape, **markers)
        compiler = queryset.query.get_compiler(using=queryset.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return _Plan(queryset, compiler, "", [], empty=True)
        recipe = [_locate(param, slots, connection) for param in params]
        return _Plan(queryset, compiler, sql, recipe)

    def _check(self, plan: _Plan, shape: Hashable, values: dict, connection) -> None:
        """Once per shape and process: the ORM's own SQL for these values must be the plan's."""
        queryset = self.build(shape, **values)
        try:
            sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
        except EmptyResultSet:
            sql, params = "", ()
        bound = plan.params(values, connection)
        plan.trusted = sql == plan.sql and list(params) == bound
        plan.checked = True
        if not plan.trusted:
            logger.error(
                "compiled query of %s does not match the ORM's: runs uncached",
                self._name,
                extra={"shape": repr(shape)[:200]},
            )

    def _run(self, plan: _Plan, params: list, connection) -> list:
        compiler = copy.copy(plan.compiler)
        compiler.connection = connection
        compiler.as_sql = lambda *args, **kwargs: (plan.sql, params)
        converters = plan.converters.get(connection)
        if converters is None:  # the same columns every run: asked once per connection
            select = plan.compiler.select[: plan.compiler.col_count]
            converters = plan.converters[connection] = compiler.get_converters(
                [column[0] for column in select]
            )
        compiler.get_converters = lambda _expressions: converters
        queryset = plan.queryset
        rows = list(queryset._iterable_class(_Source(queryset, compiler)))
        if self.prefetch and queryset._prefetch_related_lookups and rows and isinstance(rows[0], Model):
            prefetch_related_objects(rows, *queryset._prefetch_related_lookups)
        return rows


def _kind(value: Any) -> Any:
    """What of a value may shape the SQL: its type (a time's awareness, whether an integer fits 32
    bits: lookups drop values out of a column's range), and of a sequence its items' kinds and whether
    they repeat (`__in` drops repeats). A shape whose markers miss such a difference fails its check."""
    if isinstance(value, list | tuple):
        return (type(value), len(set(value)) == len(value), tuple(_kind(item) for item in value))
    if isinstance(value, int):
        return (int, -(2**31) <= value < 2**31)
    if isinstance(value, datetime):
        return (datetime, value.tzinfo is None)
    return type(value)


def _locate(param: Any, slots: dict, connection) -> Any:
    """The slot a compiled parameter came from, or the parameter as a constant."""
    if isinstance(param, str):
        for marker, (name, index) in slots.items():
            if not isinstance(marker, str):
                continue
            escaped = connection.ops.prep_for_like_query(marker)
            for text, is_escaped in ((escaped, True), (marker, False)):
                if text in param:
                    before, _, after = param.partition(text)
                    return _Slot(name, index, around=(before, after), escaped=is_escaped)
    for marker, (name, index) in slots.items():
        if isinstance(marker, str):
            continue
        for convert in _conversions(marker, connection):
            try:
                converted = convert(marker)
            except (TypeError, ValueError):
                continue
            if type(converted) is type(param) and converted == param:
                return _Slot(name, index, convert=convert)
    return (_CONSTANT, param)


def _children(shape: Keyed, *, pk: Any) -> QuerySet:
    foreign_key, base = shape.given
    return base.filter(**{foreign_key.attname: pk})


_CHILDREN = CompiledQuery(_children, size=512)


def prefetch_one(key: Hashable, instance: Model, lookups: Iterable) -> None:
    """`prefetch_related_objects([instance], *lookups)` for one instance, its child rows (reverse
    foreign keys, plain or as `Prefetch` with a queryset, no `to_attr`, nothing nested) read through
    queries compiled once per shape (`key` and the lookup: `key` must name what the lookups' querysets
    rest on); other lookups as Django does."""
    rest = []
    for lookup in lookups:
        relation = _child_relation(type(instance), lookup)
        if relation is None:
            rest.append(lookup)
            continue
        name, foreign_key, base = relation
        children = _CHILDREN(
            Keyed((key, type(instance)._meta.label, name), (foreign_key, base)), pk=instance.pk
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


def _child_relation(model: type, lookup: Any) -> tuple[str, Any, QuerySet] | None:
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
