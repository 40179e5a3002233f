"""Entries copy the page's live flag, and a trigger on the page table keeps every copied fact in step.

The copies (live, tree path, go-live, expiry, translation key, locale) are written by the publish
pipeline; a write that bypasses it (a direct UPDATE of the page table, a bulk script) left them
stale, so every search had to check each match against its page row (one lookup per match, most of
a broad search). The trigger copies the facts whenever a page row changes them, so the table's
copies answer alone and only the rows shown are checked against the pages (search.database).
"""

from django.db import migrations, models

FACTS = ("live", "alias_of_id", "path", "go_live_at", "expire_at", "translation_key", "locale_id")

POSTGRES = """
CREATE OR REPLACE FUNCTION roland_search_follow_page() RETURNS trigger AS $$
BEGIN
    UPDATE roland_search_searchentry
       SET live = (NEW.live AND NEW.alias_of_id IS NULL), path = NEW.path,
           go_live_at = NEW.go_live_at, expire_at = NEW.expire_at,
           translation_key = NEW.translation_key, locale_id = NEW.locale_id
     WHERE page_id = NEW.id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER roland_search_follow_page
    AFTER UPDATE ON wagtailcore_page FOR EACH ROW
    WHEN ({changed})
    EXECUTE FUNCTION roland_search_follow_page();
""".format(changed=" OR ".join(f"OLD.{f} IS DISTINCT FROM NEW.{f}" for f in FACTS))

POSTGRES_REVERSE = """
DROP TRIGGER IF EXISTS roland_search_follow_page ON wagtailcore_page;
DROP FUNCTION IF EXISTS roland_search_follow_page();
"""

SQLITE = """
CREATE TRIGGER roland_search_follow_page
    AFTER UPDATE ON wagtailcore_page FOR EACH ROW
    WHEN {changed}
BEGIN
    UPDATE roland_search_searchentry
       SET live = (NEW.live AND NEW.alias_of_id IS NULL), path = NEW.path,
           go_live_at = NEW.go_live_at, expire_at = NEW.expire_at,
           translation_key = NEW.translation_key, locale_id = NEW.locale_id
     WHERE page_id = NEW.id;
END;
""".format(changed=" OR ".join(f"OLD.{f} IS NOT NEW.{f}" for f in FACTS))

SQLITE_REVERSE = "DROP TRIGGER IF EXISTS roland_search_follow_page;"


# Per database: the trigger's SQL, and what removes it again.
TRIGGER = {"postgresql": (POSTGRES, POSTGRES_REVERSE), "sqlite": (SQLITE, SQLITE_REVERSE)}


def create_trigger(apps, schema_editor) -> None:
    if schema_editor.connection.vendor in TRIGGER:
        schema_editor.execute(TRIGGER[schema_editor.connection.vendor][0])


def drop_trigger(apps, schema_editor) -> None:
    if schema_editor.connection.vendor in TRIGGER:
        schema_editor.execute(TRIGGER[schema_editor.connection.vendor][1])


def fill(apps, schema_editor) -> None:
    """Entries of pages hidden by a write that bypassed the pipeline are marked now."""
    SearchEntry = apps.get_model("roland_search", "SearchEntry")
    Page = apps.get_model("wagtailcore", "Page")
    shown = Page.objects.filter(live=True, alias_of__isnull=True).values("pk")
    SearchEntry.objects.exclude(page_id__in=shown).update(live=False)


class Migration(migrations.Migration):
    dependencies = [
        ("roland_search", "0007_kind_choices_from_registry"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="live",
            field=models.BooleanField(default=True, verbose_name="live"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        # The fallback's subquery reads the copies from this index alone: it must hold `live` too.
        migrations.RemoveIndex(model_name="searchentry", name="search_entry_fallback"),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(
                fields=["locale", "translation_key"],
                include=["live", "path", "go_live_at", "expire_at"],
                name="search_entry_fallback",
            ),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
