"""Test settings: PostgreSQL when DATABASE_URL points at one, else SQLite."""

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, INSTALLED_APPS, REDIS_URL

# The suite also tests the benchmark's scale-data generator (its commands live in the bench app).
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="roland-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="roland-test-static-")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file in memory-backed storage per test process, copied from the suite's migrated template
    # (tests/processes.py, tests/conftest.py) instead of migrated by each process.
    _shm = "/dev/shm"  # noqa: S108 (tests/conftest.py makes the folder, mode 0700, and removes it)
    _folder = os.path.join(
        _shm if os.path.isdir(_shm) else tempfile.gettempdir(), f"roland-test-{os.getpid()}"
    )
    DATABASES["default"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": ":memory:",
        "TEST": {"NAME": os.path.join(_folder, "roland.sqlite3")},
    }
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
# Serve static files (e.g. the API docs' Swagger UI) from the apps without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Suite-wide limits high enough not to get in the way; the rate-limit tests set their own.
API_RATE_LIMIT_ANONYMOUS = 1_000_000
API_RATE_LIMIT_KEYED = 1_000_000
if REDIS_URL:
    # One Redis database per xdist worker: tests clear the cache, and must not clear each other's.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker[2:]) + 1 if worker[2:].isdigit() else 1
    parts = urlsplit(REDIS_URL)
    CACHES["default"]["LOCATION"] = urlunsplit(parts._replace(path=f"/{index}"))
