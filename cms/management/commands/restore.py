"""`manage.py restore DIR`: a backup of `manage.py backup` into an empty database (cms.backups)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder written by `manage.py backup`: checks every file against the "
        "manifest first, refuses a database that is not empty, restores the database and the media, "
        "then compares the migrations with this code (run `migrate` when it reports pending ones)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", metavar="DIR", type=Path, help="A backup folder (with manifest.json).")

    def handle(self, *args, folder: Path, **options) -> None:
        try:
            report = restore(folder, progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if report.missing_objects:
            self.stderr.write(
                f"{len(report.missing_objects)} media objects listed in the backup are missing or changed "
                f"in the bucket, e.g. {', '.join(report.missing_objects[:5])}"
            )
        if report.unknown_migrations:
            raise CommandError(
                "restored, but the backup was made by newer code: these migrations are applied and unknown "
                "here: "
                + ", ".join(report.unknown_migrations[:10])
                + ". Deploy the Roland version named in manifest.json before serving this database."
            )
        if report.pending_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(report.pending_migrations)} migrations of this code are not applied yet "
                    f"(e.g. {report.pending_migrations[0]}): run `manage.py migrate`."
                )
            )
        else:
            self.stdout.write("migrations: the database matches this code")
        self.stdout.write(self.style.SUCCESS(f"Restored from {folder}"))
