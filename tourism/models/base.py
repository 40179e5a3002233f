"""Parts shared by the tourism page types: teaser and body, address and coordinates, gallery, links."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from media.fields import VisibleImageRenditionField
from media.renditions import PRESETS

from ..blocks import BodyBlock
from ..panels import LocalePageChooserPanel, MapPanel
from ..validators import coordinate_errors, latitude_validators, longitude_validators

TEASER_MAX = 300


def teaser_field(blank: bool = False) -> models.TextField:
    return models.TextField(
        _("teaser"),
        blank=blank,
        max_length=TEASER_MAX,
        validators=[MaxLengthValidator(TEASER_MAX)],
        help_text=_("One or two sentences for lists and previews (at most 300 characters)."),
    )


def body_field() -> StreamField:
    return StreamField(BodyBlock(), blank=True, verbose_name=_("body"))


def main_image_field() -> models.ForeignKey:
    return models.ForeignKey(
        "media.RolandImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )


class AddressFields(models.Model):
    """A postal address with coordinates (WGS 84), indexed for bounding-box prefilters."""

    street = models.CharField(_("street and number"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    locality = models.CharField(_("locality"), max_length=100, blank=True, help_text=_("Town or district."))
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=latitude_validators
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=longitude_validators
    )

    address_panels = [
        FieldPanel("street"),
        FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        MapPanel(heading=_("Map")),
        FieldPanel("confirm_coordinates"),
    ]

    class Meta:
        abstract = True

    def clean_coordinates(self) -> dict[str, str]:
        return coordinate_errors(self.latitude, self.longitude)


class GalleryImageBase(Orderable):
    image = models.ForeignKey(
        "media.RolandImage", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        abstract = True


class RelatedPageBase(Orderable):
    """A link to related content; the API shows the linked page in the reader's language."""

    target = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [
        LocalePageChooserPanel("target", ["tourism.PointOfInterest", "tourism.Event", "tourism.NewsArticle"])
    ]

    class Meta(Orderable.Meta):
        abstract = True


def page_chooser(field_name: str, *target_models: str) -> LocalePageChooserPanel:
    """A page chooser that opens in the edited page's language (tourism.forms sets where)."""
    return LocalePageChooserPanel(field_name, list(target_models))


def address_panel() -> MultiFieldPanel:
    return MultiFieldPanel(AddressFields.address_panels, heading=_("Address and location"))


def tabbed_edit_handler(*tabs: tuple[list, str]) -> TabbedInterface:
    """The editor's tabs of a tourism page: its own tabs (panels, heading), then Promote and Settings."""
    return TabbedInterface(
        [
            *(ObjectList(panels, heading=heading) for panels, heading in tabs),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )


def address_translatable_fields(*extra: SynchronizedField) -> list[SynchronizedField]:
    """Categories and the address stay those of the source page; only the locality name may differ."""
    return [
        SynchronizedField("categories"),
        SynchronizedField("street", overridable=False),
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("locality"),
        *extra,
    ]


def rendition_field(preset: str, source: str = "image") -> APIField:
    """A v2 API field with one named preset rendition of an image field (null for a hidden image)."""
    return APIField(
        f"{source}_{preset}", serializer=VisibleImageRenditionField(PRESETS[preset], source=source)
    )


class IndexedContentMixin:
    """Prefetches categories for Wagtail's indexing: it does not prefetch ParentalManyToManyFields, and
    reads them once per index column, so `update_index` ran five queries per page."""

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().prefetch_related("categories")


def content_search_fields(*extra: index.BaseField) -> list[index.BaseField]:
    """Search fields of the tourism page types: title, teaser over body (also for the admin's partial
    matches), filters by locale and category."""
    return [
        *Page.search_fields,
        index.SearchField("teaser", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        # The admin's page search is an autocomplete: words (and their beginnings) in the teaser and
        # the body find a page too, not only its title.
        index.AutocompleteField("teaser"),
        index.AutocompleteField("body"),
        index.FilterField("locale"),
        index.RelatedFields("categories", [index.FilterField("slug"), index.SearchField("name")]),
        *extra,
    ]


def content_api_fields(*extra: APIField) -> list[APIField]:
    """Stock v2 API fields shared by the tourism page types."""
    # The stock v2 serializer reads the Category model, which imports this module.
    from ..serializers import LocalizedCategoriesField

    return [
        APIField("teaser"),
        APIField("body"),
        APIField("image"),
        rendition_field("card"),
        rendition_field("thumbnail"),
        APIField("categories", serializer=LocalizedCategoriesField()),
        APIField("tags"),
        *extra,
    ]
