"""Demo-like content for the browser tests, written into the test server's SQLite file.

Run inside `manage.py shell` (the server's own settings and database), so the browser sees exactly
what a kiosk owner would after `make run`: places around the market square, an event running now,
one later today, a week ahead with a cancelled concert, news for the ticker, two screens.
"""

import json
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms.core.timezone import LOCAL_TZ as BERLIN
from cms.demo.translation import translate_with_strings
from media.models import RolandImage
from sites.models import KioskScreen
from tests.factories import ImageFactory, SiteTree, add_page, image_bytes
from tourism.models import Event, EventIndexPage, PointOfInterest, PointOfInterestIndexPage

# The modules' server world: build() and the people who sign in (tests.e2e.browser.world_server).
WORLD = "from tests.e2e.kiosk_world import build_with_staff; build_with_staff()"
ADMIN_PASSWORD = "e2e-richtig-und-lang-genug"


def picture(colour: tuple[int, int, int]):
    return ImageFactory(file=ContentFile(image_bytes(1280, 800, colour=colour), name="kiosk.jpg"))


def event_at(parent, title: str, start: datetime, end: datetime, **fields) -> Event:
    """An event from local start to end (crossing midnight when it must)."""
    start, end = start.astimezone(BERLIN), end.astimezone(BERLIN)
    slug = f"e2e-{Event.objects.count() + 1}"
    page = Event(
        title=title,
        slug=slug,
        teaser=fields.pop("teaser", "Ein Termin in der Altstadt von Haldensleben."),
        start_date=start.date(),
        start_time=start.time().replace(second=0, microsecond=0),
        end_date=end.date() if end.date() != start.date() else None,
        end_time=end.time().replace(second=0, microsecond=0),
        **fields,
    )
    return add_page(parent, page)


def build() -> None:
    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    translate_with_strings(tree.home, english, {})
    translate_with_strings(tree.events, english, {"termine": "events"})
    market = tree.poi(
        title="Reitender Roland",
        slug="roland",
        image=picture((170, 120, 60)),
        teaser="Das einzige Reiterstandbild eines Rolands in Deutschland, vor dem Rathaus.",
    )
    museum = tree.poi(
        title="Museum Haldensleben",
        slug="museum",
        latitude="52.290400",
        longitude="11.410700",
        image=picture((60, 110, 80)),
        teaser="Stadtgeschichte, der Roland von 1528 und die Grimm-Sammlung.",
    )
    tree.poi(title="Kulturfabrik", slug="kulturfabrik", latitude="52.287000", longitude="11.404000")
    now = timezone.now().replace(second=0, microsecond=0)
    today = now.astimezone(BERLIN).date()
    tour = event_at(
        tree.events,
        "Rolli-Runde durch die Altstadt",
        now - timedelta(hours=1),
        now + timedelta(hours=3),
        venue=market,
        image=picture((40, 80, 150)),
    )
    translate_with_strings(
        tour, english, {"Rolli-Runde durch die Altstadt": "Rolli walk through the old town"}
    )
    later = now + timedelta(hours=1)
    if later.astimezone(BERLIN).date() == today:
        event_at(tree.events, "Lesung in der Kulturfabrik", later, later + timedelta(hours=1), venue=museum)
    tomorrow = today + timedelta(days=1)
    event_at(
        tree.events,
        "Führung durch das Museum",
        datetime.combine(tomorrow, time(10), tzinfo=BERLIN),
        datetime.combine(tomorrow, time(11, 30), tzinfo=BERLIN),
        venue=museum,
        image=picture((120, 40, 90)),
    )
    event_at(
        tree.events,
        "Orgelkonzert in St. Marien",
        datetime.combine(today + timedelta(days=2), time(19), tzinfo=BERLIN),
        datetime.combine(today + timedelta(days=2), time(21), tzinfo=BERLIN),
        venue=market,
        status="cancelled",
        status_note="Die Organistin ist erkrankt.",
    )
    event_at(
        tree.events,
        "Wochenmarkt",
        datetime.combine(today + timedelta(days=3), time(8), tzinfo=BERLIN),
        datetime.combine(today + timedelta(days=3), time(13), tzinfo=BERLIN),
        venue=market,
    )
    tree.news_article(title="Freies WLAN jetzt auch am Marktplatz", date=today)
    tree.news_article(title="Bürgerservice: Termine online buchen", date=today - timedelta(days=1))
    KioskScreen.objects.create(
        name="Tourist-Information",
        slug="markt",
        venue=market,
        radius_km=3,
        languages=["de", "en"],
        refresh_seconds=1,
    )
    KioskScreen.objects.create(
        name="Bahnhof",
        slug="bahnhof",
        latitude="52.292000",
        longitude="11.418000",
        radius_km=5,
        languages=["de"],
        orientation="portrait",
        refresh_seconds=1,
    )


