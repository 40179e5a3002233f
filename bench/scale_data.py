"""Scale data for benchmarks: thousands of live POIs, events and news in several languages, fast.

Publishing page by page (``add_child`` + revision + signals) costs tens of milliseconds per page, far
too slow for the 54,000 pages the benchmarks need. This module writes the same rows directly:

- treebeard materialised paths are computed here (every generated page is a child of a known index
  page: parent path + a base-36 step, numbered after the parent's existing children), and the
  parent's ``numchild`` is recounted once at the end;
- the ``wagtailcore_page`` rows are inserted in batches (``QuerySet._insert`` with RETURNING ids),
  then the rows of the specific table only (multi-table inheritance: ``bulk_create`` refuses it);
- child rows (opening hours, categories, tags, gallery, excluded dates) and the materialised
  ``EventOccurrence`` rows follow with ``bulk_create``. Occurrences come from the same expansion
  functions publishing uses (``tourism.services.recurrence.expand`` over ``occurrence_window``).

Pages are live without revisions (``live_revision`` null): the APIs read the page rows, not
revisions. No signals fire, so nothing is indexed or invalidated per page: the cache versions are
bumped once at the end and Wagtail's search index is left to ``manage.py update_index``.

Generated pages carry the slug prefix ``scale-`` under the tourism index pages; that is how a second
run finds them and how ``--replace`` deletes them again (in bulk, with every dependent row).
"""

from __future__ import annotations

import math
import random
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from datetime import time as dtime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Collection, Locale, Page, ReferenceIndex
from wagtail.search.models import IndexEntry

from cms import publishing
from cms.demo.images import draw_motif
from cms.demo.translation import translate_with_strings
from media.models import ImageText, RolandImage
from media.renditions import generate_preset_renditions
from tourism.models import (
    Category,
    Event,
    EventExcludedDate,
    EventIndexPage,
    EventOccurrence,
    EventTag,
    NewsArticle,
    NewsArticleRelatedPage,
    NewsArticleTag,
    NewsIndexPage,
    OpeningHoursException,
    OpeningHoursRule,
    Organizer,
    PointOfInterest,
    PointOfInterestGalleryImage,
    PointOfInterestIndexPage,
    PointOfInterestTag,
)
from tourism.models.opening_hours import WEEKDAY_FIELDS
from tourism.services.occurrences import occurrence_window
from tourism.services.opening_hours import LOCAL_TZ, build_schedule, schedule_key
from tourism.services.recurrence import EventDates, OccurrenceSpan, RecurrenceError, expand, normalise_rule

SLUG_PREFIX = "scale-"
IMAGE_PREFIX = "Scale pool"
CENTRE = (52.289, 11.409)  # Haldensleben, market square
RADIUS_KM = 15.0
PAGE_BATCH = 1000
ROW_BATCH = 5000
PROGRESS_EVERY = 2000
BLOCK_IDS = uuid.UUID("6f1d3c1e-8a52-4c55-9d0e-5c0a7b3e2f10")  # namespace: stable StreamField block ids

# One kind of generated page: its model, its index page model and the slug part naming it.
KINDS: dict[str, tuple[type[Page], type[Page]]] = {
    "poi": (PointOfInterest, PointOfInterestIndexPage),
    "event": (Event, EventIndexPage),
    "news": (NewsArticle, NewsIndexPage),
}

# ----------------------------------------------------------------------------- vocabulary
# German first, English second: translations look translated without a PO round trip. Other
# languages get the English words (benchmarks need the rows, not the prose).
Pair = tuple[str, str]

