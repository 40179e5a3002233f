"""PostgreSQL: `roland_simple`, the `simple` configuration with unaccent, for Wagtail's autocomplete
(the admin's page search; search/database_backend.py)."""

from django.db import migrations

FORWARD = """
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'roland_simple') THEN
    CREATE TEXT SEARCH CONFIGURATION roland_simple (COPY = pg_catalog.simple);
    ALTER TEXT SEARCH CONFIGURATION roland_simple
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
  END IF;
END $$
"""
BACKWARD = "DROP TEXT SEARCH CONFIGURATION IF EXISTS roland_simple"


def forward(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("roland_search", "0003_synonym_group")]

    operations = [migrations.RunPython(forward, backward)]
