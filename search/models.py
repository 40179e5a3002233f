"""The project's own search index for the database default: one row per live POI, event or news page.

Wagtail's database backend has one text-search configuration and no language column, so it cannot
analyse German and English side by side (see STACK-NOTES). This table carries the language of each
row and its text-search configuration (`config`, PostgreSQL's regconfig). On PostgreSQL a migration
adds a stored generated `tsvector` (title weight A, body weight B) and a GIN index; on SQLite an FTS5
table holds the Snowball-stemmed text. Neither is part of the Django model: they exist only on their
database.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.core import registry


class RegConfigField(models.CharField):
    """A text-search configuration name: PostgreSQL's `regconfig` type there, plain text elsewhere."""

    def db_type(self, connection) -> str:
        return "regconfig" if connection.vendor == "postgresql" else super().db_type(connection)

    def from_db_value(self, value, expression, connection):
        return None if value is None else str(value)


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    kind = models.CharField(_("type"), max_length=10, choices=registry.searchable_choices)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    title = models.TextField(_("title"))
    body = models.TextField(_("body text"), blank=True)
    # Written with the row (one write; an UPDATE afterwards left every row twice in the table).
    config = RegConfigField(_("text-search configuration"), max_length=64, default="simple")
    # Events only: when the last stored occurrence ends, so "upcoming events only" is a test of this
    # row (an EXISTS over ~120,000 occurrences cost most of a broad search). Kept current by
    # the publish pipeline (cms.publishing) whenever the row is written or the occurrences move on.
    last_occurrence_end = models.DateTimeField(_("last occurrence ends"), null=True, blank=True)
    # Copies of the page's visibility facts, written with the row (publish, move, rebuild), so the
    # visibility rule (cms.core.visibility.visible_in_site) and the locale fallback run on this table
    # alone: joining 27,000 pages per broad search cost as much as matching and ranking. Results
    # are checked against the page rows again when they are loaded (search.api, search.database).
    # The page's live flag (false for an alias too). Rows exist for live pages only; this copy, like
    # the others, is also written by a trigger on the page table (migration 0008) whenever a page row
    # changes a copied fact, even by a write that bypasses the pipeline: the copies never go stale.
    live = models.BooleanField(_("live"), default=True)
    path = models.CharField(_("tree path"), max_length=255, default="")
    translation_key = models.UUIDField(_("translation key"), null=True)
    go_live_at = models.DateTimeField(_("go-live date/time"), null=True, blank=True)
    expire_at = models.DateTimeField(_("expiry date/time"), null=True, blank=True)
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(fields=["locale", "kind"], name="search_entry_locale_kind"),
            # The locale fallback asks which keys have a visible translation: answered from this
            # index alone on PostgreSQL (not by a heap scan of the wide rows).
            models.Index(
                fields=["locale", "translation_key"],
                include=["live", "path", "go_live_at", "expire_at"],
                name="search_entry_fallback",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"


class SynonymGroup(models.Model):
    """Words that mean the same in one language ("Museum, Museen"): a search for one finds them all.

    Stemming cannot join irregular forms and true synonyms, so editors list them here; the query is
    widened with the group (search.synonyms) on every backend, so nothing needs reindexing.
    """

    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("language"),
    )
    terms = models.TextField(
        _("words"),
        help_text=_(
            "Two or more words or short phrases that should find each other, separated by commas or "
            "new lines, e.g. Museum, Museen."
        ),
    )

    class Meta:
        verbose_name = _("search synonym group")
        verbose_name_plural = _("search synonyms")
        ordering = ["locale", "terms"]

    def __str__(self) -> str:
        return ", ".join(self.term_list())

    def term_list(self) -> list[str]:
        """The words of the group as entered, without blanks or repeats."""
        # search.synonyms reads this model (the groups of a language): imported on use.
        from .synonyms import split_terms

        return split_terms(self.terms)

    def clean(self) -> None:
        from .synonyms import validate_terms  # see term_list

        problem = validate_terms(self.terms)
        if problem:
            raise ValidationError({"terms": problem})


class SearchRank(models.Model):
    """PostgreSQL only: the search table narrowed to what matching, ranking and the visibility rule
    read (no title, body or configuration), fixed-width columns first.

    A broad word matches about a quarter of the table, and every match's row is read to filter and
    rank it: on the narrow rows that is fewer pages and a cheaper walk to each column. Written only
    by triggers on `SearchEntry` (migration 0009), so it holds the same rows and the same facts;
    SQLite has no such table (its FTS5 table is already narrow).
    """

    page_id = models.IntegerField(primary_key=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    live = models.BooleanField()
    go_live_at = models.DateTimeField(null=True)
    expire_at = models.DateTimeField(null=True)
    last_occurrence_end = models.DateTimeField(null=True)
    translation_key = models.UUIDField(null=True)
    kind = models.CharField(max_length=10)
    path = models.CharField(max_length=255)

    class Meta:
        managed = False  # created and filled by migration 0009 on PostgreSQL
        db_table = "roland_search_rank"

    def __str__(self) -> str:
        return f"{self.kind}: {self.page_id}"
