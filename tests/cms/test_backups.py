"""A backup restores: `manage.py backup` of a site, `manage.py restore` into a fresh database and an
empty media folder, and the restored site answers the same bytes for every URL of a list.

Real processes, as the restore drill in the README runs them: a site of its own (SQLite in a
temporary folder; PostgreSQL too when DATABASE_URL points at a server, in a throwaway database on
it), its content built by tests/cms/backup_world.py (pages in German and English, an image with its
renditions, a password-protected document), the two commands, and gunicorn serving the original and
then the restored copy.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.processes import ROOT, free_port, manage, migrated_sqlite

pytestmark = [pytest.mark.processes]


def _env(database_url: str, var: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "SEARCH_URL", "REDIS_URL", "PYTEST", "DJANGO_", "MEDIA_"))
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": database_url,
        "ROLAND_VAR_DIR": str(var),
        "API_RATE_LIMIT_ANONYMOUS": "1000000",
        "PYTHONPATH": str(ROOT),
    }


def _create_postgres(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {parts.path.lstrip('/')}")


def _drop_postgres(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {parts.path.lstrip('/')} WITH (FORCE)")


def _kinds() -> list[str]:
    found = ["sqlite"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        found.append("postgresql")
    return found


class Site:
    """A database and a media folder; `serve` answers from them through gunicorn."""

    def __init__(self, kind: str, folder: Path, *, migrated: bool) -> None:
        folder.mkdir(parents=True)
        self.folder = folder
        if kind == "sqlite":
            self.database_url = f"sqlite:///{folder / 'roland.sqlite3'}"
            if migrated:
                migrated_sqlite(folder / "roland.sqlite3")
        else:
            parts = urlsplit(os.environ["DATABASE_URL"])
            name = f"roland_backup_{uuid.uuid4().hex[:8]}"
            self.database_url = urlunsplit(parts._replace(path=f"/{name}"))
            _create_postgres(self.database_url)
        self.env = _env(self.database_url, folder)
        if kind == "postgresql" and migrated:
            manage(self.env, "migrate", "--no-input", "-v", "0")

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    def answers(self, urls: list[str], port: int) -> dict[str, tuple[int, str, bytes]]:
        """Status, content type and body of each URL, and of every media file the answers point to.

        Served on the same port as the other site: answers carry absolute URLs of the host asked.
        """
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(600):
                try:
                    if _get(port, "/healthz")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.05)
            seen = {url: _get(port, url) for url in urls}
            files = sorted(
                {
                    path
                    for status, _type, body in seen.values()
                    for path in re.findall(rb'"(?:https?://[^/"]+)?(/media/[^"?]+)', body)
                }
            )
            assert files, "the answers point to no media files: the list would not check them"
            for path in files:
                seen[path.decode()] = _get(port, path.decode())
            return seen
        finally:
            server.terminate()
            server.wait(20)

    def drop(self) -> None:
        if self.database_url.startswith("postgres"):
            _drop_postgres(self.database_url)


# What differs between two requests to the same site: the password form's CSRF token.
PER_REQUEST = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]+')


def _get(port: int, path: str) -> tuple[int, str, bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        answer = error.code, error.headers.get("Content-Type", ""), error.read()
    return answer[0], answer[1], PER_REQUEST.sub(rb"\1(token)", answer[2])


@pytest.fixture(scope="module", params=_kinds())
def drill(request, tmp_path_factory):
    """The original site with its content and answers, a backup of it, and its restored copy."""
    folder = tmp_path_factory.mktemp(f"backup-{request.param}")
    original = Site(request.param, folder / "original", migrated=True)
    restored = None
    try:
        world = json.loads(_build(original))
        port = free_port()
        before = original.answers(world["urls"], port)
        backup = folder / "backup"
        made = original.manage("backup", str(backup))
        assert made.returncode == 0, made.stderr
        restored = Site(request.param, folder / "restored", migrated=False)
        done = restored.manage("restore", str(backup))
        assert done.returncode == 0, done.stdout + done.stderr
        yield {
            "kind": request.param,
            "world": world,
            "before": before,
            "after": restored.answers(world["urls"], port),
            "backup": backup,
            "backup_output": made.stdout,
            "restore_output": done.stdout,
            "original": original,
            "folder": folder,
        }
    finally:
        original.drop()
        if restored is not None:
            restored.drop()


def _build(site: Site) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "tests.cms.backup_world"],
        cwd=ROOT,
        env=site.env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def test_the_restored_site_answers_every_url_byte_for_byte(drill):
    before, after = drill["before"], drill["after"]
    assert sorted(after) == sorted(before)
    for url, answer in before.items():
        assert after[url] == answer, url
    # The list covers what matters: both languages, a rendition, the protected document still refused.
    assert b"Town hall" in before["/api/v1/pois?locale=en"][2]
    assert any("/media/images/" in url and before[url][0] == 200 for url in before)
    protected = before[drill["world"]["private_document"]][2]
    assert b"Passwort erforderlich" in protected and b"%PDF" not in protected


def test_the_manifest_names_versions_migrations_and_every_file(drill):
    manifest = json.loads((drill["backup"] / "manifest.json").read_text())
    assert manifest["database"]["vendor"] == drill["kind"]
    assert {"roland", "django", "wagtail"} <= set(manifest["versions"])
    assert "0001_initial" in manifest["migrations"]["media"][0]
    listed = {entry["path"] for entry in manifest["files"]}
    on_disk = {
        path.relative_to(drill["backup"]).as_posix()
        for path in drill["backup"].rglob("*")
        if path.is_file() and path.name != "manifest.json"
    }
    assert listed == on_disk
    assert any(path.startswith("media/original_images/") for path in listed)
    assert any(path.startswith("media/documents/") for path in listed)
    assert "media:" in drill["backup_output"] and "backup done" in drill["backup_output"]
    assert "migrations: the database matches this code" in drill["restore_output"]


def test_a_restore_into_a_database_with_tables_is_refused(drill):
    refused = drill["original"].manage("restore", str(drill["backup"]))
    assert refused.returncode != 0
    assert "is not empty" in refused.stderr and "restore into a new, empty database" in refused.stderr


def test_a_damaged_backup_is_refused_naming_the_file_before_anything_is_restored(drill):
    damaged = drill["folder"] / "damaged"
    shutil.copytree(drill["backup"], damaged)
    manifest = json.loads((damaged / "manifest.json").read_text())
    victim = next(entry["path"] for entry in manifest["files"] if entry["path"].startswith("media/"))
    (damaged / victim).write_bytes(b"x" + (damaged / victim).read_bytes()[1:])
    target = Site(drill["kind"], drill["folder"] / "untouched", migrated=False)
    try:
        refused = target.manage("restore", str(damaged))
        assert refused.returncode != 0
        assert f"{victim}: checksum differs" in refused.stderr
        assert "nothing was restored" in refused.stderr
        assert not (drill["folder"] / "untouched" / "media").exists()
    finally:
        target.drop()
