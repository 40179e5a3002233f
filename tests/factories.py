"""Factories for small per-test data: images drawn in memory, pages placed in a minimal tree."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time

import factory
from django.core.files.base import ContentFile
from PIL import Image
from wagtail.models import Collection, Locale, Page, Site

from cms.demo.bulk import index_updates_at_the_end
from home.models import HomePage
from media.models import RolandImage
from tourism.models import (
    Category,
    Event,
    EventIndexPage,
    NewsArticle,
    NewsIndexPage,
    PointOfInterest,
    PointOfInterestIndexPage,
)


def image_bytes(width: int = 640, height: int = 400, fmt: str = "JPEG", colour=(30, 90, 160)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, fmt)
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RolandImage

    title = factory.Sequence(lambda n: f"Test image {n}")
    alt_text = "Der Marktplatz mit dem Rathaus"
    credit = "Testfoto"
    license = "CC-BY-4.0"
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyFunction(lambda: ContentFile(image_bytes(), name="test.jpg"))


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Kategorie {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    kind = "poi"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="de"))


_deferring: list[None] = []


@contextmanager
def index_updates_once() -> Iterator[None]:
    """Wagtail's reference and admin-search index rows of what is saved inside, once per object from
    its final state at the end (cms.demo.bulk, as the demo load does), instead of on every save.

    Test data is saved three or more times per page (added, revision, publish): those index updates
    were a fifth of the CPU of building it. Nested uses join the outermost one.
    """
    if _deferring:
        yield
        return
    _deferring.append(None)
    try:
        with index_updates_at_the_end():
            yield
    finally:
        _deferring.pop()


@contextmanager
def index_updates_per_save() -> Iterator[None]:
    """Inside, Wagtail's index rows follow every save again (worlds written into a search engine:
    its index is to hold what each publish wrote)."""
    _deferring.append(None)
    try:
        yield
    finally:
        _deferring.pop()


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_page(parent: Page, page: Page, live: bool = True) -> Page:
    with index_updates_once():
        page.locale = parent.locale
        parent.add_child(instance=page)
        if live:
            publish(page)
        else:
            page.live = False
            page.save_revision()
            Page.objects.filter(pk=page.pk).update(live=False)
            page.refresh_from_db()
    return page.specific


class SiteTree:
    """The German home page with the three index pages, set as the default site's root."""

    def __init__(self) -> None:
        with index_updates_once():
            self._build()

    def _build(self) -> None:
        root = Page.get_first_root_node()
        de = Locale.objects.get(language_code="de")
        self.home = HomePage(title="Haldensleben", slug="haldensleben-test", locale=de)
        root.add_child(instance=self.home)
        publish(self.home)
        site = Site.objects.get(is_default_site=True)
        site.root_page = self.home
        site.save()
        self.pois = add_page(self.home, PointOfInterestIndexPage(title="Sehenswürdigkeiten", slug="orte"))
        self.events = add_page(self.home, EventIndexPage(title="Veranstaltungen", slug="termine"))
        self.news = add_page(self.home, NewsIndexPage(title="Aktuelles", slug="aktuelles"))

    def poi(self, live: bool = True, **fields) -> PointOfInterest:
        fields.setdefault("title", "Reitender Roland")
        fields.setdefault("slug", f"poi-{PointOfInterest.objects.count() + 1}")
        fields.setdefault("teaser", "Das einzige Reiterstandbild eines Rolands in Deutschland.")
        fields.setdefault("latitude", "52.289300")
        fields.setdefault("longitude", "11.408500")
        return add_page(self.pois, PointOfInterest(**fields), live=live)

    def event(self, live: bool = True, **fields) -> Event:
        fields.setdefault("title", "Stadtführung")
        fields.setdefault("slug", f"event-{Event.objects.count() + 1}")
        fields.setdefault("teaser", "Ein Rundgang durch die Altstadt.")
        fields.setdefault("start_date", date(2026, 12, 5))
        fields.setdefault("start_time", time(14, 0))
        fields.setdefault("end_time", time(15, 30))
        return add_page(self.events, Event(**fields), live=live)

    def news_article(self, live: bool = True, **fields) -> NewsArticle:
        fields.setdefault("title", "Neues WLAN am Markt")
        fields.setdefault("slug", f"news-{NewsArticle.objects.count() + 1}")
        fields.setdefault("teaser", "Der Marktplatz hat jetzt freies WLAN.")
        return add_page(self.news, NewsArticle(**fields), live=live)
