"""Helpers for tests that run Roland as real processes (servers, workers, management commands)."""

from __future__ import annotations

import fcntl
import functools
import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict[str, str], *args: str, timeout: int = 600) -> str:
    """`manage.py <args>` in a process of its own; a failure shows the end of its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return result.stdout


SHELL_RESULT = "\0roland-shell-result\0"  # marks the line with a snippet's result (tests/shell.py)


class Shell:
    """`manage.py shell -c <snippet>` for many snippets, in one process (tests/shell.py).

    Each snippet runs as in a shell process of its own (fresh connection, empty local cache, no
    version counters): what the site's server sees is written by another process, as before. Only
    Django's start, seconds of CPU, is paid once instead of once a snippet. Started on first use.
    """

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = env
        self.log = log
        self.process: subprocess.Popen | None = None

    def __call__(self, code: str, timeout: int = 300) -> str:
        """The snippet's output; a failure shows the end of its output and its traceback."""
        if self.process is None or self.process.poll() is not None:
            with self.log.open("ab") as log:
                self.process = subprocess.Popen(
                    [sys.executable, "manage.py", "shell", "-c", "from tests.shell import serve; serve()"],
                    cwd=ROOT,
                    env=self.env,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=log,
                    text=True,
                )
        process = self.process
        process.stdin.write(json.dumps(code) + "\n")
        process.stdin.flush()
        watchdog = threading.Timer(timeout, process.kill)  # as manage()'s timeout: no test hangs
        watchdog.start()
        try:
            for line in process.stdout:  # lines the shell prints outside a snippet are not its output
                if line.startswith(SHELL_RESULT):
                    result = json.loads(line[len(SHELL_RESULT) :])
                    assert result["ok"], result["stdout"][-2000:] + result["stderr"][-3000:]
                    return result["stdout"]
        finally:
            watchdog.cancel()
        process.wait(20)
        self.process = None
        raise AssertionError(f"the shell ended ({process.returncode}):\n{self.log.read_text()[-3000:]}")

    def close(self) -> None:
        """Stdin closed: the shell ends after its last snippet (killed if it does not)."""
        if self.process is not None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None


# One migrated SQLite database serves the whole suite: the test processes' own databases and every
# real-process test start from a copy. It is kept between runs under a key of everything that shapes
# the schema (the project's code and migrations, the pinned packages, the languages), so a run with
# the same code migrates nothing, and a changed migration or model builds it afresh.
TEMPLATES = Path(tempfile.gettempdir()) / f"roland-test-templates-{os.getuid()}"
TEMPLATE_SOURCES = ("cms", "home", "tourism", "sites", "search", "media", "bench")
TEMPLATE_INPUTS = ("requirements.lock", "requirements-dev.lock", "manage.py")
STALE_TEMPLATE_SECONDS = 24 * 3600


@functools.cache
def template_key() -> str:
    # The code of a test run does not change while it runs: hashed once per process.
    digest = hashlib.sha256(sys.version.encode())
    digest.update(os.environ.get("ROLAND_LANGUAGES", "").encode())
    files = [ROOT / name for name in TEMPLATE_INPUTS]
    for source in TEMPLATE_SOURCES:
        files += [path for path in (ROOT / source).rglob("*.py") if "__pycache__" not in path.parts]
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def _template_env(folder: Path) -> dict[str, str]:
    """The settings of `make run` (dev, SQLite in ROLAND_VAR_DIR), as the real-process tests use."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "SEARCH_URL", "REDIS_URL", "PYTEST", "DJANGO_"))
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": "",
        "ROLAND_VAR_DIR": str(folder),
    }


def migrated_template() -> Path:
    """The path of the suite's migrated SQLite database, built (once, whoever asks first) if missing."""
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    template = TEMPLATES / f"{template_key()}.sqlite3"
    if template.exists():
        os.utime(template)  # in use: not stale
        return template
    with (TEMPLATES / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other test processes wait for the one that builds
        if not template.exists():
            folder = Path(tempfile.mkdtemp(prefix="build-", dir=TEMPLATES))
            manage(_template_env(folder), "migrate", "--no-input", "-v", "0")
            building = template.with_suffix(".building")
            building.unlink(missing_ok=True)
            with closing(sqlite3.connect(folder / "roland.sqlite3")) as database:
                database.execute("VACUUM INTO ?", (str(building),))  # one file, WAL folded in
            building.replace(template)
            shutil.rmtree(folder, ignore_errors=True)
            _forget_stale_templates(keep=template)
    return template


def _forget_stale_templates(keep: Path) -> None:
    now = time.time()
    for path in TEMPLATES.glob("*.sqlite3"):
        if path != keep and now - path.stat().st_mtime > STALE_TEMPLATE_SECONDS:
            path.unlink(missing_ok=True)


def migrated_sqlite(database: Path, env: dict[str, str] | None = None) -> None:
    """An empty, migrated SQLite database at `database` (a copy of the suite's template).

    Migrating takes 20–30 s here; every real-process test and every test process needs the same
    schema. The first-run smoke test migrates for real: that is what it is about.
    """
    database.parent.mkdir(parents=True, exist_ok=True)
    for part in database.parent.glob(database.name + "-*"):  # an old WAL or journal must not survive
        part.unlink()
    shutil.copyfile(migrated_template(), database)
