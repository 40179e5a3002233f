"""Backups that restore: the database, the media files (or a list of the bucket's objects), a manifest.

A backup is a folder: `manifest.json`, the database (`database.pgdump`, pg_dump's custom format, or
`database.sqlite3`, a copy made by SQLite's online backup API, both consistent while the site
runs) and `media/`, a copy of MEDIA_ROOT; with media on object storage `media-objects.json` lists
every object's key, size and ETag instead (the bucket keeps its own versions and replicas). The
manifest names the versions that wrote it (Roland, Django, Wagtail, the migrations applied) and the
size and SHA-256 of every file, so a restore can refuse a damaged or incomplete backup before it
touches anything.

A restore goes into an empty database only: restoring over live data would mix two states of the
site. Afterwards the version counters are raised (cms.core.versions), so no answer cached before the
restore (Redis survives it) is served for the restored content, and the migrations are compared with
the code: an older backup is restored as it was and `migrate` brings it up to date.

The management commands `backup` and `restore` are thin wrappers; this module is the procedure.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import django
import wagtail
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from cms.core import versions

FORMAT = 1
MANIFEST = "manifest.json"
POSTGRES_DUMP = "database.pgdump"
SQLITE_COPY = "database.sqlite3"
MEDIA_FOLDER = "media"
MEDIA_OBJECTS = "media-objects.json"
CHUNK = 1024 * 1024

Progress = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message names the file, database or folder."""


@dataclass
class RestoreReport:
    files: int = 0
    bytes: int = 0
    pending_migrations: list[str] = field(default_factory=list)
    unknown_migrations: list[str] = field(default_factory=list)
    missing_objects: list[str] = field(default_factory=list)


def _quiet(text: str) -> None:
    pass


# --- what a backup is made of ------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _entry(folder: Path, path: Path) -> dict[str, Any]:
    return {"path": path.relative_to(folder).as_posix(), "size": path.stat().st_size, "sha256": _sha256(path)}


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count / 1024:.1f} kB"


