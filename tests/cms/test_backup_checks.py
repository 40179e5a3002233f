"""After a restore, the migrations are compared with the code: what `migrate` still has to apply, and
what the database has that this code does not know (a backup of newer code)."""

from django.db.migrations.recorder import MigrationRecorder

from cms.backups import check_migrations, migration_heads


def test_the_migrated_test_database_matches_the_code(db):
    assert check_migrations() == ([], [])


def test_a_backup_of_older_code_has_pending_migrations_and_newer_code_unknown_ones(db):
    recorded = MigrationRecorder.Migration.objects
    latest = migration_heads()["roland_core"][-1]
    recorded.filter(app="roland_core", name=latest).delete()
    recorded.create(app="media", name="0099_from_the_future")

    pending, unknown = check_migrations()

    assert pending == [f"roland_core.{latest}"]
    assert unknown == ["media.0099_from_the_future"]
    assert "0099_from_the_future" in migration_heads()["media"]
