"""Load the Haldensleben demo content and make sure an admin user exists.

Idempotent and safe to run again: existing items are kept, demo event dates move to today.
"""

import logging
import os
import re
import resource
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.demo.loader import DemoDataError, DemoLoader, recount_children

CREDENTIALS_FILE = "admin-credentials.txt"
COUNTER = re.compile(r"^  .*: \d+/\d+$")


class Command(BaseCommand):
    help = "Load the Haldensleben demo content (German and English) and an admin user."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create the admin user.")
        parser.add_argument("--quiet-progress", action="store_true", help="Only print the summary.")

    def handle(self, *args, no_admin: bool = False, quiet_progress: bool = False, **options):
        started = time.monotonic()
        last_line = {"text": ""}

        def progress(text: str) -> None:
            if quiet_progress:
                return
            # A counter ("  events: 3/29") overwrites the one before it on a terminal; every line
            # is kept in logs.
            tty = self.stdout.isatty()
            counter, after_counter = COUNTER.match(text), COUNTER.match(last_line["text"])
            if tty and counter and after_counter:
                self.stdout.write(f"\r{text}", ending="")
            else:
                self.stdout.write(
                    ("\n" if tty and after_counter else "") + text, ending="" if tty and counter else "\n"
                )
            last_line["text"] = text

        # Per-page publish logs would drown the progress lines; warnings still show.
        for name in ("wagtail", "wagtail.contrib.redirects.signal_handlers"):
            logging.getLogger(name).setLevel(logging.WARNING)
        try:
            report = DemoLoader(progress=progress).run()
        except DemoDataError as exc:
            raise CommandError(str(exc)) from exc
        # After the commit: wagtail-localize publishes translations then, from page objects loaded
        # before their children were added, and writes their stale child count back.
        recount_children()
        if self.stdout.isatty() and COUNTER.match(last_line["text"]):
            self.stdout.write("")
        for kind in sorted(set(report.created) | set(report.existing)):
            created, existing = report.created.get(kind, 0), report.existing.get(kind, 0)
            self.stdout.write(f"{kind:>20}: {created} created, {existing} already there")
        if report.redated:
            self.stdout.write(f"{'events':>20}: {report.redated} moved to dates relative to today")
        for line in report.untranslated[:20]:
            self.stderr.write(f"untranslated (kept in German): {line}")
        if not no_admin:
            self.ensure_admin()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready in {time.monotonic() - started:.1f} s "
                f"(CPU {usage.ru_utime + usage.ru_stime:.1f} s, Django's start included)"
            )
        )

    def ensure_admin(self) -> None:
        User = get_user_model()
        username = os.environ.get("ROLAND_ADMIN_USER", "admin")
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin user '{username}' exists (password unchanged).")
            return
        password = os.environ.get("ROLAND_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="admin@example.org", password=password)
        if not os.environ.get("ROLAND_ADMIN_PASSWORD"):
            path = Path(settings.VAR_DIR) / CREDENTIALS_FILE
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{username}\n{password}\n")
            path.chmod(0o600)
            self.stdout.write(
                self.style.WARNING(
                    f"Created admin user '{username}' with password: {password}  (also in {path})"
                )
            )
        else:
            self.stdout.write(
                f"Created admin user '{username}' with the password from ROLAND_ADMIN_PASSWORD."
            )
