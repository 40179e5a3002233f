"""The project's own search index for the database default: one row per live POI, event or news page.

Wagtail's database backend has one text-search configuration and no language column, so it cannot
analyse German and English side by side (see STACK-NOTES). This table carries the language of each
row. On PostgreSQL a migration adds a `regconfig` column, a stored generated `tsvector` (title
weight A, body weight B) and a GIN index; on SQLite an FTS5 table holds the Snowball-stemmed text.
Neither is part of the Django model: they exist only on their database.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentKind(models.TextChoices):
    POI = "poi", _("Point of interest")
    EVENT = "event", _("Event")
    NEWS = "news", _("News")


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    kind = models.CharField(_("type"), max_length=10, choices=ContentKind.choices)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    title = models.TextField(_("title"))
    body = models.TextField(_("body text"), blank=True)
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["locale", "kind"], name="search_entry_locale_kind")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"
