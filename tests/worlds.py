"""Data built once per test module (or class), in a transaction rolled back after its last test.

Each test still runs in its own savepoint (pytest-django), so what a test writes is gone before the
next one; publishing the same pages, translations and renditions for every test is what made the
suite slow. Tests get fresh copies of the objects (`fresh`), because a test may change an object in
memory as well as in the database, and only the database is rolled back.

One world is open at a time: a world opened inside another would be built on top of its data (a
second site tree, other pages in the lists). A module whose tests need different worlds gives each
world a class of its tests (`scope="class"`); tests outside every class then see no world at all.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from django.db import models, transaction
from django.test import TestCase

from tests.factories import SiteTree, index_updates_once, index_updates_per_save

T = TypeVar("T")

_open: list[str] = []


def open_world() -> str | None:
    """The test (module or class) whose world is open now, if any."""
    return _open[-1] if _open else None


def built_once(build: Callable[..., T], scope: str = "module", needs: tuple[str, ...] = ()) -> Any:
    """A fixture (module-scoped by default) with what `build` returns, its on-commit work done.

    `needs` names fixtures (of the same scope or wider) that `build` takes as arguments, e.g. a search
    engine the world is indexed into: they are set up before the world and torn down after it.
    """

    def fixture(request, django_db_setup, django_db_blocker, **needed):
        if _open:
            pytest.fail(
                f"{request.node.nodeid}: a world is built while the one of {_open[-1]} is open; "
                "give each world a class of its own (scope='class')",
                pytrace=False,
            )
        _open.append(request.node.nodeid)
        with django_db_blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                # Outside the on-commit capture: what its callbacks save is indexed at the end too.
                # A world written into a search engine (`needs`) keeps the per-save updates.
                indexing = index_updates_per_save() if needs else index_updates_once()
                with indexing, TestCase.captureOnCommitCallbacks(execute=True):
                    built = build(**needed)
            except BaseException:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                _open.pop()
                raise
        try:
            yield built
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
            _open.pop()

    # pytest learns a fixture's dependencies from its signature: the needed fixtures are named there.
    fixed = ("request", "django_db_setup", "django_db_blocker")
    fixture.__signature__ = inspect.Signature(
        [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD) for name in (*fixed, *needs)]
    )
    return pytest.fixture(scope=scope)(fixture)


def tree_per_module() -> tuple[Any, Any]:
    """`_tree, tree = tree_per_module()` in a test module: the site tree built once for the module, and
    per test the same pages read again, so each test adds its own pages in its own savepoint."""

    @pytest.fixture
    def tree(_tree, db) -> SiteTree:
        return fresh(_tree)

    return built_once(SiteTree), tree


def fresh(value: T) -> T:
    """The same objects read again from the database (dicts, lists and site trees included)."""
    if isinstance(value, models.Model):
        return type(value)._default_manager.get(pk=value.pk)
    if isinstance(value, dict):
        return {key: fresh(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(fresh(item) for item in value)
    if isinstance(value, SiteTree):
        tree = SiteTree.__new__(SiteTree)
        tree.__dict__.update({name: fresh(page) for name, page in vars(value).items()})
        return tree
    return value
