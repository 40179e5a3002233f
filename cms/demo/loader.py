"""Load the Haldensleben demo (cms/demo/data/*.toml): pages in German, translated to English through
wagtail-localize.

Idempotent: items are found by their German slug under their parent and only created when missing.
Event dates are relative to the day of loading; on a later run they are moved to today again, so
kiosks always have something on now and later today.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from time import monotonic, process_time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from cms import publishing
from cms.core.i18n import EASY_LANGUAGE
from cms.core.timezone import LOCAL_TZ
from cms.translation.models import GlossaryTerm, GlossaryTranslation
from home.models import HomePage, StandardPage
from media.models import ImageText, RolandImage
from search.models import SynonymGroup
from sites.models import KioskHours, KioskNotice, KioskNoticeConfirmation, KioskScreen, SiteSettings, Target
from sites.services import sync_locales_from_settings
from tourism.models import (
    EVENT,
    NEWS,
    POI,
    Category,
    Event,
    EventExcludedDate,
    EventExtraDate,
    EventIndexPage,
    ImportSource,
    NewsArticle,
    NewsArticleRelatedPage,
    NewsIndexPage,
    OnDisappear,
    OpeningHoursException,
    OpeningHoursRule,
    Organizer,
    PointOfInterest,
    PointOfInterestGalleryImage,
    PointOfInterestIndexPage,
    PointOfInterestRelatedPage,
    SourceKind,
)
from tourism.models.opening_hours import WEEKDAY_FIELDS
from tourism.services import intake

from .bulk import foreign_keys_trusted, index_updates_at_the_end
from .data import DAY_NAMES, SCHEDULE_DAYS, DemoData, DemoDataError
from .data import load as load_data
from .images import draw_motif
from .translation import translate_with_strings

logger = logging.getLogger(__name__)

DEMO_IMPORT_SLUG = "kulturfabrik-demo"
DEMO_IMPORT_FILE = "cms/demo/kulturfabrik-kalender.ics"
EXCEPTION_REASONS = {"12-24": "christmas_eve", "12-31": "new_years_eve", "01-01": "holiday"}
# Languages with a few key pages only (home, Anreise und Besucherinfo, the Roland), when configured.
KEY_PAGE_LANGUAGES = (EASY_LANGUAGE, "pl")
HOME = {
    "slug": {
        "de": "haldensleben",
        "en": "haldensleben-en",
        "de-x-ls": "haldensleben-ls",
        "pl": "haldensleben-pl",
    },
    "title": {
        "de": "Stadt Haldensleben",
        "en": "Town of Haldensleben",
        "de-x-ls": "Die Stadt Haldensleben",
        "pl": "Miasto Haldensleben",
    },
    "teaser": {
        "de": "Kreisstadt an Ohre und Mittellandkanal, mehr als 1.050 Jahre alt — mit dem einzigen "
        "reitenden Roland Deutschlands.",
        "en": "District town on the Ohre and the Mittelland Canal, more than 1,050 years old — home of "
        "Germany's only Roland on horseback.",
        "de-x-ls": "Haldensleben ist eine Stadt. Die Stadt ist über 1.000 Jahre alt. Auf dem Markt-Platz steht "
        "der Roland. Er sitzt auf einem Pferd.",
        "pl": "Miasto powiatowe nad rzeką Ohre i Kanałem Śródlądowym, liczące ponad 1050 lat — z jedynym w "
        "Niemczech Rolandem na koniu.",
    },
}
INDEXES = {
    "pois": (
        PointOfInterestIndexPage,
        {"de": "sehenswuerdigkeiten", "en": "sights", "pl": "zabytki"},
        {"de": "Sehenswürdigkeiten", "en": "Sights", "pl": "Zabytki"},
    ),
    "events": (
        EventIndexPage,
        {"de": "veranstaltungen", "en": "events"},
        {"de": "Veranstaltungen", "en": "Events"},
    ),
    "news": (NewsIndexPage, {"de": "aktuelles", "en": "news"}, {"de": "Aktuelles", "en": "News"}),
}


@dataclass
class Report:
    created: dict[str, int] = field(default_factory=dict)
    existing: dict[str, int] = field(default_factory=dict)
    redated: int = 0
    untranslated: list[str] = field(default_factory=list)

    def count(self, kind: str, created: bool) -> None:
        bucket = self.created if created else self.existing
        bucket[kind] = bucket.get(kind, 0) + 1


class DemoLoader:
    def __init__(
        self,
        progress: Callable[[str], None] = print,
        now: datetime | None = None,
        data: DemoData | None = None,
    ):
        self.progress = progress
        # Read and checked before the first write: a typo in a data file leaves the database untouched.
        self.data = data or load_data()
        self.now = (now or timezone.now()).astimezone(LOCAL_TZ)
        self.today = self.now.date()
        self.report = Report()
        self.source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.categories: dict[str, Category] = {}
        self.organizers: dict[str, Organizer] = {}
        self.pages: dict[str, Page] = {}

    # ----------------------------------------------------------------- helpers
    def target_locales(self) -> list[Locale]:
        """Configured locales the demo texts cover (a configured language without texts is skipped)."""
        return [
            locale
            for locale in sync_locales_from_settings()
            if locale.pk != self.source_locale.pk and locale.language_code in {"en"}
        ]

    @staticmethod
    def body(paragraphs: list[str]) -> list[tuple[str, RichText]]:
        return [("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in paragraphs]

    @staticmethod
    def pairs(item: dict, *keys: str, language: str = "en") -> dict[str, str]:
        """German → other-language strings of an item, for the PO import."""
        strings: dict[str, str] = {}
        for key in keys:
            value = item.get(key)
            if not value:
                continue
            de, other = value.get("de"), value.get(language)
            if isinstance(de, list):
                strings.update({a: b for a, b in zip(de, other or [], strict=False) if a and b})
            elif de and other:
                strings[de] = other
        return strings

    def translate(self, instance, strings: dict[str, str], label: str) -> None:
        for locale in self.target_locales():
            if instance.has_translation(locale):
                continue
            _target, missing = translate_with_strings(instance, locale, strings)
            self.report.untranslated += [f"{label} [{locale.language_code}] {m}" for m in missing]

    @cached_property
    def key_page_locales(self) -> list[Locale]:
        """The configured languages the demo has only a few key pages in: Leichte Sprache
        (cms.core.i18n.EASY_LANGUAGE) and Polish, the third language."""
        configured = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        return [
            Locale.objects.get_or_create(language_code=code)[0]
            for code in KEY_PAGE_LANGUAGES
            if code in configured
        ]

    def translate_key_page(self, instance, item: dict | None, *keys: str, parent: bool = False) -> None:
        """Key pages only in those languages, those the data gives texts for (and the pages above
        them, whose German texts stand in where the data has none): everything else falls back along
        the language's chain."""
        for locale in self.key_page_locales:
            if instance.has_translation(locale):
                continue
            strings = self.pairs(item, *keys, language=locale.language_code) if item else {}
            if strings or parent:
                translate_with_strings(instance, locale, strings)

    def publish(self, page: Page) -> None:
        page.save_revision().publish()

    def add_child(self, parent: Page, page: Page) -> Page:
        page.locale = self.source_locale
        parent.add_child(instance=page)
        self.publish(page)
        return page

    def find_child(self, parent: Page, slug: str) -> Page | None:
        return parent.get_children().filter(slug=slug).specific().first()

    def image(self, spec: dict, key: str) -> RolandImage:
        title = f"Demo: {key} ({spec['motif']})"
        existing = RolandImage.objects.filter(title=title).first()
        if existing:
            return existing
        data = draw_motif(spec["motif"], key)
        image = RolandImage(
            title=title,
            alt_text=spec["alt"]["de"],
            caption=spec.get("caption", {}).get("de", ""),
            credit=spec.get("credit") or "Stadt Haldensleben (Demo-Grafik)",
            license=spec.get("license") or "CC-BY-4.0",
            collection=Collection.get_first_root_node(),
            file=ImageFile(_named_bytes(data, f"{key}-{spec['motif']}.jpg")),
        )
        image.save()
        for locale in self.target_locales():
            code = locale.language_code
            if spec["alt"].get(code):
                ImageText.objects.update_or_create(
                    image=image,
                    locale=locale,
                    defaults={
                        "alt_text": spec["alt"][code],
                        "caption": spec.get("caption", {}).get(code, ""),
                    },
                )
        return image

    # ----------------------------------------------------------------- structure
    def site_and_home(self) -> HomePage:
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(slug=HOME["slug"]["de"], locale=self.source_locale).first()
        created = home is None
        if created:
            home = HomePage(
                title=HOME["title"]["de"],
                slug=HOME["slug"]["de"],
                teaser=HOME["teaser"]["de"],
                locale=self.source_locale,
            )
            root.add_child(instance=home)
            self.publish(home)
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        old_root = site.root_page_id
        site.root_page = home
        site.site_name = "Stadt Haldensleben"
        site.save()
        if old_root and old_root != home.pk:
            welcome = Page.objects.filter(pk=old_root, depth=2, numchild=0).exclude(pk=home.pk).first()
            if welcome and welcome.specific_class is Page:
                welcome.delete()
        SiteSettings.objects.update_or_create(
            site=site,
            defaults={
                "organisation_name": "Stadt Haldensleben — Regionales Digitalisierungszentrum",
                "contact_email": "tourismus@example.org",
                "contact_phone": "+49 3904 000-000",
                "address": "Markt 20\n39340 Haldensleben",
                "website_url": "https://www.haldensleben.example/",
                "preview_url": "https://www.haldensleben.example/preview/",
                "cors_allowed_origins": "https://www.haldensleben.example\nhttp://localhost:3000",
            },
        )
        self.translate(home, self.pairs(HOME, "title", "slug", "teaser"), "home")
        self.translate_key_page(home, HOME, "title", "slug", "teaser", parent=True)
        self.report.count("home page", created)
        return home

    def index(self, home: HomePage, key: str) -> Page:
        model, slugs, titles = INDEXES[key]
        page = self.find_child(home, slugs["de"])
        created = page is None
        if created:
            page = self.add_child(home, model(title=titles["de"], slug=slugs["de"], show_in_menus=True))
        self.translate(page, {titles["de"]: titles["en"], slugs["de"]: slugs["en"]}, f"index {key}")
        texts = {"title": titles, "slug": slugs}
        self.translate_key_page(page, texts, "title", "slug", parent=key == "pois")  # above the Roland
        self.report.count("index page", created)
        return page

    def load_categories(self) -> None:
        for item in self.data.categories:
            category = Category.objects.filter(
                locale=self.source_locale, kind=item["kind"], slug=item["slug"]
            ).first()
            created = category is None
            if created:
                category = Category.objects.create(
                    name=item["name"]["de"],
                    slug=item["slug"],
                    kind=item["kind"],
                    icon=item.get("icon", ""),
                    schema_type=item.get("schema_type", ""),
                )
            self.translate(category, self.pairs(item, "name"), f"category {item['slug']}")
            self.categories[f"{item['kind']}:{item['slug']}"] = category
            self.report.count("category", created)
        self.progress(f"  categories: {len(self.data.categories)}")
        for item in self.data.organizers:
            organizer, created = Organizer.objects.get_or_create(
                name=item["name"],
                defaults={k: item.get(k, "") for k in ("website", "email", "phone")},
            )
            self.organizers[item["key"]] = organizer
            self.report.count("organizer", created)
        self.progress(f"  organizers: {len(self.data.organizers)}")

    def category_list(self, kind: str, slugs: list[str]) -> list[Category]:
        return [self.categories[f"{kind}:{slug}"] for slug in slugs]

    # ----------------------------------------------------------------- content
    def load_standard_pages(self, home: HomePage) -> None:
        for item in self.data.standard_pages:
            page = self.find_child(home, item["slug"]["de"])
            created = page is None
            if created:
                page = self.add_child(
                    home,
                    StandardPage(
                        title=item["title"]["de"],
                        slug=item["slug"]["de"],
                        teaser=item["teaser"]["de"],
                        body=self.body(item["body"]["de"]),
                        show_in_menus=item.get("show_in_menus", True),
                    ),
                )
            self.translate(page, self.pairs(item, "title", "slug", "teaser", "body"), f"page {item['key']}")
            self.translate_key_page(page, item, "title", "slug", "teaser", "body")
            self.report.count("standard page", created)
        self.progress(f"  standard pages: {len(self.data.standard_pages)}")

    def load_pois(self, index: Page) -> None:
        total = len(self.data.pois)
        unpublished = set()
        for position, item in enumerate(self.data.pois, start=1):
            page = self.find_child(index, item["slug"]["de"])
            created = page is None
            if created:
                with demo_item("pois.toml", item["key"]):
                    page = self.build_poi(item)
                    page.locale = self.source_locale
                    index.add_child(instance=page)
                unpublished.add(item["key"])
            self.pages[item["key"]] = page
            self.report.count("point of interest", created)
            self.progress(f"  points of interest: {position}/{total}")
        # Related places may come later in the file: a new place is published once, with its links.
        for item in self.data.pois:
            page = self.pages[item["key"]]
            if item.get("related") and not page.related_links.exists():
                for target in item["related"]:
                    page.related_links.add(PointOfInterestRelatedPage(target=self.pages[target]))
                unpublished.add(item["key"])
            if item["key"] in unpublished:
                self.publish(page)
            strings = self.pairs(item, "title", "slug", "teaser", "body", "prices", "hours_note")
            strings.update(self.pairs(item.get("accessibility", {}), "notes"))
            self.translate(page, strings, f"poi {item['key']}")
            self.translate_key_page(page, item, "title", "slug", "teaser", "body")

    def build_poi(self, item: dict) -> PointOfInterest:
        access = item.get("accessibility", {})
        page = PointOfInterest(
            title=item["title"]["de"],
            slug=item["slug"]["de"],
            teaser=item["teaser"]["de"],
            body=self.body(item["body"]["de"]),
            image=self.image(item["image"], item["key"]),
            street=item.get("street", ""),
            postal_code=item.get("postal_code", ""),
            locality=item.get("locality", ""),
            latitude=_coordinate(item["lat"]),
            longitude=_coordinate(item["lng"]),
            phone=item.get("phone", ""),
            email=item.get("email", ""),
            website=item.get("website", ""),
            is_free=item.get("free", False),
            price_text=item.get("prices", {}).get("de", ""),
            closed_on_public_holidays=item.get("closed_on_public_holidays", False),
            opening_hours_note=item.get("hours_note", {}).get("de", ""),
            wheelchair=access.get("wheelchair", "unknown"),
            step_free_entrance=access.get("step_free_entrance", False),
            accessible_toilet=access.get("accessible_toilet", False),
            hearing_loop=access.get("hearing_loop", False),
            guide_dogs=access.get("guide_dogs", False),
            disabled_parking=access.get("disabled_parking", False),
            accessibility_certification=access.get("certification", ""),
            accessibility_notes=access.get("notes", {}).get("de", ""),
        )
        page.categories = self.category_list(POI.name, item.get("categories", []))
        page.tags.add(*item.get("tags", []))
        for motif in item.get("gallery", []):
            spec = {**item["image"], "motif": motif, "alt": gallery_alt(item, motif)}
            page.gallery_images.add(
                PointOfInterestGalleryImage(image=self.image(spec, f"{item['key']}-{motif}"))
            )
        for rule in item.get("hours", []):
            season = rule.get("season")
            row = OpeningHoursRule(
                opens=_time(rule["opens"]),
                closes=_time(rule["closes"]),
                valid_from=_month_day(season[0], 2000) if season else None,
                valid_to=_month_day(season[1], 2000) if season else None,
                every_year=True,
            )
            for day in rule["days"]:
                setattr(row, WEEKDAY_FIELDS[DAY_NAMES.index(day)], True)
            page.opening_hours.add(row)
        for exception in item.get("exceptions", []):
            day = self.next_month_day(exception["date"])
            page.opening_hours_exceptions.add(
                OpeningHoursException(
                    date_from=day,
                    closed=exception.get("closed", False),
                    opens=_time(exception["opens"]) if exception.get("opens") else None,
                    closes=_time(exception["closes"]) if exception.get("closes") else None,
                    reason=EXCEPTION_REASONS.get(exception["date"], "other"),
                )
            )
        return page

    def next_month_day(self, month_day: str) -> date:
        """The next date (today or later) with that month and day."""
        candidate = _month_day(month_day, self.today.year)
        return candidate if candidate >= self.today else _month_day(month_day, self.today.year + 1)

    def event_dates(self, item: dict) -> dict:
        """Concrete dates for an event whose data is relative to the day of loading."""
        day = self.today + timedelta(days=item.get("day", 0))
        if item.get("all_day"):
            end_day = self.today + timedelta(days=item["end_day"]) if item.get("end_day") is not None else day
            return {
                "start_date": day,
                "start_time": None,
                "end_date": end_day,
                "end_time": None,
                "all_day": True,
            }
        start = self.moment(day, item["start"])
        end = self.moment(day, item["end"]) if item.get("end") else None
        if item.get("end_day") is not None and end is not None:
            end = datetime.combine(self.today + timedelta(days=item["end_day"]), end.time(), tzinfo=LOCAL_TZ)
        if end is not None and end <= start:
            end = start + timedelta(hours=2)
        return {
            "start_date": start.date(),
            "start_time": start.time(),
            "end_date": end.date() if end else None,
            "end_time": end.time() if end else None,
            "all_day": False,
        }

    def moment(self, day: date, spec: str) -> datetime:
        """A wall-clock moment: "HH:MM" on a day, or "now±N" minutes, kept within today where possible."""
        if spec.startswith("now"):
            minutes = int(spec[3:])
            moment = self.now + timedelta(minutes=minutes)
            if minutes > 0:
                # Late in the evening, squeeze "later today" into what is left of the day.
                end_of_day = datetime.combine(self.today, time(23, 30), tzinfo=LOCAL_TZ)
                if moment > end_of_day and self.now < end_of_day:
                    moment = self.now + (end_of_day - self.now) * min(minutes, 400) / 400
            return moment.replace(second=0, microsecond=0)
        return datetime.combine(day, _time(spec), tzinfo=LOCAL_TZ)

    def load_events(self, index: Page) -> None:
        total = len(self.data.events)
        for position, item in enumerate(self.data.events, start=1):
            page = self.find_child(index, item["slug"]["de"])
            created = page is None
            dates = self.event_dates(item)
            if created:
                with demo_item("events.toml", item["key"]):
                    page = self.build_event(item, dates)
                    page.locale = self.source_locale
                    index.add_child(instance=page)
                    self.publish(page)
            elif any(getattr(page, key) != value for key, value in dates.items()):
                self.redate(page, item, dates)
            self.pages[item["key"]] = page
            strings = self.pairs(item, "title", "slug", "teaser", "body", "status_note", "prices")
            if item.get("location"):
                strings.update(self.pairs({"name": item["location"].get("name_i18n", {})}, "name"))
            self.translate(page, strings, f"event {item['key']}")
            self.report.count("event", created)
            self.progress(f"  events: {position}/{total}")

    def build_event(self, item: dict, dates: dict) -> Event:
        location = item.get("location") or {}
        page = Event(
            title=item["title"]["de"],
            slug=item["slug"]["de"],
            teaser=item["teaser"]["de"],
            body=self.body(item["body"]["de"]),
            image=self.image(item["image"], item["key"]),
            recurrence_rule=item.get("rrule", ""),
            status=item.get("status", "scheduled"),
            status_note=item.get("status_note", {}).get("de", ""),
            venue=self.pages.get(item["venue"]) if item.get("venue") else None,
            location_name=location.get("name", ""),
            street=location.get("street", ""),
            postal_code=location.get("postal_code", ""),
            locality=location.get("locality", ""),
            latitude=_coordinate(location.get("lat")),
            longitude=_coordinate(location.get("lng")),
            organizer=self.organizers.get(item.get("organizer") or ""),
            ticket_url=item.get("ticket_url", ""),
            is_free=item.get("free", False),
            price_text=item.get("prices", {}).get("de", ""),
            audience=item.get("audience", "everyone"),
            **dates,
        )
        page.categories = self.category_list(EVENT.name, item.get("categories", []))
        page.tags.add(*item.get("tags", []))
        self.set_extra_dates(page, item)
        return page

    def set_extra_dates(self, page: Event, item: dict) -> None:
        page.excluded_dates = [
            EventExcludedDate(date=self.today + timedelta(days=offset))
            for offset in item.get("exdate_days", [])
        ]
        page.extra_dates = [
            EventExtraDate(date=self.today + timedelta(days=offset)) for offset in item.get("rdate_days", [])
        ]

    def redate(self, page: Event, item: dict, dates: dict) -> None:
        """Move an existing demo event to dates relative to today, in every language."""
        for version in [page, *page.get_translations().specific()]:
            for key, value in dates.items():
                setattr(version, key, value)
            self.set_extra_dates(version, item)
            self.publish(version)
        self.report.redated += 1

    def load_news(self, index: Page) -> None:
        total = len(self.data.news)
        for position, item in enumerate(self.data.news, start=1):
            page = self.find_child(index, item["slug"]["de"])
            created = page is None
            if created:
                page = NewsArticle(
                    title=item["title"]["de"],
                    slug=item["slug"]["de"],
                    teaser=item["teaser"]["de"],
                    body=self.body(item["body"]["de"]),
                    image=self.image(item["image"], item["key"]),
                    date=self.today - timedelta(days=item.get("days_ago", 0)),
                )
                page.categories = self.category_list(NEWS.name, item.get("categories", []))
                page.tags.add(*item.get("tags", []))
                for target in item.get("related", []):
                    page.related_links.add(NewsArticleRelatedPage(target=self.pages[target]))
                page.locale = self.source_locale
                index.add_child(instance=page)
                self.publish(page)
            self.translate(page, self.pairs(item, "title", "slug", "teaser", "body"), f"news {item['key']}")
            self.report.count("news article", created)
            self.progress(f"  news: {position}/{total}")

    def run(self) -> Report:
        # Renditions are left to the worker and Wagtail's index rows written once per object at the
        # end: per save, they were most of the load's time. The index updates wait for the commit
        # hooks too, as wagtail-localize publishes translations in them.
        # Left in reverse order: the commit publishes the translations, then the index rows.
        phases = Phases(self.progress)
        with (
            index_updates_at_the_end(),
            foreign_keys_trusted(),
            publishing.renditions_in_the_worker(),
            phases.next_on_exit("Wagtail's search and reference index"),
            transaction.atomic(),
            phases.next_on_exit("Translations published (on commit)"),
        ):
            phases.next("Site and home page")
            home = self.site_and_home()
            phases.next("Categories and organizers")
            self.load_categories()
            phases.next("Index and standard pages")
            indexes = {key: self.index(home, key) for key in INDEXES}
            self.load_standard_pages(home)
            phases.next("Points of interest")
            self.load_pois(indexes["pois"])
            phases.next("Events")
            self.load_events(indexes["events"])
            phases.next("News")
            self.load_news(indexes["news"])
            phases.next("Search synonyms, kiosk screens and the glossary")
            self.load_synonyms()
            self.load_kiosks()
            self.load_glossary()
            phases.next("Import source")
            self.load_import_source()
        phases.end()
        return self.report

    def load_import_source(self) -> None:
        """The Kulturfabrik's calendar as an import source: a file in the project's static files,
        fetched by the worker from this server itself (so `make run` shows imports offline). The
        first import reads the file from disk, since no server answers while the demo loads."""
        source, created = ImportSource.objects.update_or_create(
            slug=DEMO_IMPORT_SLUG,
            defaults={
                "name": "Kulturfabrik Haldensleben (Demo-Kalender)",
                "kind": SourceKind.ICAL,
                "url": f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{settings.STATIC_URL}{DEMO_IMPORT_FILE}",
                "organizer": self.organizers.get("kulturfabrik"),
                "refresh_minutes": 60,
                "publish_directly": True,
                "on_disappear": OnDisappear.UNPUBLISH,
            },
        )
        self.report.count("import source", created)
        content = (Path(__file__).resolve().parent.parent / "static" / DEMO_IMPORT_FILE).read_bytes()
        run = intake.run_import(source, content=content)
        if created or source.next_run_at is None:
            ImportSource.objects.filter(pk=source.pk).update(
                next_run_at=timezone.now() + timedelta(minutes=source.refresh_minutes)
            )
        self.progress(
            f"  imported events: {run.created} new, {run.changed} changed, {run.unchanged} unchanged"
        )

    def load_synonyms(self) -> None:
        locales = {locale.language_code: locale for locale in [self.source_locale, *self.target_locales()]}
        count = 0
        for code, groups in self.data.synonyms.items():
            if code not in locales:
                continue
            for terms in groups:
                _group, created = SynonymGroup.objects.get_or_create(locale=locales[code], terms=terms)
                self.report.count("synonym group", created)
                count += 1
        self.progress(f"  synonym groups: {count}")

    def load_kiosks(self) -> None:
        configured = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        for item in self.data.kiosks:
            screen, created = KioskScreen.objects.update_or_create(
                slug=item["slug"],
                defaults={
                    "name": item["name"],
                    "venue": self.pages[item["venue"]],
                    "radius_km": Decimal(item["radius_km"]),
                    "languages": [code for code in item["languages"] if code in configured],
                    "orientation": item.get("orientation") or "landscape",
                },
            )
            screen.categories.set(self.category_list(EVENT.name, item["categories"]))
            self.load_kiosk_hours(screen, item.get("hours") or [])
            if item.get("past_notice"):
                self.load_past_notice(screen, item["past_notice"], configured)
            self.report.count("kiosk screen", created)
        self.progress(f"  kiosk screens: {len(self.data.kiosks)}")

    def load_kiosk_hours(self, screen: KioskScreen, hours: list[dict]) -> None:
        """The screen's active hours as the file has them (none: on around the clock)."""
        days = {name: number for number, name in enumerate(SCHEDULE_DAYS)}
        wanted = {
            (
                days[day],
                time.fromisoformat(row["from"]),
                time.fromisoformat(row["until"]),
                row.get("shows", "all"),
            )
            for row in hours
            for day in row["days"]
        }
        stored = {
            (h.day, h.opens, h.closes, h.content): h.pk for h in KioskHours.objects.filter(screen=screen)
        }
        if set(stored) != wanted:
            KioskHours.objects.filter(screen=screen).delete()
            for day, opens, closes, content in sorted(wanted):  # one by one: each save tells the pipeline
                KioskHours.objects.create(screen=screen, day=day, opens=opens, closes=closes, content=content)

    def load_past_notice(self, screen: KioskScreen, notice: dict, configured: set[str]) -> None:
        """A notice of yesterday that was ended early with the all clear, so the history is not empty."""
        if KioskNotice.objects.filter(title=notice["title"]).exists():
            return
        yesterday = timezone.localtime().replace(hour=6, minute=0, second=0, microsecond=0) - timedelta(
            days=1
        )
        made = KioskNotice.objects.create(
            title=notice["title"],
            texts={code: text for code, text in notice["text"].items() if code in configured},
            severity=notice["severity"],
            target=Target.SELECTED,
            starts_at=yesterday,
            ends_at=yesterday + timedelta(hours=14),
            ended_at=yesterday + timedelta(hours=9),
        )
        made.screens.set([screen])
        KioskNoticeConfirmation.objects.create(notice=made, screen=screen, confirmed_at=yesterday)

    def load_glossary(self) -> None:
        configured = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        for item in self.data.glossary:
            term, created = GlossaryTerm.objects.update_or_create(
                term=item["term"], defaults={"keep": item.get("keep", True), "note": item.get("note", "")}
            )
            for code, translation in item.get("translations", {}).items():
                if code in configured:
                    GlossaryTranslation.objects.update_or_create(
                        entry=term, language=code, defaults={"text": translation}
                    )
            self.report.count("glossary term", created)
        self.progress(f"  glossary terms: {len(self.data.glossary)}")


