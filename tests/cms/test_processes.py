"""What one process changes, every other process serves within a second: with the local-memory cache,
with Redis, and with Redis down while the change is made.

Real processes: gunicorn with two workers (the Dockerfile's default) serves a database of its own
(SQLite in a temporary folder; PostgreSQL too when DATABASE_URL points at a server), and a second
Python process (tests/cms/process_world.py) makes the changes, as a shell or the task worker would.
The bound is VERSIONS_MEMORY_SECONDS: the test waits that long after the change has committed, then
asks every endpoint once per server worker.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings

from tests.cms.redis_server import RedisServer
from tests.processes import free_port, manage, migrated_sqlite

ROOT = Path(__file__).resolve().parents[2]
BOUND = settings.VERSIONS_MEMORY_SECONDS
pytestmark = [pytest.mark.smoke, pytest.mark.processes]


def _base_env(database_url: str, var: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "SEARCH_URL", "REDIS_URL", "PYTEST", "DJANGO_SETTINGS"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=database_url,
        ROLAND_VAR_DIR=str(var),
        API_RATE_LIMIT_ANONYMOUS="1000000",
        PYTHONUNBUFFERED="1",
        PYTHONPATH=str(ROOT),
    )
    return env


def _databases(tmp_path_factory) -> list[tuple[str, str]]:
    found = [("sqlite", f"sqlite:///{tmp_path_factory.mktemp('procs-sqlite') / 'roland.sqlite3'}")]
    configured = os.environ.get("DATABASE_URL", "")
    if configured.startswith("postgres"):
        parts = urlsplit(configured)
        found.append(("postgresql", urlunsplit(parts._replace(path=f"/roland_procs_{uuid.uuid4().hex[:8]}"))))
    return found


class World:
    """A migrated database, the changer process and, per test, a gunicorn server on it."""

    def __init__(self, database_url: str, var: Path) -> None:
        self.database_url = database_url
        self.env = _base_env(database_url, var)
        self.server: subprocess.Popen | None = None
        self.port = 0
        if database_url.startswith("postgres"):
            import psycopg

            parts = urlsplit(database_url)
            admin = urlunsplit(parts._replace(path="/postgres"))
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f"CREATE DATABASE {parts.path.lstrip('/')}")
        if database_url.startswith("sqlite:///"):
            migrated_sqlite(Path(database_url.removeprefix("sqlite:///")), self.env)
        else:
            manage(self.env, "migrate", "--no-input", "-v", "0")
        self.changer = subprocess.Popen(
            [sys.executable, "-m", "tests.cms.process_world"],
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def tell(self, **command) -> dict:
        self.changer.stdin.write(json.dumps(command) + "\n")
        self.changer.stdin.flush()
        answer = json.loads(self.changer.stdout.readline())
        assert "error" not in answer, answer.get("error")
        return answer

    def serve(self, redis_url: str = "") -> None:
        self.stop_server()
        self.port = free_port()
        env = {**self.env, "REDIS_URL": redis_url}
        self.server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                *("--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--timeout", "60"),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(600):
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("gunicorn did not start")

    def get(self, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def stop_server(self) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait(20)
            self.server = None

    def close(self) -> None:
        self.stop_server()
        self.changer.stdin.close()
        self.changer.wait(20)
        if self.database_url.startswith("postgres"):
            import psycopg

            parts = urlsplit(self.database_url)
            admin = urlunsplit(parts._replace(path="/postgres"))
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f"DROP DATABASE IF EXISTS {parts.path.lstrip('/')} WITH (FORCE)")


def _world_params():
    params = [pytest.param("sqlite", id="sqlite")]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        params.append(pytest.param("postgresql", id="postgresql"))
    return params


@pytest.fixture(scope="module", params=_world_params())
def world(request, tmp_path_factory):
    name = request.param
    url = dict(_databases(tmp_path_factory))[name]
    built = World(url, tmp_path_factory.mktemp(f"procs-var-{name}"))
    yield built
    built.close()


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    if server.process is not None:
        server.process.send_signal(signal.SIGCONT)
    server.stop()


def _reads(world: World, items: dict) -> dict[str, tuple[int, bytes]]:
    """What the public sees of the world's items, through every channel that shows them."""
    key = {"Authorization": f"Bearer {items['key']}"}
    origin = {"Origin": items["origin"]}
    asked = {
        "restricted detail": (f"/api/v1/pois/{items['restricted']}", {}),
        "unpublished detail": (f"/api/v1/pois/{items['unpublished']}", {}),
        "pictured detail": (f"/api/v1/pois/{items['pictured']}", {}),
        "list": ("/api/v1/pois?limit=100", {}),
        "geojson": ("/api/v1/pois.geojson", {}),
        "search": ("/api/v1/search?q=Schloss", {}),
        "search museum": ("/api/v1/search?q=Museum", {}),
        "stock v2": ("/api/wagtail/v2/pages/?type=tourism.PointOfInterest&fields=*&limit=100", {}),
        "kiosk feed": (f"/api/v1/kiosks/{items['kiosk']}/feed", {}),
        "keyed": ("/api/v1/locales", key),
        "cors": ("/api/v1/locales", origin),
    }
    found = {}
    for name, (path, headers) in asked.items():
        status, response_headers, body = world.get(path, headers)
        if name == "cors":
            allowed = {name.lower(): value for name, value in response_headers.items()}
            body = allowed.get("access-control-allow-origin", "").encode()
        found[name] = (status, body)
    return found


