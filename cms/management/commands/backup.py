"""`manage.py backup DIR`: the database, the media and a manifest with checksums (cms.backups)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump custom format, or SQLite's online backup) and the media files "
        "(or, on object storage, a list of the bucket's objects) into DIR, a new or empty folder, with "
        "a manifest.json of versions, sizes and SHA-256 checksums. Safe while the site runs."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", metavar="DIR", type=Path, help="New or empty folder for the backup.")

    def handle(self, *args, folder: Path, **options) -> None:
        try:
            backup(folder, progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
