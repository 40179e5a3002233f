"""Entries carry copies of the page facts a search filters on, so a search needs no join:

- events: when their last occurrence ends ("upcoming only" without scanning occurrences);
- every entry: the page's tree path, translation key, go-live and expiry (the visibility rule and
  the locale fallback run on the table itself).

Existing entries are filled from the pages and occurrences (two UPDATEs).
"""

from django.db import migrations, models
from django.db.models import Max, OuterRef, Subquery


def fill(apps, schema_editor) -> None:
    SearchEntry = apps.get_model("roland_search", "SearchEntry")
    EventOccurrence = apps.get_model("tourism", "EventOccurrence")
    Page = apps.get_model("wagtailcore", "Page")
    page = Page.objects.filter(pk=OuterRef("page_id"))
    SearchEntry.objects.update(
        path=Subquery(page.values("path")[:1]),
        translation_key=Subquery(page.values("translation_key")[:1]),
        go_live_at=Subquery(page.values("go_live_at")[:1]),
        expire_at=Subquery(page.values("expire_at")[:1]),
    )
    last_end = (
        EventOccurrence.objects.filter(event_id=OuterRef("page_id"))
        .values("event_id")
        .annotate(last_end=Max("end"))
        .values("last_end")
    )
    SearchEntry.objects.filter(kind="event").update(last_occurrence_end=Subquery(last_end))


class Migration(migrations.Migration):
    dependencies = [
        ("roland_search", "0005_searchentry_config_field"),
        ("tourism", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="last_occurrence_end",
            field=models.DateTimeField(blank=True, null=True, verbose_name="last occurrence ends"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="path",
            field=models.CharField(default="", max_length=255, verbose_name="tree path"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="translation_key",
            field=models.UUIDField(null=True, verbose_name="translation key"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go-live date/time"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(
                fields=["locale", "translation_key"],
                include=("path", "go_live_at", "expire_at"),
                name="search_entry_fallback",
            ),
        ),
    ]