def _assert_public(found: dict, items: dict, tag: str) -> None:
    assert found["restricted detail"][0] == 200
    assert found["unpublished detail"][0] == 200
    assert f"Alttext {tag}".encode() in found["pictured detail"][1]
    for name in ("list", "geojson", "stock v2"):
        assert f"Schloss {tag}".encode() in found[name][1], name
        assert f"Museum {tag}".encode() in found[name][1], name
    assert f"Schloss {tag}".encode() in found["search"][1]
    assert f"Museum {tag}".encode() in found["search museum"][1]
    assert found["kiosk feed"][0] == 200 and f"Rathaus {tag}".encode() in found["kiosk feed"][1]
    assert found["keyed"][0] == 200
    assert found["cors"][1] == b""


def _assert_changed(found: dict, items: dict, tag: str) -> None:
    assert found["restricted detail"][0] == 404, "restricted page still served"
    assert found["unpublished detail"][0] == 404, "unpublished page still served"
    assert f"Alttext {tag}".encode() not in found["pictured detail"][1], "restricted image still shown"
    for name in ("list", "geojson", "stock v2", "search", "search museum"):
        assert f"Schloss {tag}".encode() not in found[name][1], f"restricted page in {name}"
        assert f"Museum {tag}".encode() not in found[name][1], f"unpublished page in {name}"
    assert f"Alttext {tag}".encode() not in found["list"][1]
    assert found["kiosk feed"][0] == 404, "deactivated kiosk still has a feed"
    assert found["keyed"][0] == 401, "revoked key still accepted"
    assert found["cors"][1] == items["origin"].encode(), "new CORS origin not allowed"


def _served_twice(world: World, items: dict, tag: str) -> None:
    """Both gunicorn workers have read, and cached, every answer (a few rounds reach both)."""
    for _ in range(4):
        _assert_public(_reads(world, items), items, tag)


def _check_everywhere(world: World, items: dict, tag: str) -> None:
    for _ in range(4):  # requests are spread over both workers
        _assert_changed(_reads(world, items), items, tag)


def _change_and_check(world: World, tag: str, redis_url: str, redis_server=None) -> None:
    """Build items named `tag`, serve and cache them, change them from the other process (with
    Redis frozen meanwhile when `redis_server` is given), wait the bound, check every channel."""
    items = world.tell(do="build", tag=tag)
    items["origin"] = f"https://{tag}.haldensleben.example"
    world.serve(redis_url=redis_url)
    _served_twice(world, items, tag)
    if redis_server is not None:
        redis_server.process.send_signal(signal.SIGSTOP)
    try:
        world.tell(do="change", world=items, origin=items["origin"])
        time.sleep(BOUND)
        _check_everywhere(world, items, tag)
    finally:
        if redis_server is not None:
            redis_server.process.send_signal(signal.SIGCONT)
    if redis_server is not None:
        assert redis_server.client().dbsize() > 0  # the answers from before the change are still there
        _check_everywhere(world, items, tag)


def test_local_memory_cache(world):
    _change_and_check(world, "lokal", redis_url="")


def test_redis_cache(world, redis_server):
    _change_and_check(world, "redis", redis_url=redis_server.url)


def test_redis_down_during_the_change(world, redis_server):
    """Redis is frozen (it keeps its keys) while the change is made, and comes back with them."""
    _change_and_check(world, "ausfall", redis_url=redis_server.url, redis_server=redis_server)
