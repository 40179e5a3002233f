"""manage.py generate_scale_data: bulk-written pages must look to every reader like published ones."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from bench.management.commands.bench_probe import scenario_urls
from tests.factories import CategoryFactory
from tests.worlds import tree_per_module
from tourism.models import (
    Event,
    EventIndexPage,
    EventOccurrence,
    NewsArticle,
    OpeningHoursRule,
    Organizer,
    PointOfInterest,
    PointOfInterestIndexPage,
)
from tourism.services.occurrences import refresh_occurrences
from tourism.services.opening_hours import schedule_for, schedule_key

pytestmark = pytest.mark.django_db

# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()

SMALL = ["--pois", "30", "--events", "40", "--news", "10", "--locales", "de,en", "--images", "2"]


@pytest.fixture
def generate(tree, django_capture_on_commit_callbacks):
    """Runs the command on the minimal tree (German only: the English index pages get created)."""
    CategoryFactory(name="Museen", slug="museum", kind="poi")
    CategoryFactory(name="Führungen", slug="guided-tour", kind="event")
    CategoryFactory(name="Stadt", slug="town", kind="news")
    Organizer.objects.create(name="Tourist-Information Haldensleben")

    def run(*args: str) -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("generate_scale_data", *args, stdout=out)
        return out.getvalue()

    return run


def generated(model, code: str):
    return model.objects.filter(slug__startswith="scale-", locale__language_code=code)


def titles() -> list[tuple[str, str]]:
    return list(Page.objects.filter(slug__startswith="scale-").order_by("path").values_list("slug", "title"))


def assert_tree_is_sound() -> None:
    assert Page.find_problems() == ([], [], [], [], [])
    for index in Page.objects.type(PointOfInterestIndexPage, EventIndexPage):
        assert index.numchild == index.get_children().count()


def test_pages_rows_and_apis_in_both_languages(generate, client):
    out = generate(*SMALL)

    assert "Scale data ready" in out and "update_index" in out
    for code in ("de", "en"):
        assert generated(PointOfInterest, code).count() == 30
        assert generated(Event, code).count() == 40
        assert generated(NewsArticle, code).count() == 10
    assert_tree_is_sound()
    assert OpeningHoursRule.objects.filter(page__slug__startswith="scale-").exists()
    english = generated(PointOfInterest, "en").first()
    german = PointOfInterest.objects.get(translation_key=english.translation_key, locale__language_code="de")
    assert english.title != german.title and english.latitude == german.latitude
    assert english.url_path == f"{english.get_parent().url_path}{english.slug}/"

    # Each place carries the key of its stored hours, as a page save would have written it.
    for poi in generated(PointOfInterest, "de").prefetch_related("opening_hours", "opening_hours_exceptions"):
        assert poi.opening_hours_key == schedule_key(schedule_for(poi))
    assert generated(PointOfInterest, "de").values("opening_hours_key").distinct().count() > 1

    # Occurrences are exactly what publishing writes: refreshing changes nothing.
    for event in generated(Event, "en").exclude(recurrence_rule="")[:3]:
        stored = list(event.occurrences.values_list("start", "end", "all_day"))
        assert stored and refresh_occurrences(event) == len(stored)
        assert list(event.occurrences.values_list("start", "end", "all_day")) == stored

    for code in ("de", "en"):
        pois = client.get("/api/v1/pois", {"locale": code, "limit": 100}).json()
        assert pois["count"] == 30 and all(item["locale"] == code for item in pois["items"])
        news = client.get("/api/v1/news", {"locale": code}).json()
        assert news["count"] == 10
        events = client.get("/api/v1/events", {"locale": code, "limit": 100}).json()
        assert events["count"] > 0 and {item["locale"] for item in events["items"]} == {code}
        stock = client.get(
            "/api/wagtail/v2/pages/", {"type": "tourism.Event", "fields": "*", "limit": 20, "locale": code}
        )
        assert stock.status_code == 200 and stock.json()["meta"]["total_count"] == 40

    detail = client.get(f"/api/v1/pois/{english.pk}").json()
    assert detail["translations"] == [
        {"locale": "de", "id": german.pk, "api_url": f"http://testserver/api/v1/pois/{german.pk}"}
    ]
    event = generated(Event, "de").first()
    answer = client.get(f"/api/v1/events/{event.pk}")
    assert answer.status_code == 200 and answer.json()["translations"][0]["locale"] == "en"


def test_same_seed_same_data_rerun_detected_and_replaced(generate, tree):
    own = tree.poi(title="Reitender Roland", slug="roland")
    generate(*SMALL)
    first = titles()

    assert "already there" in generate(*SMALL)
    assert titles() == first
    with pytest.raises(CommandError, match="--replace"):
        generate(*SMALL[:-2], "--images", "2", "--pois", "5")

    out = generate(*SMALL, "--replace")
    assert "deleted first: 160 pages" in out
    assert titles() == first
    assert PointOfInterest.objects.filter(pk=own.pk).exists()
    assert EventOccurrence.objects.filter(event__slug__startswith="scale-").count() > 0
    assert_tree_is_sound()

    generate(*SMALL, "--replace", "--seed", "7")
    assert titles() != first
    assert_tree_is_sound()


def test_the_bench_details_are_the_first_listed_items(generate, client):
    """The event detail scenario times the event of the first listed occurrence, not the page that
    happens to have the occurrence's id (the events list lists occurrences)."""
    generate(*SMALL)
    urls = scenario_urls(client)
    first = client.get("/api/v1/events", {"limit": 1}).json()["items"][0]
    assert urls["event_detail"]["roland"] == f"/api/v1/events/{first['event_id']}"
    for name in ("poi_detail", "event_detail", "news_detail"):
        assert client.get(urls[name]["roland"]).status_code == 200, name
