"""Generate scale data for benchmarks on top of the demo content (the work is in bench.scale_data).

manage.py generate_scale_data --pois 5000 --events 20000 --news 2000 --locales de,en [--seed 42]
"""

import time

from django.core.management import get_commands
from django.core.management.base import BaseCommand, CommandError

from bench.scale_data import ScaleDataError, ScaleDataGenerator, ScaleOptions


class Command(BaseCommand):
    help = "Generate many live POIs, events (with occurrences) and news in several languages, fast."

    def add_arguments(self, parser):
        parser.add_argument("--pois", type=int, default=5000)
        parser.add_argument("--events", type=int, default=20000)
        parser.add_argument("--news", type=int, default=2000)
        parser.add_argument(
            "--locales", default="de,en", help="Comma-separated; the first is the source language."
        )
        parser.add_argument("--seed", type=int, default=42, help="The same seed gives the same data.")
        parser.add_argument("--images", type=int, default=60, help="Size of the reused image pool.")
        parser.add_argument("--replace", action="store_true", help="Delete previously generated pages first.")

    def handle(self, *args, **options):
        for name in ("pois", "events", "news", "images"):
            if options[name] < 0:
                raise CommandError(f"--{name} must not be negative.")
        scale = ScaleOptions(
            pois=options["pois"],
            events=options["events"],
            news=options["news"],
            locales=tuple(code.strip() for code in options["locales"].split(",") if code.strip()),
            seed=options["seed"],
            images=options["images"],
            replace=options["replace"],
        )
        started = time.monotonic()
        try:
            summary = ScaleDataGenerator(scale, progress=self.stdout.write).run()
        except ScaleDataError as exc:
            raise CommandError(str(exc)) from exc
        if summary.conflict:
            raise CommandError(summary.skipped)
        if summary.skipped:
            self.stdout.write(summary.skipped)
            return
        self.stdout.write(self.style.SUCCESS(f"\nScale data ready in {time.monotonic() - started:.1f} s"))
        if summary.deleted:
            self.stdout.write(f"  deleted first: {summary.deleted} pages")
        for (kind, locale), count in sorted(summary.pages.items()):
            self.stdout.write(f"  {kind:>6} [{locale}]: {count}")
        for label, count in sorted(summary.rows.items()):
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write("Time per phase:")
        for phase, seconds in summary.phases.items():
            self.stdout.write(f"  {phase}: {seconds:.1f} s")
        hint = "Search indexes were not updated: run `manage.py update_index` if you need them"
        if "rebuild_search_index" in get_commands():
            hint += " (`manage.py rebuild_search_index` for the /api/v1/search table alone)"
        self.stdout.write(hint + ".")