def roland_version() -> str:
    """The deployed code's version: ROLAND_VERSION (set by the image build), else `git describe`."""
    if os.environ.get("ROLAND_VERSION"):
        return os.environ["ROLAND_VERSION"]
    try:
        result = subprocess.run(
            ["git", "describe", "--always", "--dirty"],  # noqa: S607
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "unknown"


def migration_heads(alias: str = "default") -> dict[str, list[str]]:
    """Per app, the latest migrations applied to the database (more than one only before a merge)."""
    connection = connections[alias]
    executor = MigrationExecutor(connection)
    applied = set(MigrationRecorder(connection).applied_migrations())
    heads: dict[str, list[str]] = {}
    graph = executor.loader.graph
    for app, name in sorted(applied):
        key = (app, name)
        if key not in graph.nodes:
            if key not in executor.loader.disk_migrations:  # applied, but unknown to this code
                heads.setdefault(app, []).append(name)
            continue  # else replaced by a squashed migration
        children = {child for child in graph.node_map[key].children if child[0] == app}
        if not children & applied:
            heads.setdefault(app, []).append(name)
    return heads


def _media_is_local() -> bool:
    return isinstance(default_storage, FileSystemStorage)


def _vendor(alias: str) -> str:
    return connections[alias].vendor


# --- PostgreSQL through its own tools -------------------------------------------------------------


def _pg_tool(name: str) -> str:
    """pg_dump / pg_restore: from PG_BIN when set (e.g. /usr/lib/postgresql/16/bin), else on PATH."""
    folder = os.environ.get("PG_BIN")
    path = str(Path(folder) / name) if folder else shutil.which(name)
    if not path or not Path(path).exists():
        raise BackupError(f"{name} not found (install the PostgreSQL client, or set PG_BIN to its folder)")
    return path


def _pg_env(alias: str) -> dict[str, str]:
    """The connection settings as libpq's variables: no password on a command line."""
    config = connections[alias].settings_dict
    env = dict(os.environ)
    for variable, value in (
        ("PGHOST", config.get("HOST")),
        ("PGPORT", config.get("PORT")),
        ("PGUSER", config.get("USER")),
        ("PGPASSWORD", config.get("PASSWORD")),
        ("PGDATABASE", config.get("NAME")),
        ("PGSSLMODE", (config.get("OPTIONS") or {}).get("sslmode")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _major(version_text: str) -> int:
    found = re.search(r"(\d+)(?:\.\d+)?", version_text)
    return int(found.group(1)) if found else 0


def _check_pg_tool(tool: str, alias: str) -> str:
    """A client older than the server cannot dump it: say so before starting."""
    version = subprocess.run([tool, "--version"], capture_output=True, text=True, check=False).stdout  # noqa: S603
    connection = connections[alias]
    connection.ensure_connection()
    server = connection.pg_version // 10000
    if _major(version.rsplit(" ", 1)[-1]) < server:
        raise BackupError(
            f"{tool} is {version.strip()}, the server is PostgreSQL {server}: use a client of "
            f"version {server} or later (PG_BIN)"
        )
    return version.strip()


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{what} failed (exit {result.returncode}): {result.stderr.strip()[-2000:]}")


# --- backup -------------------------------------------------------------------------------------


def _copy_media(source: Path, target: Path, progress: Progress) -> Iterator[Path]:
    files = sorted(path for path in source.rglob("*") if path.is_file()) if source.exists() else []
    copied = 0
    started = time.monotonic()
    for number, path in enumerate(files, 1):
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
        copied += destination.stat().st_size
        if number == len(files) or time.monotonic() - started > 2:
            progress(f"  media: {number}/{len(files)} files, {_size(copied)}")
            started = time.monotonic()
        yield destination


def _object_list() -> list[dict[str, Any]]:
    """Every object of the media bucket: key, size, ETag (S3's own checksum of the content)."""
    bucket = default_storage.bucket  # media.storage.MediaStorage (django-storages, boto3)
    return [
        {"key": item.key, "size": item.size, "etag": item.e_tag.strip('"')}
        for item in bucket.objects.filter(Prefix=getattr(default_storage, "location", "") or "")
    ]


def backup(target: Path, *, alias: str = "default", progress: Progress = _quiet) -> dict[str, Any]:
    """Write a backup of the database and the media into `target` (new or empty); returns the manifest."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty: a backup goes into a new or empty folder")
    target.mkdir(parents=True, exist_ok=True)
    target.chmod(0o700)  # the dump holds password hashes, API key hashes, private documents
    vendor = _vendor(alias)
    started = time.monotonic()
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": {
            "roland": roland_version(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "python": ".".join(map(str, sys.version_info[:3])),
        },
        "migrations": migration_heads(alias),
        "database": {"vendor": vendor},
    }
    files: list[Path] = []
    if vendor == "postgresql":
        tool = _pg_tool("pg_dump")
        manifest["database"]["tool"] = _check_pg_tool(tool, alias)
        manifest["database"]["server_version"] = connections[alias].pg_version
        dump = target / POSTGRES_DUMP
        progress(f"database: pg_dump of {connections[alias].settings_dict['NAME']} …")
        _run(
            [tool, "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"],
            _pg_env(alias),
            "pg_dump",
        )
        files.append(dump)
    elif vendor == "sqlite":
        copy = target / SQLITE_COPY
        progress(f"database: SQLite online backup of {connections[alias].settings_dict['NAME']} …")
        connection = connections[alias]
        connection.ensure_connection()
        with closing(sqlite3.connect(copy)) as destination:
            connection.connection.backup(destination)
        files.append(copy)
    else:
        raise BackupError(f"no backup procedure for the {vendor} database")
    manifest["database"]["file"] = files[0].name
    progress(f"  {files[0].name}: {_size(files[0].stat().st_size)}")

    if _media_is_local():
        media_root = Path(settings.MEDIA_ROOT)
        manifest["media"] = {"storage": "local", "folder": MEDIA_FOLDER}
        progress(f"media: copying {media_root} …")
        files += list(_copy_media(media_root, target / MEDIA_FOLDER, progress))
    else:
        progress(f"media: listing the objects of bucket {settings.AWS_STORAGE_BUCKET_NAME} …")
        objects = _object_list()
        listing = target / MEDIA_OBJECTS
        listing.write_text(json.dumps(objects, indent=1))
        manifest["media"] = {
            "storage": "s3",
            "bucket": settings.AWS_STORAGE_BUCKET_NAME,
            "objects": len(objects),
            "list": MEDIA_OBJECTS,
        }
        files.append(listing)
        progress(f"  {len(objects)} objects listed")

    progress("manifest: checksums …")
    manifest["files"] = [_entry(target, path) for path in files]
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    total = sum(item["size"] for item in manifest["files"])
    progress(f"backup done: {len(files)} files, {_size(total)} in {time.monotonic() - started:.1f} s")
    return manifest


# --- restore ------------------------------------------------------------------------------------


def read_manifest(source: Path) -> dict[str, Any]:
    path = Path(source) / MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError:
        raise BackupError(f"{path}: missing; is {source} a backup folder?") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: format {manifest.get('format')!r} is not {FORMAT}")
    return manifest


def verify(source: Path, progress: Progress = _quiet) -> dict[str, Any]:
    """The manifest, once every file it lists is there with its size and checksum; else BackupError."""
    source = Path(source)
    manifest = read_manifest(source)
    problems = []
    entries = manifest.get("files", [])
    progress(f"verifying {len(entries)} files …")
    for entry in entries:
        path = source / entry["path"]
        if not path.resolve().is_relative_to(source.resolve()):
            problems.append(f"{entry['path']}: outside the backup folder")
        elif not path.is_file():
            problems.append(f"{entry['path']}: missing")
        elif path.stat().st_size != entry["size"]:
            problems.append(
                f"{entry['path']}: {path.stat().st_size} bytes, the manifest says {entry['size']}"
            )
        elif _sha256(path) != entry["sha256"]:
            problems.append(f"{entry['path']}: checksum differs from the manifest (damaged or changed)")
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise BackupError(f"the backup in {source} is damaged, nothing was restored:\n  {shown}{more}")
    return manifest


def _tables(alias: str) -> list[str]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def _refuse_unless_empty(alias: str, manifest: dict[str, Any]) -> None:
    vendor = _vendor(alias)
    wanted = manifest["database"]["vendor"]
    if vendor != wanted:
        raise BackupError(f"the backup holds a {wanted} database; this site is configured for {vendor}")
    tables = _tables(alias)
    if tables:
        name = connections[alias].settings_dict["NAME"]
        raise BackupError(
            f"database {name} is not empty ({len(tables)} tables, e.g. {', '.join(sorted(tables)[:3])}): "
            "restore into a new, empty database (createdb; do not run migrate before the restore)"
        )
    if manifest["media"]["storage"] == "local" and _media_is_local():
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.exists() and any(path.is_file() for path in media_root.rglob("*")):
            raise BackupError(f"media folder {media_root} is not empty: restore into an empty MEDIA_ROOT")


def _restore_database(source: Path, alias: str, manifest: dict[str, Any], progress: Progress) -> None:
    connection = connections[alias]
    name = connection.settings_dict["NAME"]
    file = source / manifest["database"]["file"]
    if manifest["database"]["vendor"] == "postgresql":
        tool = _pg_tool("pg_restore")
        progress(f"database: pg_restore of {file.name} into {name} …")
        connection.close()
        _run(
            [
                tool,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={name}",
                str(file),
            ],
            _pg_env(alias),
            f"pg_restore of {file}",
        )
    else:
        progress(f"database: SQLite online backup of {file.name} into {name} …")
        connection.ensure_connection()
        with closing(sqlite3.connect(file)) as backup_copy:
            backup_copy.backup(connection.connection)
        connection.close()


def _restore_media(source: Path, manifest: dict[str, Any], progress: Progress, report: RestoreReport) -> None:
    media = manifest["media"]
    if media["storage"] == "local":
        if not _media_is_local():
            raise BackupError("the backup holds local media files; this site keeps media on object storage")
        target = Path(settings.MEDIA_ROOT)
        progress(f"media: copying into {target} …")
        for path in _copy_media(source / media["folder"], target, progress):
            report.files += 1
            report.bytes += path.stat().st_size
        return
    if _media_is_local():
        raise BackupError(
            f"the backup lists objects of bucket {media['bucket']}; this site keeps media locally"
        )
    progress(f"media: comparing {media['objects']} objects with bucket {settings.AWS_STORAGE_BUCKET_NAME} …")
    report.missing_objects = missing_objects(source, manifest)
    report.files = media["objects"] - len(report.missing_objects)


def missing_objects(source: Path, manifest: dict[str, Any]) -> list[str]:
    """Keys the backup lists that the bucket no longer holds with the same content (ETag)."""
    listed = json.loads((Path(source) / manifest["media"]["list"]).read_text())
    present = {item["key"]: item["etag"] for item in _object_list()}
    return [item["key"] for item in listed if present.get(item["key"]) != item["etag"]]


def check_migrations(alias: str = "default") -> tuple[list[str], list[str]]:
    """Migrations the code has that the database lacks, and applied ones the code does not know."""
    connection = connections[alias]
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    pending = [f"{migration.app_label}.{migration.name}" for migration, backwards in plan if not backwards]
    applied = MigrationRecorder(connection).applied_migrations()
    known = executor.loader.disk_migrations  # with the ones squashed migrations replace
    unknown = [f"{app}.{name}" for app, name in sorted(applied) if (app, name) not in known]
    return pending, unknown


def restore(source: Path, *, alias: str = "default", progress: Progress = _quiet) -> RestoreReport:
    """Restore a backup folder into this site's empty database and media storage."""
    source = Path(source)
    started = time.monotonic()
    manifest = verify(source, progress)
    progress(
        f"backup of {manifest['created_at']}: Roland {manifest['versions']['roland']}, "
        f"Django {manifest['versions']['django']}, Wagtail {manifest['versions']['wagtail']}"
    )
    _refuse_unless_empty(alias, manifest)
    report = RestoreReport()
    _restore_database(source, alias, manifest, progress)
    _restore_media(source, manifest, progress, report)
    # Answers cached before the restore (a shared Redis survives it) must not be served for it.
    for name in (versions.CONTENT, versions.VISIBILITY, versions.API_CLIENTS):
        versions.bump(name)
    report.pending_migrations, report.unknown_migrations = check_migrations(alias)
    progress(f"restore done in {time.monotonic() - started:.1f} s")
    return report
