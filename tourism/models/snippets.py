"""Categories (translatable) and organisers: the vocabulary shared by POIs, events and news."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core import registry


class Category(TranslatableMixin, index.Indexed, models.Model):
    """A category; its slug is the same in every language, so API filters work across locales."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in API filters; the same in every language.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=registry.choices)
    icon = models.CharField(
        _("icon"), max_length=50, blank=True, help_text=_("Icon name for the website, e.g. museum.")
    )
    schema_type = models.CharField(
        _("schema.org type"),
        max_length=60,
        blank=True,
        help_text=_(
            "A more specific schema.org type, e.g. Museum, Church, Park, LandmarksOrHistoricalBuildings."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("icon"),
        FieldPanel("schema_type"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("icon", overridable=False),
        SynchronizedField("schema_type", overridable=False),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("kind")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "kind", "slug"], name="unique_category_slug_per_locale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


def _source_categories(kind: str) -> Q:
    """Editors pick source-language categories; the API maps them to translations by key."""
    return Q(kind=kind, locale__language_code=settings.LANGUAGE_CODE)


def _categories_of(model_name: str) -> Q:
    # The kind of a category is its content type's name; the model is looked up when a form asks.
    return _source_categories(registry.type_name(apps.get_model("tourism", model_name)))


def poi_categories() -> Q:
    return _categories_of("PointOfInterest")


def event_categories() -> Q:
    return _categories_of("Event")


def news_categories() -> Q:
    return _categories_of("NewsArticle")


class Organizer(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=255)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("organizer")
        verbose_name_plural = _("organizers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
