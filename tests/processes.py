"""Helpers for tests that run Roland as real processes (servers, workers, management commands)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
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


_template: Path | None = None


def migrated_sqlite(database: Path, env: dict[str, str]) -> None:
    """An empty, migrated SQLite database at `database`.

    Migrating takes 20–30 s here and every real-process test needs the same schema, so each test
    process migrates one template (with the tests' settings module and languages) and copies it.
    The first-run smoke test migrates for real: that is what it is about.
    """
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="roland-template-"))
        manage({**env, "DATABASE_URL": "", "ROLAND_VAR_DIR": str(folder)}, "migrate", "--no-input", "-v", "0")
        _template = folder / "roland.sqlite3"
    database.parent.mkdir(parents=True, exist_ok=True)
    for part in _template.parent.glob(_template.name + "*"):  # the database and any WAL files
        shutil.copyfile(part, database.parent / part.name.replace(_template.name, database.name))
