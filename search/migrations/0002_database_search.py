"""Database-specific parts of the search index that the Django model does not describe.

PostgreSQL: unaccent copies of the german and english configurations, a `regconfig` column, a stored
generated `tsvector` (title weight A, body weight B) and its GIN index. SQLite: an FTS5 table of
Snowball-stemmed text keyed by page id, emptied by a trigger when an entry goes.
"""

from django.db import migrations

TABLE = "roland_search_searchentry"

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    *[
        f"""
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'roland_{name}') THEN
            CREATE TEXT SEARCH CONFIGURATION roland_{name} (COPY = pg_catalog.{name});
            ALTER TEXT SEARCH CONFIGURATION roland_{name}
              ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {name}_stem;
          END IF;
        END $$
        """
        for name in ("german", "english")
    ],
    f"ALTER TABLE {TABLE} ADD COLUMN config regconfig NOT NULL DEFAULT 'simple'",
    f"""ALTER TABLE {TABLE} ADD COLUMN document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config, body), 'B')
    ) STORED""",
    f"CREATE INDEX roland_search_document_gin ON {TABLE} USING gin (document)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS roland_search_document_gin",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS document",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS config",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS roland_german",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS roland_english",
]
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE roland_search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0')",
    f"""CREATE TRIGGER roland_search_fts_delete AFTER DELETE ON {TABLE}
        BEGIN DELETE FROM roland_search_fts WHERE rowid = old.page_id; END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS roland_search_fts_delete",
    "DROP TABLE IF EXISTS roland_search_fts",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor) -> None:
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("roland_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
