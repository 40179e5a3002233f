"""A tourism office's week for the events list in the browser, written into the test server's SQLite
file (run inside `manage.py shell`): concerts, guided tours, a market that is over, a cancelled talk,
a draft, with English versions of some, and the office's login."""

from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from cms.core.timezone import LOCAL_TZ
from cms.demo.translation import translate_with_strings
from tests.factories import CategoryFactory, SiteTree
from tourism.models import EventStatus


def build() -> None:
    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    translate_with_strings(tree.home, english, {})
    translate_with_strings(tree.events, english, {"termine": "events"})
    today = timezone.now().astimezone(LOCAL_TZ).date()
    concerts = CategoryFactory(name="Konzerte", slug="concert", kind="event")
    museum = tree.poi(title="Museum Haldensleben", slug="museum")
    church = tree.poi(title="St. Marien", slug="st-marien")
    castle = tree.poi(title="Schloss Hundisburg", slug="schloss")
    organ = tree.event(
        title="Orgelkonzert zum Advent",
        slug="orgelkonzert",
        start_date=today + timedelta(days=2),
        start_time=time(19, 30),
        end_time=time(21),
        venue=church,
        live=False,
    )
    organ.categories = [concerts]
    organ.save_revision().publish()
    translate_with_strings(organ, english, {"Orgelkonzert zum Advent": "Advent organ concert"})
    tree.event(
        title="Stadtführung: Auf den Spuren des Rolands",
        slug="stadtfuehrung",
        start_date=today + timedelta(days=1),
        start_time=time(14),
        end_time=time(15, 30),
        recurrence_rule="FREQ=WEEKLY;BYDAY=SA;COUNT=8",
        location_name="Marktplatz, am Roland",
    )
    tree.event(
        title="Lesung: Die Brüder Grimm in Haldensleben",
        slug="lesung",
        start_date=today + timedelta(days=4),
        start_time=time(18),
        end_time=time(19, 30),
        venue=museum,
        status=EventStatus.CANCELLED,
        status_note="Die Lesung fällt wegen Krankheit aus.",
    )
    tree.event(
        title="Schlossgartenfest",
        slug="schlossgartenfest",
        start_date=today + timedelta(days=9),
        start_time=None,
        end_time=None,
        all_day=True,
        venue=castle,
    )
    tree.event(
        title="Weihnachtsmarkt",
        slug="weihnachtsmarkt",
        start_date=today - timedelta(days=12),
        start_time=None,
        end_time=None,
        end_date=today - timedelta(days=10),
        all_day=True,
        location_name="Marktplatz",
    )
    tree.event(
        title="Neujahrskonzert",
        slug="neujahrskonzert",
        start_date=today + timedelta(days=30),
        start_time=time(17),
        end_time=time(19),
        venue=church,
        live=False,
    )
    get_user_model().objects.create_superuser("tourismus", "tourismus@example.org", "geheim-1234")
