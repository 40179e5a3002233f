"""The editors' glossary, and the DeepL glossaries made from it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index


def content_languages() -> list[tuple[str, str]]:
    """The configured content languages (a callable, so a new language needs no migration)."""
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


class GlossaryTerm(index.Indexed, ClusterableModel):
    """A term every machine translation must respect: kept as written, or translated one fixed way.

    A fixed translation for the target language wins; without one, a term marked "never translate"
    stays verbatim, and any other term is left to the engine.
    """

    term = models.CharField(
        _("term"),
        max_length=200,
        unique=True,
        help_text=_("As it is written in the source text, e.g. Bülstringer Tor."),
    )
    keep = models.BooleanField(
        _("never translate"),
        default=True,
        help_text=_("The term stays as written in every language (names of places, events, institutions)."),
    )
    note = models.CharField(_("note for translators"), max_length=500, blank=True)

    panels = [
        FieldPanel("term"),
        FieldPanel("keep"),
        FieldPanel("note"),
        InlinePanel("translations", label=_("fixed translations")),
    ]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


class GlossaryTranslation(Orderable):
    entry = ParentalKey(GlossaryTerm, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=16, choices=content_languages)
    text = models.CharField(_("translation"), max_length=200)

    panels = [FieldPanel("language"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("fixed translation")
        verbose_name_plural = _("fixed translations")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "language"], name="roland_glossary_one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.language}: {self.text}"


class DeepLGlossary(models.Model):
    """The glossary made at DeepL for one language pair, by the hash of its entries.

    The same entries reuse the same glossary; changed entries make a new one (DeepL glossaries cannot
    be edited in v2) and the old one is deleted.
    """

    endpoint = models.CharField(max_length=300)
    source_lang = models.CharField(max_length=16)
    target_lang = models.CharField(max_length=16)
    content_hash = models.CharField(max_length=64)
    glossary_id = models.CharField(max_length=100)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "source_lang", "target_lang"], name="roland_deepl_glossary_per_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_lang}→{self.target_lang} {self.glossary_id}"


class BulkTranslationJob(models.Model):
    """Pages to translate into further languages by machine, as drafts, in the background worker.

    One row per request of an editor (the bulk action "Übersetzen …" or "Fehlendes übersetzen");
    its items say, page by page and language by language, what became of it.
    """

    QUEUED, RUNNING, FINISHED = "queued", "running", "finished"
    STATUSES = [(QUEUED, _("queued")), (RUNNING, _("running")), (FINISHED, _("finished"))]

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    source_locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    target_locales = models.ManyToManyField("wagtailcore.Locale", related_name="+")
    status = models.CharField(_("status"), max_length=16, choices=STATUSES, default=QUEUED)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    engine = models.CharField(_("translation service"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("bulk translation")
        verbose_name_plural = _("bulk translations")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.source_locale_id} → {self.status}"


class BulkTranslationItem(models.Model):
    """One page into one language: waiting, its draft made, skipped (it had one), or failed and why."""

    PENDING, DONE, SKIPPED, FAILED = "pending", "done", "skipped", "failed"
    STATUSES = [
        (PENDING, _("waiting")),
        (DONE, _("draft created")),
        (SKIPPED, _("skipped")),
        (FAILED, _("failed")),
    ]

    job = models.ForeignKey(BulkTranslationJob, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(max_length=255)  # the source page's, kept if the page goes
    path = models.CharField(max_length=255)  # its tree path: parents before children
    target_locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=16, choices=STATUSES, default=PENDING)
    reason = models.TextField(_("reason"), blank=True)
    translation = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["target_locale_id", "path"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "page", "target_locale"], name="roland_bulk_item_once_per_job"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} → {self.target_locale_id}: {self.status}"