POI_KINDS: list[tuple[str, str, tuple[str, ...], str]] = [
    ("Schloss", "Palace", ("castle", "sight"), "castle"),
    ("Museum", "Museum", ("museum", "culture"), "museum"),
    ("Heimatmuseum", "Local history museum", ("museum",), "museum"),
    ("Kirche", "Church", ("church", "sight"), "church"),
    ("Dorfkirche", "Village church", ("church",), "church"),
    ("Park", "Park", ("park",), "park"),
    ("Schlossgarten", "Palace garden", ("park", "castle"), "garden"),
    ("Aussichtsturm", "Lookout tower", ("sight",), "tower"),
    ("Stadttor", "Town gate", ("sight",), "tower"),
    ("Großsteingrab", "Megalithic grave", ("archaeology",), "stones"),
    ("Galerie", "Gallery", ("culture",), "building"),
    ("Bibliothek", "Library", ("culture",), "building"),
    ("Radstation", "Bike station", ("cycling", "mobility"), "bike"),
    ("E-Bike-Verleih", "E-bike rental", ("mobility", "cycling"), "bike"),
    ("Ladestation", "Charging point", ("mobility",), "building"),
    ("WLAN-Hotspot", "Wi-Fi hotspot", ("wifi",), "wifi"),
    ("Hofladen", "Farm shop", ("shopping",), "market"),
    ("Tourist-Info-Punkt", "Tourist info point", ("tourist-info",), "info"),
    ("Ziegelei", "Brickworks", ("culture", "sight"), "factory"),
    ("Kirchenruine", "Church ruin", ("sight", "archaeology"), "ruin"),
    ("Badestelle", "Bathing spot", ("park",), "park"),
]
WHERE: list[Pair] = [
    ("am Markt", "on the market square"),
    ("an der Ohre", "on the Ohre"),
    ("am Mittellandkanal", "on the Mittelland Canal"),
    ("im Haldensleber Forst", "in the Haldensleben Forest"),
    ("in der Altstadt", "in the old town"),
    ("am Schlosspark", "by the palace park"),
    ("an der Stadtmauer", "by the town wall"),
    ("an der Bülstringer Straße", "on Bülstringer Straße"),
    ("an der Hagenstraße", "on Hagenstraße"),
    ("am Bahnhof", "at the railway station"),
]
# (locality, postal code, approximate centre)
LOCALITIES: list[tuple[str, str, tuple[float, float]]] = [
    ("Haldensleben", "39340", (52.289, 11.409)),
    ("Althaldensleben", "39340", (52.300, 11.428)),
    ("Hundisburg", "39343", (52.273, 11.356)),
    ("Wedringen", "39340", (52.272, 11.440)),
    ("Satuelle", "39345", (52.336, 11.432)),
    ("Uthmöden", "39345", (52.358, 11.462)),
    ("Bülstringen", "39345", (52.330, 11.375)),
    ("Süplingen", "39343", (52.276, 11.325)),
    ("Emden", "39343", (52.257, 11.318)),
    ("Bebertal", "39343", (52.236, 11.335)),
    ("Altenhausen", "39343", (52.252, 11.262)),
    ("Erxleben", "39343", (52.218, 11.243)),
    ("Neuenhofe", "39345", (52.372, 11.465)),
    ("Hillersleben", "39343", (52.288, 11.590)),
    ("Vahldorf", "39345", (52.248, 11.512)),
]
STREETS = [
    "Hagenstraße",
    "Bülstringer Straße",
    "Magdeburger Straße",
    "Gerikestraße",
    "Stendaler Straße",
    "Neuhaldensleber Straße",
    "Holzmarktstraße",
    "Kämmereistraße",
    "Lindenstraße",
    "Schulstraße",
    "Bahnhofstraße",
    "Dorfstraße",
    "Kirchstraße",
    "Schlossstraße",
    "Parkstraße",
    "Markt",
    "Breiter Gang",
    "Am Waldring",
]
SENTENCES: list[Pair] = [
    (
        "Die Stadtführung durch Haldensleben macht hier regelmäßig Station.",
        "The guided town tour of Haldensleben stops here regularly.",
    ),
    (
        "Vom Markt mit dem Reitenden Roland sind es nur wenige Minuten.",
        "It is only a few minutes from the market square with the Riding Roland.",
    ),
    (
        "Ein Abstecher zum Schloss Hundisburg und seinem Barockgarten lohnt sich.",
        "A detour to Hundisburg Palace and its baroque garden is worthwhile.",
    ),
    (
        "Das Museum Haldensleben zeigt die Geschichte der Stadt und das Original des Rolands.",
        "The Haldensleben Museum shows the town's history and the original Roland.",
    ),
    (
        "Die Kirche St. Marien prägt das Bild der Altstadt.",
        "St. Mary's Church shapes the look of the old town.",
    ),
    (
        "Im Landschaftspark Althaldensleben-Hundisburg laden alte Bäume zum Spazierengehen ein.",
        "In the Althaldensleben-Hundisburg landscape park, old trees invite you for a walk.",
    ),
    ("Der Aller-Elbe-Radweg führt direkt vorbei.", "The Aller-Elbe cycle route passes right by."),
    ("Parkplätze gibt es in der angrenzenden Straße.", "There is parking in the adjacent street."),
    (
        "Familien mit Kindern finden hier viel zu entdecken.",
        "Families with children will find plenty to discover here.",
    ),
    (
        "Die Großsteingräber im Haldensleber Forst gehören zu den ältesten Denkmälern der Region.",
        "The megalithic graves in the Haldensleben Forest are among the oldest monuments in the region.",
    ),
    ("Der Zugang ist barrierearm, Hunde sind willkommen.", "Access is step-free; dogs are welcome."),
    ("Öffentliches WLAN steht kostenlos zur Verfügung.", "Free public Wi-Fi is available."),
    (
        "An der Ohre und am Mittellandkanal entlang führen schöne Wege.",
        "Pleasant paths lead along the Ohre and the Mittelland Canal.",
    ),
    ("Die Tourist-Information hält Karten und Tipps bereit.", "The tourist information has maps and tips."),
    (
        "Bei klarem Wetter reicht der Blick weit über die Börde.",
        "In clear weather the view reaches far across the Börde.",
    ),
    (
        "Der Park am Schloss ist Teil des Netzwerks Gartenträume.",
        "The park by the palace is part of the Gartenträume network.",
    ),
]
EVENT_KINDS: list[tuple[str, str, tuple[str, ...], str]] = [
    ("Stadtführung", "Guided town tour", ("guided-tour",), "people"),
    ("Schlossführung", "Palace tour", ("guided-tour",), "castle"),
    ("Konzert", "Concert", ("concert",), "music"),
    ("Orgelkonzert", "Organ concert", ("concert",), "church"),
    ("Lesung", "Reading", ("reading",), "building"),
    ("Ausstellung", "Exhibition", ("exhibition",), "museum"),
    ("Vortrag", "Talk", ("lecture",), "people"),
    ("Workshop", "Workshop", ("workshop",), "people"),
    ("Kinoabend", "Film night", ("cinema",), "building"),
    ("Bauernmarkt", "Farmers' market", ("market",), "market"),
    ("Familienfest", "Family festival", ("family", "festival"), "people"),
    ("Radtour", "Bike tour", ("excursion",), "bike"),
    ("Wanderung", "Hike", ("excursion",), "park"),
    ("Sprechstunde", "Consultation hour", ("consultation",), "info"),
    ("Unternehmerfrühstück", "Business breakfast", ("business",), "people"),
]
EVENT_TOPICS: list[Pair] = [
    ("rund um den Roland", "around the Roland"),
    ("in der Kirche St. Marien", "in St. Mary's Church"),
    ("im Schloss Hundisburg", "at Hundisburg Palace"),
    ("im Museum Haldensleben", "at the Haldensleben Museum"),
    ("in der Kulturfabrik", "at the Kulturfabrik"),
    ("im Stadtpark", "in the town park"),
    ("an der Ohre", "on the Ohre"),
    ("zu den Großsteingräbern", "to the megalithic graves"),
    ("in der Altstadt", "in the old town"),
    ("für Kinder", "for children"),
    ("am Abend", "in the evening"),
    ("auf der Rolli-Runde", "on the Rolli trail"),
]
NEWS_SUBJECTS: list[Pair] = [
    ("Schloss Hundisburg", "Hundisburg Palace"),
    ("Stadtpark", "Town park"),
    ("Kirche St. Marien", "St. Mary's Church"),
    ("Museum Haldensleben", "Haldensleben Museum"),
    ("Tourist-Information", "Tourist information"),
    ("Rolli-Runde", "Rolli trail"),
    ("Bülstringer Straße", "Bülstringer Straße"),
    ("Stadtführung", "Guided town tour"),
    ("Kulturfabrik", "Kulturfabrik"),
    ("Bürgerservice", "Citizen services"),
]
NEWS_PREDICATES: list[Pair] = [
    ("wird saniert", "is being restored"),
    ("erhält öffentliches WLAN", "gets public Wi-Fi"),
    ("öffnet wieder", "reopens"),
    ("lädt zum Tag der offenen Tür", "invites to an open day"),
    ("mit neuen Öffnungszeiten", "with new opening hours"),
    ("sucht Ehrenamtliche", "looks for volunteers"),
    ("startet digitales Angebot", "launches a digital service"),
    ("feiert Jubiläum", "celebrates an anniversary"),
]
STATUS_NOTES: dict[str, Pair] = {
    "postponed": ("Verschoben, ein neuer Termin folgt.", "Postponed; a new date will follow."),
    "moved_online": ("Findet online statt.", "Takes place online."),
}
PRICES: list[Pair] = [
    ("Eintritt 5 €, ermäßigt 3 €", "Admission €5, reduced €3"),
    ("8 € pro Person", "€8 per person"),
    ("Kinder frei, Erwachsene 4 €", "Children free, adults €4"),
]
POI_TAGS = ["altstadt", "familie", "natur", "barock", "kultur", "radfahren", "aussicht", "wandern", "digital"]
EVENT_TAGS = ["fuehrung", "konzert", "familie", "kinder", "abend", "ausstellung", "markt", "lesung", "fest"]
NEWS_TAGS = ["stadt", "digital", "tourismus", "bauarbeiten", "wlan", "kultur", "verkehr", "veranstaltung"]
AUDIENCES = [
    "everyone",
    "everyone",
    "families",
    "children",
    "youth",
    "adults",
    "seniors",
    "tourists",
    "business",
]
IMAGE_MOTIFS = [
    "castle",
    "museum",
    "church",
    "park",
    "garden",
    "tower",
    "stones",
    "bike",
    "market",
    "people",
    "music",
]
IMAGE_ALT: dict[str, Pair] = {
    "castle": ("Zeichnung eines Schlosses", "Drawing of a palace"),
    "museum": ("Zeichnung eines Museumsgebäudes", "Drawing of a museum building"),
    "church": ("Zeichnung einer Kirche", "Drawing of a church"),
    "park": ("Zeichnung eines Parks", "Drawing of a park"),
    "garden": ("Zeichnung eines Gartens", "Drawing of a garden"),
    "tower": ("Zeichnung eines Turms", "Drawing of a tower"),
    "stones": ("Zeichnung eines Großsteingrabs", "Drawing of a megalithic grave"),
    "bike": ("Zeichnung eines Fahrrads", "Drawing of a bicycle"),
    "market": ("Zeichnung von Marktständen", "Drawing of market stalls"),
    "people": ("Zeichnung einer Besuchergruppe", "Drawing of a group of visitors"),
    "music": ("Zeichnung von Noten", "Drawing of musical notes"),
}
# Weekly opening-hours templates: (weekday indexes, opens, closes, season (MM-DD, MM-DD) or None).
HOURS_TEMPLATES: list[list[tuple[tuple[int, ...], str, str, tuple[str, str] | None]]] = [
    [((1, 2, 3, 4, 5, 6), "10:00", "17:00", None)],
    [((0, 1, 2, 3, 4), "09:00", "18:00", None), ((5,), "10:00", "14:00", None)],
    [((0, 1, 2, 3, 4, 5, 6), "06:00", "22:00", None)],
    [
        ((1, 2, 3, 4, 5, 6), "10:00", "18:00", ("04-01", "10-31")),
        ((5, 6), "11:00", "16:00", ("11-01", "03-31")),
    ],
    [((2, 5), "08:00", "13:00", None)],
    [((0, 1, 2, 3, 4, 5, 6), "18:00", "02:00", None)],
]


