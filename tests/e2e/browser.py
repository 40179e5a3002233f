"""What the browser tests share: Debian's Chromium (never downloaded) and a real, restartable server.

The server is a real `runserver` on SQLite in a temporary folder, started by the tests so they can
stop it and start it again on the same port (same origin, same service worker).
pytest-django's live_server cannot be stopped and restarted, hence the subprocess.
"""

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.processes import Shell, free_port, manage

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
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
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
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the kiosk test server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def close(self) -> None:
        """The server and the editor's shell stopped."""
        self.stop()
        self.shell.close()


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
