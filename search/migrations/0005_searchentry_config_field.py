"""`config` becomes a model field, so an entry is written once with its configuration.

PostgreSQL already has the column (0002, regconfig, part of the generated tsvector): state only.
SQLite gets a plain text column.
"""

from django.db import migrations

import search.models


def add_sqlite_column(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        schema_editor.execute(
            "ALTER TABLE roland_search_searchentry ADD COLUMN config varchar(64) NOT NULL DEFAULT 'simple'"
        )


def drop_sqlite_column(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        schema_editor.execute("ALTER TABLE roland_search_searchentry DROP COLUMN config")


class Migration(migrations.Migration):
    dependencies = [("roland_search", "0004_roland_simple")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="searchentry",
                    name="config",
                    field=search.models.RegConfigField(
                        default="simple", max_length=64, verbose_name="text-search configuration"
                    ),
                ),
            ],
            database_operations=[migrations.RunPython(add_sqlite_column, drop_sqlite_column)],
        )
    ]
