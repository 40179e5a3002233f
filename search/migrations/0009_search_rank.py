"""PostgreSQL: a narrow copy of the search table for matching and ranking, kept by triggers.

A broad word matches about a quarter of the entries, and each match's row is read to check the
visibility copies and to rank its tsvector; the title and body beside them made those rows twice as
wide. `roland_search_rank` holds what the search reads (the filter's fixed-width columns before the
variable-width ones), with its own GIN index and the fallback's index. Triggers on the search table copy every insert, update, delete and truncate, so the
copy never differs from it (the page trigger of 0008 updates the search table, which fires them too).
SQLite has no copy: its FTS5 table is narrow already.
"""

from django.db import migrations, models

TABLE = "roland_search_searchentry"
RANK = "roland_search_rank"
COLUMNS = (
    "page_id, locale_id, live, go_live_at, expire_at, last_occurrence_end, translation_key, kind, path, document"
)
NEW = ", ".join(f"NEW.{column.strip()}" for column in COLUMNS.split(","))
UPDATES = ", ".join(f"{c} = EXCLUDED.{c}" for c in (c.strip() for c in COLUMNS.split(",")) if c != "page_id")

POSTGRES = [
    f"""CREATE TABLE {RANK} (
        page_id integer PRIMARY KEY,
        locale_id integer NOT NULL,
        live boolean NOT NULL,
        go_live_at timestamptz,
        expire_at timestamptz,
        last_occurrence_end timestamptz,
        translation_key uuid,
        kind varchar(10) NOT NULL,
        path varchar(255) NOT NULL,
        document tsvector
    )""",
    f"INSERT INTO {RANK} ({COLUMNS}) SELECT {COLUMNS} FROM {TABLE} ORDER BY locale_id, page_id",
    f"CREATE INDEX roland_search_rank_document ON {RANK} USING gin (document)",
    f"""CREATE INDEX roland_search_rank_fallback ON {RANK} (locale_id, translation_key)
        INCLUDE (live, path, go_live_at, expire_at)""",
    f"""CREATE FUNCTION roland_search_rank_write() RETURNS trigger AS $$
    BEGIN
        INSERT INTO {RANK} ({COLUMNS}) VALUES ({NEW})
            ON CONFLICT (page_id) DO UPDATE SET {UPDATES};
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql""",
    f"""CREATE FUNCTION roland_search_rank_delete() RETURNS trigger AS $$
    BEGIN
        DELETE FROM {RANK} WHERE page_id = OLD.page_id;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql""",
    f"""CREATE FUNCTION roland_search_rank_truncate() RETURNS trigger AS $$
    BEGIN
        TRUNCATE {RANK};
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER roland_search_rank_write AFTER INSERT OR UPDATE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION roland_search_rank_write()""",
    f"""CREATE TRIGGER roland_search_rank_delete AFTER DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION roland_search_rank_delete()""",
    f"""CREATE TRIGGER roland_search_rank_truncate AFTER TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION roland_search_rank_truncate()""",
    f"ANALYZE {RANK}",
]
POSTGRES_REVERSE = [
    f"DROP TRIGGER IF EXISTS roland_search_rank_write ON {TABLE}",
    f"DROP TRIGGER IF EXISTS roland_search_rank_delete ON {TABLE}",
    f"DROP TRIGGER IF EXISTS roland_search_rank_truncate ON {TABLE}",
    "DROP FUNCTION IF EXISTS roland_search_rank_write()",
    "DROP FUNCTION IF EXISTS roland_search_rank_delete()",
    "DROP FUNCTION IF EXISTS roland_search_rank_truncate()",
    f"DROP TABLE IF EXISTS {RANK}",
]


def _run(statements: list[str]):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("roland_search", "0008_searchentry_live_and_page_trigger"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchRank",
            fields=[
                ("page_id", models.IntegerField(primary_key=True, serialize=False)),
                ("live", models.BooleanField()),
                ("go_live_at", models.DateTimeField(null=True)),
                ("expire_at", models.DateTimeField(null=True)),
                ("last_occurrence_end", models.DateTimeField(null=True)),
                ("translation_key", models.UUIDField(null=True)),
                ("kind", models.CharField(max_length=10)),
                ("path", models.CharField(max_length=255)),
                (
                    "locale",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=models.deletion.DO_NOTHING,
                        related_name="+",
                        to="wagtailcore.locale",
                    ),
                ),
            ],
            options={"db_table": "roland_search_rank", "managed": False},
        ),
        migrations.RunPython(_run(POSTGRES), _run(POSTGRES_REVERSE)),
    ]
