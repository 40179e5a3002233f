"""Import sources: partners' calendars and lists, the items each import made, and a log of every run.

An imported page remembers its source and the source's id for it (ImportedItem), and the values the
last import gave its fields (`imported`): a field whose page value no longer equals that value was
changed by an editor, and the import leaves it alone (tourism.services.intake).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cms.core import outbound
from media.models import License

from .snippets import Category


class SourceKind(models.TextChoices):
    ICAL = "ical", _("iCalendar")
    CSV = "csv", _("CSV")
    JSONLD = "jsonld", _("schema.org JSON-LD")


class OnDisappear(models.TextChoices):
    UNPUBLISH = "unpublish", _("Unpublish")
    KEEP = "keep", _("Keep")
    CANCEL = "cancel", _("Mark as cancelled")


class Encoding(models.TextChoices):
    AUTO = "auto", _("Detect (UTF-8, else Windows-1252)")
    UTF8 = "utf-8", "UTF-8"
    CP1252 = "cp1252", "Windows-1252"


class Delimiter(models.TextChoices):
    AUTO = "auto", _("Detect")
    SEMICOLON = ";", _("Semicolon (;)")
    COMMA = ",", _("Comma (,)")


class ImportSource(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("For the command line: import_source SLUG.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=SourceKind.choices, default=SourceKind.ICAL)
    url = models.URLField(_("URL"), max_length=2000, blank=True, help_text=_("http or https."))
    file = models.FileField(
        _("file"), upload_to="imports/", blank=True, help_text=_("Instead of a URL: an uploaded file.")
    )
    column_mapping = models.JSONField(
        _("CSV column mapping"),
        default=dict,
        blank=True,
        help_text=_(
            'CSV only, e.g. {"type": "event", "id": "Nr", "columns": {"title": "Titel", '
            '"start_date": "Datum", "start_time": "Beginn"}}.'
        ),
    )
    encoding = models.CharField(_("encoding"), max_length=10, choices=Encoding.choices, default=Encoding.AUTO)
    delimiter = models.CharField(
        _("delimiter"), max_length=4, choices=Delimiter.choices, default=Delimiter.AUTO
    )
    default_categories = models.ManyToManyField(
        Category, blank=True, related_name="+", verbose_name=_("default categories")
    )
    organizer = models.ForeignKey(
        "tourism.Organizer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organizer"),
    )
    image_credit = models.CharField(
        _("image credit"),
        max_length=255,
        blank=True,
        help_text=_("Images of this source are imported only with a credit."),
    )
    image_license = models.CharField(
        _("image licence"), max_length=32, choices=License.choices, default=License.ALL_RIGHTS_RESERVED
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("target language"),
        help_text=_("Empty: the main language."),
    )
    refresh_minutes = models.PositiveIntegerField(
        _("refresh interval (minutes)"), default=1440, help_text=_("0: only when started by hand.")
    )
    publish_directly = models.BooleanField(
        _("publish directly"),
        default=False,
        help_text=_("Otherwise imported items become drafts for review."),
    )
    on_disappear = models.CharField(
        _("when an item disappears from the source"),
        max_length=10,
        choices=OnDisappear.choices,
        default=OnDisappear.UNPUBLISH,
    )
    # Kept by the scheduled refresh (tourism.services.intake.refresh).
    next_run_at = models.DateTimeField(_("next run"), null=True, blank=True, editable=False)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("url"), FieldPanel("file")], heading=_("Where")),
        MultiFieldPanel(
            [FieldPanel("column_mapping"), FieldRowPanel([FieldPanel("encoding"), FieldPanel("delimiter")])],
            heading=_("CSV"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("default_categories"),
                FieldPanel("organizer"),
                FieldRowPanel([FieldPanel("image_credit"), FieldPanel("image_license")]),
                FieldPanel("locale"),
            ],
            heading=_("Imported items"),
        ),
        MultiFieldPanel(
            [FieldPanel("refresh_minutes"), FieldPanel("publish_directly"), FieldPanel("on_disappear")],
            heading=_("Refresh schedule"),
        ),
    ]

    class Meta:
        verbose_name = _("import source")
        verbose_name_plural = _("import sources")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if not self.url and not self.file:
            errors["url"] = _("Enter a URL or upload a file.")
        if self.url and self.file:
            errors["file"] = _("Either a URL or a file, not both.")
        if self.url:
            try:  # the address itself is checked on every fetch (DNS answers change)
                outbound.validate_url(self.url)
            except outbound.UnsafeTarget as error:
                errors["url"] = str(error)
        if self.kind == SourceKind.CSV:
            mapping = self.column_mapping or {}
            if not isinstance(mapping, dict) or not isinstance(mapping.get("columns"), dict):
                errors["column_mapping"] = _('A CSV source needs a mapping with "columns".')
            elif mapping.get("type", "event") not in ("event", "poi"):
                errors["column_mapping"] = _('"type" is "event" or "poi".')
        if errors:
            raise ValidationError(errors)


class ImportedItem(models.Model):
    source = models.ForeignKey(ImportSource, on_delete=models.CASCADE, related_name="items")
    external_id = models.CharField(_("external id"), max_length=500)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The value each field got from the last import, as JSON-ready text (services.intake.values).
    imported = models.JSONField(default=dict)
    fingerprint = models.CharField(max_length=64, blank=True)
    # The image fetched for the item's last image URL (fetched once per URL).
    image_url = models.URLField(max_length=2000, blank=True)
    image = models.ForeignKey(
        "media.RolandImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    present = models.BooleanField(default=True)
    first_imported_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], name="unique_imported_item"),
        ]

    def __str__(self) -> str:
        return f"{self.source_id}:{self.external_id}"


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    PARTIAL = "partial", _("Succeeded with errors")
    FAILED = "failed", _("Failed")


class ImportRun(models.Model):
    source = models.ForeignKey(
        ImportSource, on_delete=models.CASCADE, related_name="runs", verbose_name=_("import source")
    )
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    created = models.PositiveIntegerField(_("new"), default=0)
    changed = models.PositiveIntegerField(_("changed"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    removed = models.PositiveIntegerField(_("removed"), default=0)
    conflicts = models.PositiveIntegerField(_("conflicts"), default=0)
    errors = models.PositiveIntegerField(_("errors"), default=0)
    report = models.JSONField(_("report"), default=dict)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["source", "-started_at"], name="import_run_source_started")]

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"