def text(pair: Pair, language: str) -> str:
    return pair[0] if language == "de" else pair[1]


# ----------------------------------------------------------------------------- results
@dataclass(frozen=True)
class ScaleOptions:
    pois: int
    events: int
    news: int
    locales: tuple[str, ...] = ("de", "en")
    seed: int = 42
    images: int = 60
    replace: bool = False


@dataclass
class Summary:
    pages: Counter = field(default_factory=Counter)  # (kind, locale) → pages
    rows: Counter = field(default_factory=Counter)  # row kind → count
    phases: dict[str, float] = field(default_factory=dict)  # phase → seconds
    deleted: int = 0
    skipped: str = ""  # why nothing was generated, when nothing was
    conflict: bool = False  # other generated data is in the way (needs --replace)

    @property
    def total_pages(self) -> int:
        return sum(self.pages.values())


class ScaleDataError(Exception):
    """Generation failed; the message names the item."""


@dataclass
class Item:
    """One generated page in one language, with the rows that hang on it."""

    page: Page
    key: int  # position in the source sequence, the same for every language version
    extra: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------- helpers
def chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def body(paragraphs: Iterable[str]) -> list[dict[str, str]]:
    """StreamField raw data: stored as JSON without building block values (fast and lazy)."""
    return [
        {
            "type": "paragraph",
            "value": f"<p>{paragraph}</p>",
            "id": str(uuid.uuid5(BLOCK_IDS, f"{n}:{paragraph}")),
        }
        for n, paragraph in enumerate(paragraphs)
    ]


def point_near(rng: random.Random, centre: tuple[float, float], spread_km: float) -> tuple[float, float]:
    """A point around a centre (denser near it), kept within RADIUS_KM of the town centre."""
    for _attempt in range(20):
        distance = spread_km * math.sqrt(rng.random())
        bearing = rng.random() * 2 * math.pi
        lat = centre[0] + distance * math.cos(bearing) / 111.32
        lng = centre[1] + distance * math.sin(bearing) / (111.32 * math.cos(math.radians(centre[0])))
        if km_between((lat, lng), CENTRE) <= RADIUS_KM:
            return lat, lng
    return CENTRE


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = (a[0] - b[0]) * 111.32
    dlng = (a[1] - b[1]) * 111.32 * math.cos(math.radians(a[0]))
    return math.hypot(dlat, dlng)


def coordinate(value: float) -> Decimal:
    return Decimal(f"{value:.6f}")


def parse_time(value: str) -> dtime:
    hours, minutes = value.split(":")
    return dtime(int(hours), int(minutes))


def month_day(value: str) -> date:
    month, day = value.split("-")
    return date(2000, int(month), int(day))


def generated_pages_q(index_pages: Iterable[Page]) -> Q:
    """Generated pages: direct children of the tourism index pages whose slug starts with `scale-`."""
    query = Q(pk__in=[])
    for index in index_pages:
        query |= Q(path__startswith=index.path, depth=index.depth + 1, slug__startswith=SLUG_PREFIX)
    return query


