"""News articles of the tourism office and the city press office."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.preview import PreviewMixin
from cms.core.slugs import TransliteratedSlugMixin

from ..forms import TourismPageForm
from .base import (
    IndexedContentMixin,
    RelatedPageBase,
    body_field,
    content_api_fields,
    content_search_fields,
    main_image_field,
    page_chooser,
    teaser_field,
)
from .snippets import news_categories


class NewsIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["tourism.NewsArticle"]
    max_count_per_parent = 1
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey("tourism.NewsArticle", on_delete=models.CASCADE, related_name="tagged_items")


class NewsArticle(TransliteratedSlugMixin, IndexedContentMixin, PreviewMixin, Page):
    date = models.DateField(_("date"), default=datetime.date.today, db_index=True)
    teaser = teaser_field()
    body = body_field()
    image = main_image_field()
    categories = ParentalManyToManyField(
        "tourism.Category", blank=True, limit_choices_to=news_categories, verbose_name=_("categories")
    )
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True)

    base_form_class = TourismPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        InlinePanel("related_links", label=_("Related points of interest and events")),
    ]
    override_translatable_fields = [SynchronizedField("categories")]
    search_fields = content_search_fields(index.FilterField("date"))
    api_fields = [APIField("date"), *content_api_fields(APIField("related_links"))]
    parent_page_types = ["tourism.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class NewsArticleRelatedPage(RelatedPageBase):
    page = ParentalKey(NewsArticle, on_delete=models.CASCADE, related_name="related_links")
    panels = [page_chooser("target", "tourism.PointOfInterest", "tourism.Event")]
    api_fields = [APIField("target")]
