"""The city presence: the home page and standard content pages; menus come from show_in_menus."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from cms.core.preview import PreviewMixin
from tourism.models.base import body_field, main_image_field, rendition_field, teaser_field


class HomePage(PreviewMixin, Page):
    teaser = teaser_field(blank=True)
    image = main_image_field()
    body = body_field()

    content_panels = [*Page.content_panels, FieldPanel("teaser"), FieldPanel("image"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("teaser"), index.SearchField("body")]
    api_fields = [
        APIField("teaser"),
        APIField("image"),
        rendition_field("hero"),
        APIField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "tourism.PointOfInterestIndexPage",
        "tourism.EventIndexPage",
        "tourism.NewsIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(PreviewMixin, Page):
    teaser = teaser_field()
    image = main_image_field()
    body = body_field()

    content_panels = [*Page.content_panels, FieldPanel("teaser"), FieldPanel("image"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("locale"),
    ]
    api_fields = [
        APIField("teaser"),
        APIField("image"),
        rendition_field("card"),
        APIField("body"),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
