import shutil

import pytest
from django.core.cache import cache
from django.test import override_settings

from .redis_server import RedisServer


@pytest.fixture(scope="session")
def redis_server():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(redis_server):
    """The default cache on a real Redis server, as in production (fail-open backend included)."""
    if redis_server.process is None:
        redis_server.start()
    caches = {
        "default": {
            "BACKEND": "cms.core.cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "roland-test",
            "OPTIONS": {"RETRY_AFTER": 0},
        }
    }
    with override_settings(CACHES=caches):
        cache.clear()
        yield redis_server
    if redis_server.process is None:  # a test stopped it: bring it back for the next one
        redis_server.start()
