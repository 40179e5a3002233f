"""Parts shared by the tourism page types: teaser and body, address and coordinates, gallery, links."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import DEFERRED, prefetch_related_objects
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
from wagtail.models import COMMENTS_RELATION_NAME, Orderable, Page
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


# What Page.save_revision writes of the page row besides its comments: nothing the page shows, nothing
# Wagtail's reference index holds (revisions are left out of it).
REVISION_BOOKKEEPING = frozenset(
    {"latest_revision", "has_unpublished_changes", "draft_title", "latest_revision_created_at"}
)

# Foreign keys only Wagtail sets (the page's type and language, its revisions).
WAGTAIL_SET_KEYS = frozenset({"content_type", "locale", "latest_revision", "live_revision"})


class IndexedContentMixin:
    """Wagtail's indexes of the content pages, kept without work twice over.

    Categories are prefetched for its search index: Wagtail does not prefetch ParentalManyToManyFields
    and reads them once per index column (five queries per page). The search index is written by the
    publish pipeline's receiver (cms.signals, search.wagtail_entries), not modelsearch's, so a save of
    revision bookkeeping only (save_revision, before every publish) leaves entries that hold none of
    it alone; for the same save the reference index is not rebuilt either.
    """

    search_auto_update = False  # modelsearch connects no receivers: cms.signals does

    @classmethod
    def from_db(cls, db, field_names, values):
        """A row read from the database, built by Django's model constructor alone (as
        `Model.from_db` does otherwise).

        The page constructors above it act only on a page without an id (content type, menu flag)
        or on child relations passed by keyword, neither of which a row has; yet modelcluster's
        scans every field of the model for child relations on each instance, a tenth of the CPU of
        a list of 20 events with their venues.
        """
        if cls._meta.pk.attname not in field_names:
            return super().from_db(db, field_names, values)
        fields = cls._meta.concrete_fields
        if len(values) != len(fields):
            loaded = iter(values)
            values = [next(loaded) if field.attname in field_names else DEFERRED for field in fields]
        row = cls.__new__(cls)
        models.Model.__init__(row, *values)
        row._state.adding = False
        row._state.db = db
        return row

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().prefetch_related("categories")

    def get_indexed_instance(self):
        instance = super().get_indexed_instance()
        if instance is not None:
            prefetch_related_objects([instance], "categories")
        return instance

    def clean_fields(self, exclude=None) -> None:
        # Wagtail sets these from rows it has just read or written; checking that each exists cost a
        # query per field on every save (two saves a publish). The database's foreign keys still do.
        super().clean_fields(exclude={*(exclude or ()), *WAGTAIL_SET_KEYS})

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and self._references_unchanged(set(update_fields)):
            # wagtail.signal_handlers loads models as it is imported: imported at save time.
            from wagtail.signal_handlers import disable_reference_index_auto_update

            with disable_reference_index_auto_update():
                return super().save(*args, **kwargs)
        return super().save(*args, **kwargs)

    def _references_unchanged(self, update_fields: set[str]) -> bool:
        """A save of revision bookkeeping changes no reference: comments (whose authors are
        references) are written with it, so only while the page has none."""
        comments = COMMENTS_RELATION_NAME
        if not update_fields - {comments} <= REVISION_BOOKKEEPING:
            return False
        return comments not in update_fields or not getattr(self, comments).all()


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