MOTIF_WORDS = {
    "tower": ("Turm", "tower"),
    "church": ("Kirche", "church"),
    "museum": ("Museumsgebäude", "museum building"),
    "castle": ("Schloss", "palace"),
    "garden": ("Garten", "garden"),
    "park": ("Park", "park"),
    "stones": ("Großsteingrab", "megalithic grave"),
    "people": ("Besuchergruppe", "group of visitors"),
}


def gallery_alt(item: dict, motif: str) -> dict[str, str]:
    """Alt text of an extra gallery picture: what it shows, at which place."""
    de_word, en_word = MOTIF_WORDS.get(motif, ("Ansicht", "view"))
    return {
        "de": f"Zeichnung: {de_word} — {item['title']['de']}",
        "en": f"Drawing: {en_word} — {item['title']['en']}",
    }


class Phases:
    """The load's progress lines per phase, each closed with its time: wall clock and this process's
    CPU (on a loaded machine the CPU time is the figure that compares)."""

    def __init__(self, progress: Callable[[str], None]):
        self.progress = progress
        self.started: tuple[float, float] | None = None

    def next(self, title: str) -> None:
        self.end()
        self.progress(f"{title} …")
        self.started = (monotonic(), process_time())

    def end(self) -> None:
        if self.started is not None:
            wall, cpu = monotonic() - self.started[0], process_time() - self.started[1]
            self.progress(f"  done in {wall:.1f} s (CPU {cpu:.1f} s)")
            self.started = None

    @contextmanager
    def next_on_exit(self, title: str):
        """A phase that is the work of leaving an inner block (a commit, a context's end)."""
        yield
        self.next(title)


def _coordinate(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 6)))


@contextmanager
def demo_item(file: str, key: str):
    """Name the data file and item when the models refuse a value the reader does not check."""
    try:
        yield
    except (ValidationError, KeyError, ValueError) as exc:
        raise DemoDataError(f"{file}: item '{key}': {exc}") from exc


def _time(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def _month_day(value: str, year: int) -> date:
    month, day = value.split("-")
    return date(year, int(month), int(day))


def _named_bytes(data: bytes, name: str):
    return ContentFile(data, name=name)


def recount_children() -> int:
    """Set every page's numchild from the tree itself; returns how many were wrong."""
    counts: dict[str, int] = {}
    for path in Page.objects.filter(depth__gt=1).values_list("path", flat=True):
        parent = path[: -Page.steplen]
        counts[parent] = counts.get(parent, 0) + 1
    wrong = [
        (pk, counts.get(path, 0))
        for pk, path, numchild in Page.objects.values_list("pk", "path", "numchild")
        if counts.get(path, 0) != numchild
    ]
    for pk, numchild in wrong:
        Page.objects.filter(pk=pk).update(numchild=numchild)
    return len(wrong)
