"""What the browser tests share: Debian's Chromium (never downloaded) and a real, restartable server.

The server is a real `runserver` on SQLite in a temporary folder, started by the tests so they can
stop it and start it again on the same port (same origin, same service worker).
pytest-django's live_server cannot be stopped and restarted, hence the subprocess.

Each module's server runs on its world (`world_server`): the world's snippet is run once per test
session, in the first module that names it, and the database and media it made are copied for every
other module that names the same snippet. A module's changes stay in its own copy.
"""

import asyncio
import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, closing, contextmanager
from pathlib import Path

import pytest
from playwright.async_api import Browser as AsyncBrowser
from playwright.async_api import async_playwright
from playwright.sync_api import Browser, sync_playwright

from tests.processes import Shell, free_port, manage, migrated_sqlite

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("ROLAND_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright (never a browser Playwright downloads)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@asynccontextmanager
async def async_chromium() -> AsyncIterator[AsyncBrowser]:
    """chromium() for a test that drives several pages at once (Playwright's asyncio API)."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        try:
            yield browser
        finally:
            await browser.close()


def require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install -y chromium)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


class KioskServer:
    """`manage.py runserver` on a fixed port and a SQLite file, stoppable and restartable."""

    def __init__(self, var: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith(("DATABASE_URL", "SEARCH_URL", "REDIS_URL"))
            },
            "DJANGO_SETTINGS_MODULE": "tests.e2e.server_settings",  # `make run`'s, a fast hasher
            "ROLAND_VAR_DIR": str(var),
            "PYTHONUNBUFFERED": "1",
        }
        self.process: subprocess.Popen | None = None
        self.log = (var / "server.log").open("ab")
        # The editor's changes: one shell process for all of them, started on first use (after the
        # test has set its environment), running each snippet as `manage.py shell -c` would.
        self.shell = Shell(self.env, var / "shell.log")

    def manage(self, *args: str) -> str:
        return manage(self.env, *args, timeout=300)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
        )
        # Django's start takes seconds of CPU: on two cores shared with other test runs it took over a
        # minute. A server that ends instead is reported at once.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.log.flush()
        tail = (Path(self.env["ROLAND_VAR_DIR"]) / "server.log").read_text(errors="replace")[-2000:]
        raise RuntimeError(
            f"the kiosk test server did not start (exit status {self.process.poll()}):\n{tail}"
        )

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def close(self) -> None:
        """The server and the editor's shell stopped."""
        self.stop()
        self.shell.close()


def _session_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder all test processes of this session share (xdist: the parent of each one's own)."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "e2e-worlds"
    folder.mkdir(exist_ok=True)
    return folder


def prepared_world(server: KioskServer, world: str, sessions: Path) -> Path | None:
    """The folder of `world` built (its database, its media, what its snippet printed), or None if
    it was built just now, for `server` itself.

    Built once per session by the first module that asks for it, through that module's own editor
    shell and in its own folder (that shell then stays the module's); the other test processes wait
    for it. A world is made of dates around now, so it is not kept between runs. A snippet must not
    depend on a module's settings (`world_server`'s env): only the first module's are in force.
    """
    prepared = sessions / hashlib.sha256(world.encode()).hexdigest()[:16]
    done = prepared / "output.txt"
    if done.exists():
        return prepared
    with (sessions / f"{prepared.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return prepared
        shutil.rmtree(prepared, ignore_errors=True)  # a build cut off before
        var = Path(server.env["ROLAND_VAR_DIR"])
        migrated_sqlite(var / "roland.sqlite3")
        output = server.shell(world)  # its connection closed after the snippet: nothing half-written
        building = sessions / f"{prepared.name}.building"
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir()
        with closing(sqlite3.connect(var / "roland.sqlite3")) as database:
            database.execute("VACUUM INTO ?", (str(building / "roland.sqlite3"),))  # the WAL folded in
        if (var / "media").exists():
            shutil.copytree(var / "media", building / "media")
        (building / "output.txt").write_text(output)
        building.rename(prepared)  # last: the world is complete
    server.world = output
    return None


@contextmanager
def world_server(
    tmp_path_factory: pytest.TempPathFactory, name: str, world: str, env: dict[str, str] | None = None
) -> Iterator[KioskServer]:
    """A module's server, started on a copy of `world` (a `manage.py shell` snippet), with `env` set.

    `server.world` is what the snippet printed (the ids a module opens): the same in every copy.
    """
    require_chromium()
    server = KioskServer(tmp_path_factory.mktemp(name))
    server.env.update(env or {})
    try:
        prepared = prepared_world(server, world, _session_folder(tmp_path_factory))
        if prepared is not None:
            var = Path(server.env["ROLAND_VAR_DIR"])
            shutil.copyfile(prepared / "roland.sqlite3", var / "roland.sqlite3")
            if (prepared / "media").exists():
                shutil.copytree(prepared / "media", var / "media")
            server.world = (prepared / "output.txt").read_text()
        server.start()
        yield server
    finally:
        server.close()


def wait_until(page, expression: str, timeout: float = 15) -> None:
    """Poll a JavaScript expression until it is true.

    Not Playwright's wait_for_function: that compiles its predicate inside the page, which the
    pages' Content-Security-Policy (no 'unsafe-eval') rightly refuses; page.evaluate is not affected.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        time.sleep(0.1)


async def async_wait_until(page, expression: str, timeout: float = 15) -> None:
    """wait_until() for a page of async_chromium()."""
    deadline = time.monotonic() + timeout
    while not await page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        await asyncio.sleep(0.1)
