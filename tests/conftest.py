import shutil
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale

from cms.core import versions
from cms.core.http_cache import forget_hot_answers
from tests.factories import SiteTree
from tests.processes import migrated_sqlite, migrated_template
from tests.worlds import open_world


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules marked `processes` first, otherwise in the order collected.

    They are the longest modules (half a minute or more each, mostly real processes starting and
    polling). `make test` hands whole modules to its two test processes in collection order
    (`--dist loadfile --no-loadscope-reorder`); one of them handed out last would run on while the
    other test process has nothing left to do.
    """
    items.sort(key=lambda item: item.get_closest_marker("processes") is None)


def _on_sqlite() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


_template_builds: list[threading.Thread] = []


def pytest_sessionstart(session: pytest.Session) -> None:
    """On SQLite, start building the suite's migrated template (if missing) at once, in the background.

    Every test process on SQLite needs it before its first database test; started here (by the
    xdist controller, or the only process), migrating overlaps with starting the test processes and
    collecting the tests instead of following them. Whoever needs it meanwhile waits for the same
    build (tests/processes.py holds a lock while building); the template is what it always was.
    """
    if hasattr(session.config, "workerinput") or not _on_sqlite():
        return
    build = threading.Thread(target=migrated_template, name="migrated-template", daemon=True)
    build.start()
    _template_builds.append(build)


def pytest_sessionfinish(session: pytest.Session) -> None:
    for build in _template_builds:
        build.join()  # a build cut off would leave its folder behind


@pytest.fixture(scope="session")
def django_db_keepdb(request) -> bool:
    """On SQLite the test database is a copy of the migrated template: Django only checks it."""
    return bool(request.config.getvalue("reuse_db")) or _on_sqlite()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Put the migrated template where this test process's SQLite database will be; remove it after."""
    if not _on_sqlite():
        yield
        return
    database = Path(settings.DATABASES["default"]["TEST"]["NAME"])
    shutil.rmtree(database.parent, ignore_errors=True)  # left by a killed process with this pid
    database.parent.mkdir(mode=0o700)
    migrated_sqlite(database)
    yield
    shutil.rmtree(database.parent, ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the database is rolled back, cached answers are not."""
    cache.clear()
    forget_hot_answers()
    versions.forget()
    yield


@pytest.fixture
def locales(db):
    """The configured locales (created on migrate from ROLAND_LANGUAGES)."""
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def tree(db, locales) -> SiteTree:
    """A site tree of the test's own; inside a world (tests.worlds) the world's tree is the one."""
    if open_world():
        pytest.fail(f"a second site tree inside the world of {open_world()}: override `tree` there")
    return SiteTree()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def run_tasks(db, monkeypatch):
    """Run the queued background tasks that are due, as `manage.py db_worker --batch` does.

    The real worker loop of django-tasks-db, minus its connection recycling between tasks: that would
    close the test's open transaction (and with it the test data) on PostgreSQL.
    """
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    from bench.tasks import run_due_tasks

    return lambda: run_due_tasks("pytest")