def build_with_staff() -> None:
    """build(), the administrator and the control room who sign in, and the ids the modules open.

    The administrator has a real-looking address (Wagtail would ask Gravatar for its hash's avatar)
    and German as her admin language. Printed as one JSON line after "IDS".
    """
    build()
    users = get_user_model().objects
    chefin = users.create_superuser("chefin", "chefin@haldensleben.de", ADMIN_PASSWORD)
    profile = UserProfile.get_for_user(chefin)
    profile.preferred_language = "de"
    profile.save()
    users.create_superuser("leitstelle", "leitstelle@example.org", "geheim-1234")
    event = Event.objects.first()
    ids = {
        "event": event.pk,
        "events": event.get_parent().pk,
        "plain_event": Event.objects.filter(recurrence_rule="").first().pk,
        "poi": PointOfInterest.objects.first().pk,
        "pois": PointOfInterestIndexPage.objects.first().pk,
        "image": RolandImage.objects.first().pk,
        "kiosk": KioskScreen.objects.first().pk,
    }
    print("IDS", json.dumps(ids))


def ids(output: str) -> dict[str, int]:
    """The ids build_with_staff() printed."""
    return json.loads(output.split("IDS", 1)[1].splitlines()[0])


def fill() -> None:
    """A busy day on top of build(): three events on now, more later and ahead, five places near.

    Long titles wrap to two lines, so a column holds fewer rows than it lists.
    """
    index = EventIndexPage.objects.first()
    market = PointOfInterest.objects.get(slug="roland", locale__language_code="de")
    museum = PointOfInterest.objects.get(slug="museum", locale__language_code="de")
    now = timezone.now().replace(second=0, microsecond=0)
    for number in range(3):
        event_at(
            index,
            f"Offene Werkstatt Nummer {number + 1} im Kulturzentrum an der Hagenstraße mit Anmeldung",
            now - timedelta(minutes=20 * (number + 1)),
            now + timedelta(hours=2 + number),
            venue=market,
        )
    today = now.astimezone(BERLIN).date()
    for number in range(6):
        later = now + timedelta(minutes=20 * (number + 1))
        if later.astimezone(BERLIN).date() == today:
            event_at(
                index,
                f"Vortrag {number + 1}: Die Geschichte der Ohre und des Mittellandkanals",
                later,
                later + timedelta(minutes=45),
                venue=museum,
            )
    for number in range(6):
        day = today + timedelta(days=4 + number)
        event_at(
            index,
            f"Konzert {number + 1} der Musikschule „Johannes Brahms“ in der Kirche St. Marien",
            datetime.combine(day, time(18), tzinfo=BERLIN),
            datetime.combine(day, time(20), tzinfo=BERLIN),
            venue=market,
        )
    for number, (lat, lng) in enumerate((("52.289000", "11.409000"), ("52.288500", "11.408000"))):
        tree_poi = PointOfInterest(
            title=f"Stadtpark und Rosengarten am Wall, Abschnitt {number + 1}",
            slug=f"park-{number + 1}",
            teaser="Ein Ort in der Nähe.",
            latitude=lat,
            longitude=lng,
        )
        add_page(PointOfInterest.objects.first().get_parent(), tree_poi)


def publish_new(title: str) -> None:
    """A newly published event that is running now, so it appears in the "now" column at any hour."""
    index = EventIndexPage.objects.first()
    venue = PointOfInterest.objects.get(slug="roland", locale__language_code="de")
    now = timezone.now().astimezone(BERLIN)
    event_at(index, title, now - timedelta(minutes=30), now + timedelta(hours=2), venue=venue)


def save_notice(severity: str, starts_in: float, ends_in: float, slugs: str = "") -> int:
    """A notice saved as the kiosk team would (all screens, or the comma-separated slugs), from now + minutes."""
    from sites.models import KioskNotice

    now = timezone.now()
    notice = KioskNotice.objects.create(
        title=f"E2E {severity}",
        texts={"de": f"Hochwasser an der Ohre ({severity})", "en": f"Flooding along the Ohre ({severity})"},
        severity=severity,
        target="selected" if slugs else "all",
        starts_at=now + timedelta(minutes=starts_in),
        ends_at=now + timedelta(minutes=ends_in),
    )
    if slugs:
        notice.screens.set(KioskScreen.objects.filter(slug__in=slugs.split(",")))
    print(notice.pk, notice.starts_at.isoformat(), notice.ends_at.isoformat())
    return notice.pk


def all_clear_everything() -> None:
    """The all clear for every notice still running or ahead (sites.notices.all_clear, as the admin does)."""
    from sites.models import KioskNotice
    from sites.notices import all_clear

    for notice in KioskNotice.objects.filter(ended_at__isnull=True):
        all_clear(notice, None, timezone.now())


def set_schedule(slug: str, ranges: str) -> None:
    """A screen's weekly schedule, every day: "HH:MM-HH:MM content;…" (empty: none)."""
    from datetime import time as clock

    from sites.models import KioskHours

    screen = KioskScreen.objects.get(slug=slug)
    screen.hours.all().delete()
    for part in filter(None, ranges.split(";")):
        span, content = part.split()
        opens, closes = (clock.fromisoformat(at) for at in span.split("-"))
        for day in range(7):
            KioskHours.objects.create(screen=screen, day=day, opens=opens, closes=closes, content=content)
