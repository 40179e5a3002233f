"""`manage.py import_source SOURCE [--dry-run] [--kind K] [--drafts]`: one import, with its report.

SOURCE is a configured source's slug, an http(s) URL or a local file. A URL or file becomes a source
of its own (slug ``cli-…``, kept so that a second run is idempotent too), publishing directly unless
``--drafts``. Exit status 1 when the source failed or any item had an error.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tourism.models import ImportSource, SourceKind
from tourism.services import intake


class Command(BaseCommand):
    help = "Import events or places from an import source (slug), an http(s) URL or a file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("source", help="slug of a configured source, an http(s) URL, or a file path")
        parser.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
        parser.add_argument("--kind", choices=SourceKind.values, help="the file's kind (default: guessed)")
        parser.add_argument("--drafts", action="store_true", help="a URL or file: drafts for review")

    def handle(self, *args, source: str, dry_run: bool, kind: str | None, drafts: bool, **options) -> None:
        content: bytes | None = None
        configured = ImportSource.objects.filter(slug=source).first()
        if configured is None:
            if source.startswith(("http://", "https://")):
                try:
                    content = intake.fetch(source, kind).body
                except intake.SourceError as error:
                    raise CommandError(str(error)) from None
                url, name = source, source
            elif Path(source).is_file():
                content = Path(source).read_bytes()
                url, name = "", str(Path(source).resolve())
            else:
                raise CommandError(f"{source}: no import source with this slug, and neither a URL nor a file")
            slug = "cli-" + hashlib.sha256(name.encode()).hexdigest()[:16]
            configured, _created = ImportSource.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name[:200],
                    "url": url,
                    "kind": kind or intake.guess_kind(content),
                    "refresh_minutes": 0,
                },
            )
            configured.publish_directly = not drafts
            if kind:
                configured.kind = kind
            configured.save(update_fields=["publish_directly", "kind"])
        elif kind and kind != configured.kind:
            raise CommandError(f"{source} is a {configured.kind} source; --kind {kind} does not apply")

        began = time.monotonic()
        run = intake.run_import(configured, dry_run=dry_run, content=content, progress=self.progress)
        if self.bar_shown:
            sys.stderr.write("\n")
        self.print_report(run, time.monotonic() - began, verbose=options["verbosity"] > 1)
        if run.status in ("failed", "partial"):
            sys.exit(1)

    bar_shown = False

    def progress(self, done: int, total: int) -> None:
        if not total or (done % 20 and done != total):
            return
        width = 30
        filled = width * done // total
        self.bar_shown = True
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()

    def print_report(self, run, seconds: float, verbose: bool) -> None:
        write = self.stdout.write
        report = run.report
        if "error" in report:
            write(self.style.ERROR(f"{run.source.name}: {report['error']}"))
            return
        what = "dry run, nothing written" if run.dry_run else "imported"
        write(
            f"{run.source.name} ({what}, {seconds:.1f} s): {run.created} new, {run.changed} changed, "
            f"{run.unchanged} unchanged, {run.removed} removed, {run.conflicts} conflicts, {run.errors} errors"
        )
        for item in report.get("changed", []):
            write(f"  changed {item['title']} ({item['ref']}): {', '.join(item['fields'])}")
        for item in report.get("removed", []):
            write(f"  removed {item['title'] or item['id']}: {item['action']}")
        for conflict in report.get("conflicts", []):
            write(
                self.style.WARNING(
                    f"  conflict {conflict['title']} · {conflict['field']}: kept {conflict['editor']!r}, "
                    f"source has {conflict['source']!r}"
                )
            )
        for error in report.get("errors", []):
            write(self.style.ERROR(f"  error {error['ref']} {error['field']}: {error['message']}"))
        for warning in report.get("warnings", []):
            write(f"  warning {warning['ref']} {warning['field']}: {warning['message']}")
        for text in report.get("unmatched_locations", []):
            write(f"  place not among the POIs: {text}")
        if verbose:
            for item in report.get("new", []):
                write(f"  new {item['title']} ({item['ref']})")
