"""Points of interest: sights, museums, parks, services — with hours, accessibility and location."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.preview import PreviewMixin
from cms.core.slugs import TransliteratedSlugMixin

from ..forms import TourismPageForm
from .base import (
    AddressFields,
    GalleryImageBase,
    IndexedContentMixin,
    RelatedPageBase,
    address_panel,
    address_translatable_fields,
    body_field,
    content_api_fields,
    content_search_fields,
    main_image_field,
    tabbed_edit_handler,
    teaser_field,
)
from .opening_hours import NamedInlinePanel
from .snippets import poi_categories


class Wheelchair(models.TextChoices):
    YES = "yes", _("Fully accessible")
    PARTIAL = "partial", _("Partly accessible")
    NO = "no", _("Not accessible")
    UNKNOWN = "unknown", _("Unknown")


class PointOfInterestIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["tourism.PointOfInterest"]
    max_count_per_parent = 1
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("points of interest index")
        verbose_name_plural = _("points of interest indexes")


class PointOfInterestTag(TaggedItemBase):
    content_object = ParentalKey(
        "tourism.PointOfInterest", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PointOfInterest(TransliteratedSlugMixin, IndexedContentMixin, PreviewMixin, AddressFields, Page):
    teaser = teaser_field()
    body = body_field()
    image = main_image_field()
    categories = ParentalManyToManyField(
        "tourism.Category", blank=True, limit_choices_to=poi_categories, verbose_name=_("categories")
    )
    tags = ClusterTaggableManager(through=PointOfInterestTag, blank=True)

    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)

    is_free = models.BooleanField(_("free admission"), default=False)
    price_text = models.TextField(
        _("prices"), blank=True, help_text=_("Admission prices as shown to visitors.")
    )

    closed_on_public_holidays = models.BooleanField(
        _("closed on public holidays"),
        default=False,
        help_text=_("Closed on public holidays in Saxony-Anhalt unless an exception gives hours."),
    )
    opening_hours_note = models.TextField(_("note on opening hours"), blank=True)
    # Written on every save from the rows being saved (tourism.services.opening_hours.schedule_key).
    opening_hours_key = models.CharField(max_length=16, blank=True, default="", editable=False)

    wheelchair = models.CharField(
        _("wheelchair access"), max_length=10, choices=Wheelchair.choices, default=Wheelchair.UNKNOWN
    )
    step_free_entrance = models.BooleanField(_("step-free entrance"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    guide_dogs = models.BooleanField(_("guide dogs welcome"), default=False)
    disabled_parking = models.BooleanField(_("disabled parking"), default=False)
    accessibility_certification = models.CharField(
        _("accessibility certification"), max_length=255, blank=True, help_text=_("e.g. Reisen für Alle")
    )
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("Gallery")),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        InlinePanel("related_links", label=_("Related content")),
    ]
    details_panels = [
        address_panel(),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading=_("Contact")
        ),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("price_text")], heading=_("Prices")),
        MultiFieldPanel(
            [
                FieldPanel("wheelchair"),
                FieldRowPanel(
                    [
                        FieldPanel("step_free_entrance"),
                        FieldPanel("accessible_toilet"),
                        FieldPanel("hearing_loop"),
                    ]
                ),
                FieldRowPanel([FieldPanel("guide_dogs"), FieldPanel("disabled_parking")]),
                FieldPanel("accessibility_certification"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
    ]
    hours_panels = [
        NamedInlinePanel("opening_hours", label=_("Weekly hours")),
        NamedInlinePanel("opening_hours_exceptions", label=_("Exceptions")),
        FieldPanel("closed_on_public_holidays"),
        FieldPanel("opening_hours_note"),
    ]
    base_form_class = TourismPageForm
    edit_handler = tabbed_edit_handler(
        (content_panels, _("Content")),
        (details_panels, _("Details")),
        (hours_panels, _("Opening hours")),
    )

    override_translatable_fields = address_translatable_fields(
        SynchronizedField("phone", overridable=False), SynchronizedField("accessibility_certification")
    )

    search_fields = content_search_fields(
        index.SearchField("locality"),
        index.FilterField("is_free"),
        index.FilterField("wheelchair"),
    )

    api_fields = content_api_fields(
        APIField("gallery_images"),
        APIField("street"),
        APIField("postal_code"),
        APIField("locality"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("phone"),
        APIField("email"),
        APIField("website"),
        APIField("is_free"),
        APIField("price_text"),
        APIField("wheelchair"),
        APIField("step_free_entrance"),
        APIField("accessible_toilet"),
        APIField("hearing_loop"),
        APIField("guide_dogs"),
        APIField("disabled_parking"),
        APIField("accessibility_certification"),
        APIField("accessibility_notes"),
        APIField("opening_hours"),
        APIField("opening_hours_exceptions"),
        APIField("closed_on_public_holidays"),
        APIField("opening_hours_note"),
        APIField("related_links"),
    )

    parent_page_types = ["tourism.PointOfInterestIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("point of interest")
        verbose_name_plural = _("points of interest")
        indexes = [
            # Covers what grouping the places of an area by opening schedule reads
            # (tourism.items.pois.open_schedules), and the box of `near`, from the index alone on PostgreSQL.
            models.Index(
                fields=["latitude", "longitude"],
                include=["page_ptr", "closed_on_public_holidays", "opening_hours_key"],
                name="poi_coordinates_narrowing",
            ),
            # The places of the open schedules in an area (`open_now` / `open_at`), without reading the
            # closed ones (tourism.items.pois.open_schedules).
            models.Index(
                fields=["opening_hours_key", "latitude", "longitude"],
                include=["page_ptr"],
                name="poi_open_schedule",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        errors = self.clean_coordinates()
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # The rules and exceptions being saved with the page (in memory while a form or revision
        # is saved) decide the key; `open_now` lists group places by it.
        # The opening-hours service reads these models (schedules of many places at once): the
        # model imports it at save time rather than at import time.
        from ..services.opening_hours import schedule_for, schedule_key

        update_fields = kwargs.get("update_fields")
        if update_fields is None or {
            "opening_hours",
            "opening_hours_exceptions",
            "closed_on_public_holidays",
        } & set(update_fields):
            self.opening_hours_key = schedule_key(schedule_for(self))
            if update_fields is not None:
                kwargs["update_fields"] = [*update_fields, "opening_hours_key"]
        return super().save(*args, **kwargs)


class PointOfInterestGalleryImage(GalleryImageBase):
    page = ParentalKey(PointOfInterest, on_delete=models.CASCADE, related_name="gallery_images")
    api_fields = [APIField("image")]


class PointOfInterestRelatedPage(RelatedPageBase):
    page = ParentalKey(PointOfInterest, on_delete=models.CASCADE, related_name="related_links")
    api_fields = [APIField("target")]