# ----------------------------------------------------------------------------- the generator
class ScaleDataGenerator:
    """Writes scale data on top of the demo tree (home page with the three tourism index pages)."""

    def __init__(
        self,
        options: ScaleOptions,
        progress: Callable[[str], None] = print,
        now: datetime | None = None,
    ) -> None:
        self.options = options
        self.progress = progress
        self.now = (now or timezone.now()).astimezone(LOCAL_TZ)
        self.today = self.now.date()
        self.rng = random.Random(options.seed)
        self.summary = Summary()
        self.started = time.monotonic()
        self.locales = self._locales(options.locales)
        self.source = self.locales[0]
        self.default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.translated: list[Page] = []  # translations of ancestors this run had to create
        self.content_types = {
            kind: ContentType.objects.get_for_model(model) for kind, (model, _i) in KINDS.items()
        }

    # --------------------------------------------------------------- set-up
    @staticmethod
    def _locales(codes: Sequence[str]) -> list[Locale]:
        if not codes:
            raise ScaleDataError("Give at least one locale, e.g. --locales de,en.")
        found = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
        missing = [code for code in codes if code not in found]
        if missing:
            raise ScaleDataError(
                f"Unknown locale(s) {', '.join(missing)}: configure them in ROLAND_LANGUAGES."
            )
        return [found[code] for code in dict.fromkeys(codes)]

    def index_pages(self) -> dict[str, dict[int, Page]]:
        """The index page of each kind per requested locale; translations are created when missing."""
        found: dict[str, dict[int, Page]] = {}
        for kind, (_model, index_model) in KINDS.items():
            source = index_model.objects.filter(locale=self.source).order_by("path").first()
            if source is None:
                raise ScaleDataError(
                    f"No {index_model._meta.verbose_name} in locale '{self.source.language_code}': "
                    "run `manage.py load_demo` first."
                )
            found[kind] = {self.source.pk: source}
            for locale in self.locales[1:]:
                found[kind][locale.pk] = self._translated(source, locale)
        return found

    def _translated(self, page: Page, locale: Locale) -> Page:
        """The page's translation in a locale, created with its ancestors (as editors would) if missing."""
        translation = page.get_translation_or_none(locale)
        if translation is not None:
            return translation
        for ancestor in [*page.get_ancestors().filter(depth__gt=1).specific(), page.specific]:
            if not ancestor.has_translation(locale):
                self.progress(f"  translating '{ancestor.title}' into {locale.language_code} (missing)")
                target, _missing = translate_with_strings(ancestor, locale, {})
                self.translated.append(target)
        return page.get_translation(locale)

    def existing(self) -> Counter:
        """Generated pages already there, by (kind, locale code), in any locale."""
        counts: Counter = Counter()
        codes = {locale.pk: locale.language_code for locale in Locale.objects.all()}
        for kind, (_model, index_model) in KINDS.items():
            rows = (
                Page.objects.filter(generated_pages_q(index_model.objects.all()))
                .order_by()
                .values_list("locale_id")
                .annotate(n=models.Count("pk"))
            )
            for locale_id, number in rows:
                counts[(kind, codes[locale_id])] += number
        return counts

    # --------------------------------------------------------------- entry point
    def run(self) -> Summary:
        with self.phase("set-up"):
            index_pages = self.index_pages()
            existing = self.existing()
        if existing:
            wanted = Counter(
                {
                    (kind, locale.language_code): number
                    for kind, number in (
                        ("poi", self.options.pois),
                        ("event", self.options.events),
                        ("news", self.options.news),
                    )
                    for locale in self.locales
                    if number
                }
            )
            if not self.options.replace:
                same = +existing == +wanted
                self.summary.pages = existing
                self.summary.conflict = not same
                self.summary.skipped = (
                    "Scale data with these numbers is already there; nothing to do (--replace regenerates it)."
                    if same
                    else "Other scale data is already there "
                    f"({sum(existing.values())} pages); run again with --replace to regenerate it."
                )
                return self.summary
            with self.phase("delete"):
                self.summary.deleted = delete_generated(progress=self.progress)
        with self.phase("images"):
            images = self.image_pool()
        with transaction.atomic():
            self.vocabulary()
            with self.phase("points of interest"):
                pois = self.generate_pois(index_pages["poi"], images)
            with self.phase("events"):
                self.generate_events(index_pages["event"], images, pois)
            with self.phase("news"):
                self.generate_news(index_pages["news"], images, pois)
            with self.phase("tree and caches"):
                parents = [page for by_locale in index_pages.values() for page in by_locale.values()]
                parents += [page for page in self.translated if page not in parents]
                recount_children(parents)
                # Again after commit: a translation of an index page created above publishes on
                # commit, and saving it writes the numchild of its revision (0) back.
                transaction.on_commit(lambda: recount_children(parents))
                transaction.on_commit(invalidate_caches)
                # Fresh planner statistics: without them PostgreSQL still plans for the tiny demo
                # tables and picks nested loops that take seconds.
                transaction.on_commit(analyze_tables)
        return self.summary

    class _Phase:
        def __init__(self, generator: ScaleDataGenerator, name: str) -> None:
            self.generator, self.name = generator, name

        def __enter__(self) -> None:
            self.started = time.monotonic()
            self.generator.progress(f"{self.name} …")

        def __exit__(self, *exc: object) -> None:
            elapsed = time.monotonic() - self.started
            self.generator.summary.phases[self.name] = (
                self.generator.summary.phases.get(self.name, 0) + elapsed
            )

    def phase(self, name: str) -> ScaleDataGenerator._Phase:
        return self._Phase(self, name)

    def tick(self, label: str, done: int, total: int, force: bool = False) -> None:
        if force or done % PROGRESS_EVERY == 0:
            self.progress(f"  {label}: {done}/{total} ({time.monotonic() - self.started:.1f} s)")

    # --------------------------------------------------------------- shared vocabulary rows
    def vocabulary(self) -> None:
        """Categories by kind and slug (source-language rows, as editors pick them), organizers, tags."""
        self.categories: dict[str, dict[str, int]] = {"poi": {}, "event": {}, "news": {}}
        for pk, kind, slug in Category.objects.filter(locale=self.default_locale).values_list(
            "pk", "kind", "slug"
        ):
            self.categories.setdefault(kind, {})[slug] = pk
        self.organizers = list(Organizer.objects.order_by("pk").values_list("pk", flat=True))
        names = sorted({*POI_TAGS, *EVENT_TAGS, *NEWS_TAGS})
        existing = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
        taken = set(Tag.objects.filter(slug__in=names).values_list("slug", flat=True))
        Tag.objects.bulk_create(
            [Tag(name=name, slug=name) for name in names if name not in existing and name not in taken]
        )
        self.tags = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))

    def pick_categories(self, kind: str, preferred: Sequence[str]) -> list[int]:
        """1–2 categories: the ones matching the item's kind where they exist, else random ones."""
        available = self.categories.get(kind, {})
        if not available:
            return []
        chosen = [available[slug] for slug in preferred if slug in available][:2]
        if not chosen:
            chosen = [available[self.rng.choice(sorted(available))]]
        return chosen

    def pick_tags(self, pool: Sequence[str], probability: float) -> list[int]:
        if self.rng.random() >= probability:
            return []
        return [
            self.tags[name]
            for name in self.rng.sample(list(pool), self.rng.randint(1, 3))
            if name in self.tags
        ]

    # --------------------------------------------------------------- images
    def image_pool(self) -> list[RolandImage]:
        """`--images` drawn pictures with their preset renditions, reused by a later run."""
        if not self.options.images:
            return []
        root = Collection.get_first_root_node()
        existing = {
            image.title: image for image in RolandImage.objects.filter(title__startswith=IMAGE_PREFIX)
        }
        pool = []
        for number in range(1, self.options.images + 1):
            motif = IMAGE_MOTIFS[(number - 1) % len(IMAGE_MOTIFS)]
            title = f"{IMAGE_PREFIX} {number:03d}: {motif}"
            image = existing.get(title)
            try:
                if image is None:
                    alt = IMAGE_ALT[motif]
                    image = RolandImage(
                        title=title,
                        alt_text=text(alt, settings.LANGUAGE_CODE),
                        credit="Roland benchmark (generated drawing)",
                        license="CC0-1.0",
                        collection=root,
                        file=ContentFile(
                            draw_motif(motif, f"scale-{number}"), name=f"scale-{number:03d}-{motif}.jpg"
                        ),
                    )
                    image.save()
                    ImageText.objects.bulk_create(
                        [
                            ImageText(image=image, locale=locale, alt_text=text(alt, locale.language_code))
                            for locale in self.locales
                            if locale.pk != self.default_locale.pk
                        ],
                        ignore_conflicts=True,
                    )
                    self.summary.rows["images created"] += 1
                generate_preset_renditions(image)
            except Exception as exc:
                raise ScaleDataError(f"image '{title}': {exc}") from exc
            pool.append(image)
            self.tick("images", number, self.options.images, force=number % 10 == 0)
        self.summary.rows["images"] = len(pool)
        return pool

    # --------------------------------------------------------------- pages
    def new_page(
        self,
        model: type[Page],
        kind: str,
        parent: Page,
        step: int,
        title: str,
        slug: str,
        key: uuid.UUID,
        **fields: Any,
    ) -> Page:
        published = fields.pop("published")
        return model(
            path=parent.path + Page._int2str(step).rjust(Page.steplen, "0"),
            depth=parent.depth + 1,
            numchild=0,
            title=title,
            draft_title=title,
            slug=slug,
            url_path=f"{parent.url_path}{slug}/",
            locale_id=parent.locale_id,
            translation_key=key,
            content_type_id=self.content_types[kind].pk,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            **fields,
        )

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def image_id(self, images: Sequence[RolandImage], probability: float) -> int | None:
        return self.rng.choice(images).pk if images and self.rng.random() < probability else None

    def sentences(self, count: int) -> list[Pair]:
        return self.rng.sample(SENTENCES, count)

    def paragraphs(self, chosen: Sequence[Pair], language: str) -> list[str]:
        half = len(chosen) // 2
        return [" ".join(text(s, language) for s in part) for part in (chosen[:half], chosen[half:])]

    def generate_pois(self, parents: dict[int, Page], images: Sequence[RolandImage]) -> list[int]:
        """Points of interest in every locale; returns the source-language page ids (event venues)."""
        total = self.options.pois
        steps = {locale_id: next_step(parent) for locale_id, parent in parents.items()}
        items: list[Item] = []
        for number in range(1, total + 1):
            label = f"point of interest {number}"
            kind_de, kind_en, category_slugs, _motif = self.rng.choice(POI_KINDS)
            locality, postal_code, centre = (
                LOCALITIES[0] if self.rng.random() < 0.4 else self.rng.choice(LOCALITIES)
            )
            where = self.rng.choice(WHERE) if self.rng.random() < 0.5 else None
            lat, lng = point_near(self.rng, centre, 2.5 if locality == "Haldensleben" else 1.5)
            chosen = self.sentences(4)
            teaser_extra = self.rng.choice(SENTENCES)
            key = self.uuid()
            hours = self.rng.choice(HOURS_TEMPLATES) if self.rng.random() < 0.8 else []
            common = {
                "street": f"{self.rng.choice(STREETS)} {self.rng.randint(1, 120)}",
                "postal_code": postal_code,
                "locality": locality,
                "latitude": coordinate(lat),
                "longitude": coordinate(lng),
                "image_id": self.image_id(images, 0.85),
                "phone": f"+49 3904 {self.rng.randint(1000, 99999)}" if self.rng.random() < 0.6 else "",
                "website": f"https://www.example.org/{slugify(kind_en)}-{number}"
                if self.rng.random() < 0.4
                else "",
                "is_free": self.rng.random() < 0.5,
                "closed_on_public_holidays": self.rng.random() < 0.3,
                "wheelchair": self.rng.choice(["yes", "partial", "no", "unknown"]),
                "step_free_entrance": self.rng.random() < 0.5,
                "accessible_toilet": self.rng.random() < 0.3,
                "guide_dogs": self.rng.random() < 0.6,
                "published": self.now
                - timedelta(days=self.rng.randint(1, 700), minutes=self.rng.randint(0, 1439)),
            }
            price = self.rng.choice(PRICES)
            extra = {
                "categories": self.pick_categories("poi", category_slugs),
                "tags": self.pick_tags(POI_TAGS, 0.5),
                "hours": hours,
                "christmas": bool(hours) and self.rng.random() < 0.2,
                "gallery": [self.rng.choice(images).pk for _ in range(self.rng.randint(1, 3))]
                if images and self.rng.random() < 0.2
                else [],
            }
            for locale in self.locales:
                language = locale.language_code
                if where:
                    title = f"{kind_de} {where[0]}" if language == "de" else f"{kind_en} {where[1]}"
                else:
                    title = f"{kind_de} {locality}" if language == "de" else f"{locality} {kind_en}"
                steps[locale.pk] += 1
                slug = f"{SLUG_PREFIX}poi-{number:05d}-{slugify(title)}"[:80]
                try:
                    page = self.new_page(
                        PointOfInterest,
                        "poi",
                        parents[locale.pk],
                        steps[locale.pk],
                        title,
                        slug,
                        key,
                        teaser=f"{title}: {text(teaser_extra, language)}",
                        body=body(self.paragraphs(chosen, language)),
                        price_text="" if common["is_free"] else text(price, language),
                        **common,
                    )
                except Exception as exc:
                    raise ScaleDataError(f"{label} [{language}]: {exc}") from exc
                items.append(Item(page, number, extra))
            self.tick("points of interest (prepared)", number, total, force=number == total)
        # Hours rows are built before the pages are written, so each page carries its schedule's
        # key from the start (as a page save would give it), not through an UPDATE of every row.
        rows_by_item: list[tuple[list, list]] = []
        for item in items:
            rules = [
                OpeningHoursRule(
                    sort_order=order,
                    opens=parse_time(opens),
                    closes=parse_time(closes),
                    valid_from=month_day(season[0]) if season else None,
                    valid_to=month_day(season[1]) if season else None,
                    every_year=True,
                    **{WEEKDAY_FIELDS[day]: True for day in days},
                )
                for order, (days, opens, closes, season) in enumerate(item.extra["hours"])
            ]
            closures = []
            if item.extra["christmas"]:
                year = (
                    self.today.year if (self.today.month, self.today.day) <= (12, 24) else self.today.year + 1
                )
                closures.append(
                    OpeningHoursException(
                        sort_order=0, date_from=date(year, 12, 24), closed=True, reason="christmas_eve"
                    )
                )
            schedule = build_schedule(rules, closures, item.page.closed_on_public_holidays)
            item.page.opening_hours_key = schedule_key(schedule)
            rows_by_item.append((rules, closures))
        self.insert_pages(PointOfInterest, items, "points of interest")
        hours_rows, exceptions = [], []
        for item, (rules, closures) in zip(items, rows_by_item, strict=True):
            for row in [*rules, *closures]:
                row.page_id = item.page.pk
            hours_rows += rules
            exceptions += closures
        self.bulk(OpeningHoursRule, hours_rows, "opening hours rules")
        self.bulk(OpeningHoursException, exceptions, "opening hours exceptions")
        self.bulk(
            PointOfInterestGalleryImage,
            [
                PointOfInterestGalleryImage(page_id=item.page.pk, image_id=image_id, sort_order=order)
                for item in items
                for order, image_id in enumerate(item.extra["gallery"])
            ],
            "gallery images",
        )
        self.relations(PointOfInterest, PointOfInterestTag, items)
        return [item.page.pk for item in items if item.page.locale_id == self.source.pk]

    def generate_events(
        self, parents: dict[int, Page], images: Sequence[RolandImage], pois: Sequence[int]
    ) -> None:
        total = self.options.events
        steps = {locale_id: next_step(parent) for locale_id, parent in parents.items()}
        venues = list(pois) + list(
            PointOfInterest.objects.filter(locale=self.source)
            .exclude(pk__in=pois)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        window_start, window_end = occurrence_window(self.now)
        items: list[Item] = []
        spans_by_key: dict[int, list[OccurrenceSpan]] = {}
        for number in range(1, total + 1):
            label = f"event {number}"
            kind_de, kind_en, category_slugs, _motif = self.rng.choice(EVENT_KINDS)
            topic = self.rng.choice(EVENT_TOPICS)
            start_date = self.today + timedelta(days=self.rng.randint(-30, 365))
            all_day = self.rng.random() < 0.08
            if all_day:
                start_time = end_time = None
                end_date = start_date + timedelta(days=self.rng.choice([0, 0, 1, 2]))
            else:
                start_time = dtime(self.rng.randint(9, 20), self.rng.choice([0, 30]))
                end_minutes = min(
                    start_time.hour * 60 + start_time.minute + self.rng.choice([60, 90, 120, 180]),
                    23 * 60 + 45,
                )
                end_time = dtime(end_minutes // 60, end_minutes % 60)
                end_date = None
            rule = ""
            skip_one = False
            if self.rng.random() < 0.1:
                weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start_date.weekday()]
                rule = self.rng.choice(
                    [
                        f"FREQ=WEEKLY;BYDAY={weekday}",
                        f"FREQ=WEEKLY;BYDAY={weekday};COUNT={self.rng.randint(4, 30)}",
                        f"FREQ=WEEKLY;INTERVAL=2;BYDAY={weekday};UNTIL={(start_date + timedelta(days=300)):%Y%m%d}",
                        f"FREQ=MONTHLY;BYDAY={self.rng.randint(1, 4)}{weekday};COUNT=12",
                        f"FREQ=MONTHLY;BYMONTHDAY={min(start_date.day, 28)}",
                    ]
                )
                skip_one = self.rng.random() < 0.2
            roll = self.rng.random()
            status = (
                "cancelled"
                if roll < 0.04
                else "postponed"
                if roll < 0.05
                else "moved_online"
                if roll < 0.06
                else "scheduled"
            )
            venue = self.rng.choice(venues) if venues and self.rng.random() < 0.7 else None
            location = None
            if venue is None:
                locality, postal_code, centre = self.rng.choice(LOCALITIES)
                lat, lng = point_near(self.rng, centre, 1.5)
                location = {
                    "location_name": f"{self.rng.choice(['Gemeindehaus', 'Dorfplatz', 'Festwiese', 'Sporthalle'])} {locality}",
                    "street": f"{self.rng.choice(STREETS)} {self.rng.randint(1, 80)}",
                    "postal_code": postal_code,
                    "locality": locality,
                    "latitude": coordinate(lat),
                    "longitude": coordinate(lng),
                }
            is_free = self.rng.random() < 0.4
            price = self.rng.choice(PRICES)
            chosen = self.sentences(4)
            key = self.uuid()
            common = {
                "start_date": start_date,
                "start_time": start_time,
                "end_date": end_date,
                "end_time": end_time,
                "all_day": all_day,
                "recurrence_rule": rule,
                "status": status,
                "venue_id": venue,
                "organizer_id": self.rng.choice(self.organizers)
                if self.organizers and self.rng.random() < 0.8
                else None,
                "online_url": "https://stream.example.org/haldensleben" if status == "moved_online" else "",
                "ticket_url": ""
                if is_free or self.rng.random() < 0.5
                else f"https://tickets.example.org/{number}",
                "is_free": is_free,
                "audience": self.rng.choice(AUDIENCES),
                "image_id": self.image_id(images, 0.7),
                "published": self.now
                - timedelta(days=self.rng.randint(1, 90), minutes=self.rng.randint(0, 1439)),
                **(location or {}),
            }
            dates = EventDates(
                start_date=start_date,
                start_time=None if all_day else start_time,
                end_date=end_date or start_date,
                end_time=None if all_day else end_time,
                all_day=all_day,
                rule=normalise_rule(rule),
            )
            try:
                spans = expand(dates, window_start, window_end)
                exdates: tuple[date, ...] = ()
                if skip_one and len(spans) > 2:
                    # One real date left out (EXDATE), then expanded again as publishing would.
                    exdates = (spans[len(spans) // 2].start.astimezone(LOCAL_TZ).date(),)
                    spans = expand(replace(dates, exdates=exdates), window_start, window_end)
                spans_by_key[number] = spans
            except RecurrenceError as exc:
                raise ScaleDataError(f"{label}: rule {rule!r}: {exc}") from exc
            extra = {
                "categories": self.pick_categories("event", category_slugs),
                "tags": self.pick_tags(EVENT_TAGS, 0.4),
                "exdates": exdates,
            }
            for locale in self.locales:
                language = locale.language_code
                title = f"{kind_de} {topic[0]}" if language == "de" else f"{kind_en} {topic[1]}"
                steps[locale.pk] += 1
                slug = f"{SLUG_PREFIX}event-{number:05d}-{slugify(title)}"[:80]
                page = self.new_page(
                    Event,
                    "event",
                    parents[locale.pk],
                    steps[locale.pk],
                    title,
                    slug,
                    key,
                    teaser=f"{title}. {text(chosen[0], language)}",
                    body=body(self.paragraphs(chosen, language)),
                    status_note=text(STATUS_NOTES[status], language) if status in STATUS_NOTES else "",
                    price_text="" if is_free else text(price, language),
                    **common,
                )
                items.append(Item(page, number, extra))
            self.tick("events (prepared)", number, total, force=number == total)
        self.insert_pages(Event, items, "events")
        self.bulk(
            EventExcludedDate,
            [
                EventExcludedDate(page_id=item.page.pk, date=day, sort_order=order)
                for item in items
                for order, day in enumerate(item.extra["exdates"])
            ],
            "excluded dates",
        )
        self.relations(Event, EventTag, items)
        occurrences = (
            EventOccurrence(event_id=item.page.pk, start=span.start, end=span.end, all_day=span.all_day)
            for item in items
            for span in spans_by_key[item.key]
        )
        self.bulk(EventOccurrence, occurrences, "event occurrences")

    def generate_news(
        self, parents: dict[int, Page], images: Sequence[RolandImage], pois: Sequence[int]
    ) -> None:
        total = self.options.news
        steps = {locale_id: next_step(parent) for locale_id, parent in parents.items()}
        items: list[Item] = []
        for number in range(1, total + 1):
            subject = self.rng.choice(NEWS_SUBJECTS)
            predicate = self.rng.choice(NEWS_PREDICATES)
            day = self.today - timedelta(days=self.rng.randint(0, 730))
            published = datetime.combine(
                day, dtime(self.rng.randint(7, 17), self.rng.randint(0, 59)), tzinfo=LOCAL_TZ
            )
            chosen = self.sentences(4)
            key = self.uuid()
            common = {
                "date": day,
                "image_id": self.image_id(images, 0.6),
                "published": min(published, self.now),
            }
            extra = {
                "categories": self.pick_categories("news", ()),
                "tags": self.pick_tags(NEWS_TAGS, 0.7),
                "related": self.rng.choice(pois) if pois and self.rng.random() < 0.2 else None,
            }
            for locale in self.locales:
                language = locale.language_code
                title = f"{text(subject, language)} {text(predicate, language)}"
                steps[locale.pk] += 1
                slug = f"{SLUG_PREFIX}news-{number:05d}-{slugify(title)}"[:80]
                page = self.new_page(
                    NewsArticle,
                    "news",
                    parents[locale.pk],
                    steps[locale.pk],
                    title,
                    slug,
                    key,
                    teaser=f"{title}: {text(chosen[0], language)}",
                    body=body(self.paragraphs(chosen, language)),
                    **common,
                )
                items.append(Item(page, number, extra))
            self.tick("news (prepared)", number, total, force=number == total)
        self.insert_pages(NewsArticle, items, "news articles")
        self.bulk(
            NewsArticleRelatedPage,
            [
                NewsArticleRelatedPage(page_id=item.page.pk, target_id=item.extra["related"], sort_order=0)
                for item in items
                if item.extra["related"]
            ],
            "news related links",
        )
        self.relations(NewsArticle, NewsArticleTag, items)

    # --------------------------------------------------------------- bulk writing
    def insert_pages(self, model: type[Page], items: Sequence[Item], label: str) -> None:
        """Insert the base page rows (ids returned), then the specific rows, batch by batch."""
        pages = [item.page for item in items]
        page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
        child_fields = list(model._meta.local_concrete_fields)
        size = min(
            PAGE_BATCH,
            connection.ops.bulk_batch_size(page_fields, pages) or PAGE_BATCH,
            connection.ops.bulk_batch_size(child_fields, pages) or PAGE_BATCH,
        )
        done = 0
        for batch in chunks(pages, max(size, 1)):
            try:
                returned = Page._base_manager._insert(
                    batch, fields=page_fields, returning_fields=Page._meta.db_returning_fields, raw=True
                )
                for page, row in zip(batch, returned, strict=True):
                    page.pk = page.id = page.page_ptr_id = row[0]
                    page._state.adding = False
                model._base_manager._insert(batch, fields=child_fields, raw=True)
            except Exception as exc:
                first = batch[0]
                raise ScaleDataError(
                    f"{label}: a batch starting at '{first.title}' ({first.slug}) failed: {exc}"
                ) from exc
            before, done = done, done + len(batch)
            if done == len(pages) or done // PROGRESS_EVERY != before // PROGRESS_EVERY:
                self.tick(f"{label} (pages written)", done, len(pages), force=True)
        for page in pages:
            code = next(locale.language_code for locale in self.locales if locale.pk == page.locale_id)
            self.summary.pages[(self.kind_of(model), code)] += 1

    @staticmethod
    def kind_of(model: type[Page]) -> str:
        return next(kind for kind, (kind_model, _index) in KINDS.items() if kind_model is model)

    def relations(self, model: type[Page], tag_model: type[models.Model], items: Sequence[Item]) -> None:
        """Category links (the ParentalManyToMany through table) and tag rows of generated pages."""
        through = model.categories.through
        page_column = f"{model._meta.model_name}_id"
        self.bulk(
            through,
            [
                through(**{page_column: item.page.pk, "category_id": category})
                for item in items
                for category in item.extra["categories"]
            ],
            f"{model._meta.model_name} categories",
        )
        self.bulk(
            tag_model,
            [
                tag_model(content_object_id=item.page.pk, tag_id=tag)
                for item in items
                for tag in item.extra["tags"]
            ],
            f"{model._meta.model_name} tags",
        )

    def bulk(self, model: type[models.Model], rows: Iterable[models.Model], label: str) -> int:
        """bulk_create in batches with progress; returns the number of rows."""
        count = 0
        batch: list[models.Model] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= ROW_BATCH:
                count += self._flush(model, batch, label, count)
                batch = []
        if batch:
            count += self._flush(model, batch, label, count)
        self.summary.rows[label] += count
        if count % PROGRESS_EVERY:
            self.tick(label, count, count, force=True)
        return count

    def _flush(self, model: type[models.Model], batch: list[models.Model], label: str, done: int) -> int:
        try:
            model._base_manager.bulk_create(batch, batch_size=ROW_BATCH)
        except Exception as exc:
            raise ScaleDataError(f"{label}: rows {done + 1}–{done + len(batch)} failed: {exc}") from exc
        if (done + len(batch)) // PROGRESS_EVERY != done // PROGRESS_EVERY:
            self.progress(f"  {label}: {done + len(batch)} ({time.monotonic() - self.started:.1f} s)")
        return len(batch)


# ----------------------------------------------------------------------------- tree and deletion
def next_step(parent: Page) -> int:
    """The step number after the parent's last existing child (numchild may be off; paths are not)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) if last else 0


def recount_children(parents: Iterable[Page]) -> None:
    """Set numchild of the touched parents (and their ancestors' counts stay as they were)."""
    for parent in parents:
        count = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
        Page.objects.filter(pk=parent.pk).update(numchild=count)
        parent.numchild = count


def invalidate_caches() -> None:
    """One bump for everything written: cached answers and facts from before are unreachable."""
    publishing.content_changed()
    publishing.visibility_changed()


def tourism_index_pages() -> list[Page]:
    return [
        page
        for _model, index_model in KINDS.values()
        for page in Page.objects.filter(content_type=ContentType.objects.get_for_model(index_model))
    ]


def delete_generated(progress: Callable[[str], None] = print) -> int:
    """Delete every generated page with its dependent rows in bulk (no per-page signals), fix numchild.

    Dependent rows are found from the model relations (so a table added later, e.g. a search index
    with a foreign key to pages, goes too); generic relations (Wagtail's search index and reference
    index) are cleared by content type and id.
    """
    parents = tourism_index_pages()
    query = generated_pages_q(parents)
    ids = list(Page.objects.filter(query).values_list("pk", flat=True))
    if not ids:
        return 0
    with transaction.atomic():
        _clear_generic_rows(ids)
        _purge(Page, Page.objects.filter(query).values("pk"), seen=set())
        recount_children(parents)
        transaction.on_commit(invalidate_caches)
    progress(f"  deleted {len(ids)} generated pages")
    return len(ids)


def _purge(model: type[models.Model], pks: models.QuerySet, seen: set[tuple[str, str]]) -> None:
    """Delete rows of `model` whose pk is in the subquery `pks`, and first everything pointing at them."""
    for relation in model._meta.get_fields(include_hidden=True):
        if not (
            relation.auto_created and not relation.concrete and (relation.one_to_many or relation.one_to_one)
        ):
            continue
        related_field = relation.field
        related_model = relation.related_model
        marker = (related_model._meta.label, related_field.name)
        if marker in seen:
            continue
        rows = related_model._base_manager.filter(**{f"{related_field.name}__in": pks})
        on_delete = relation.on_delete
        if on_delete is models.CASCADE:
            _purge(related_model, rows.values("pk"), seen | {marker})
        elif on_delete is models.SET_NULL:
            rows.update(**{related_field.name: None})
        elif on_delete is models.DO_NOTHING:
            continue
        elif rows.exists():
            raise ScaleDataError(
                f"{related_model._meta.label}.{related_field.name} refers to generated pages and blocks deletion"
            )
    model._base_manager.filter(pk__in=pks)._raw_delete(connection.alias)


def _clear_generic_rows(ids: Sequence[int]) -> None:
    """Wagtail search index and reference index rows of the pages (generic relations, no cascade)."""
    types = [
        ContentType.objects.get_for_model(model).pk for model in (Page, *(m for m, _i in KINDS.values()))
    ]
    for batch in chunks([str(pk) for pk in ids], 500):
        IndexEntry.objects.filter(content_type_id__in=types, object_id__in=batch).delete()
        ReferenceIndex.objects.filter(base_content_type_id__in=types, object_id__in=batch).delete()
        ReferenceIndex.objects.filter(to_content_type_id__in=types, to_object_id__in=batch).delete()


def analyze_tables() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def vacuum_analyze_tables() -> None:
    """What autovacuum does some time after a bulk load, done before measuring: fresh statistics and
    a visibility map, so index-only scans (the search fallback, POI narrowing) need no heap visits.
    Outside a transaction only (VACUUM refuses to run in one)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
