"""Fallback chains (ROLAND_FALLBACKS) and Leichte Sprache (`de-x-ls`): what a reader of each language
gets where their language has no live version of an item.

The world has four languages, Leichte Sprache → German and Polish → English → German:

- the Roland in all four languages,
- the town hall in German and English (Polish readers get English, Leichte Sprache readers German),
- the museum in German only, and a Polish draft of the monastery (never served).
"""

import json
from datetime import date, datetime, time, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import checks
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale

from cms.core.i18n import FallbackError, fallback_codes, language_request, match_tag, parse_fallbacks
from cms.core.timezone import LOCAL_TZ
from cms.demo.translation import translate_with_strings
from media.models import ImageText
from sites.kiosks import build_feed
from sites.models import KioskScreen
from sites.services import set_up_easy_language_team, sync_locales_from_settings
from tests.factories import CategoryFactory, ImageFactory, SiteTree
from tests.querycount import count_api_queries
from tests.worlds import built_once, fresh

pytestmark = pytest.mark.django_db

LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("de-x-ls", "Leichte Sprache"), ("pl", "Polski")]
CHAINS = "de-x-ls:de,pl:en:de"
CODES = [code for code, _name in LANGUAGES]
DAY = date.today() + timedelta(days=2)  # the tour is still to come, whatever the day of the run
MARKET = ("52.289300", "11.408500")


# --- the syntax -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", {"de": (), "en": ("de",), "de-x-ls": ("de",), "pl": ("de",)}),
        (CHAINS, {"de": (), "en": ("de",), "de-x-ls": ("de",), "pl": ("en", "de")}),
        # The default may be left out at the end, spaces and case do not matter.
        (" PL : en , de-x-ls:de ", {"de": (), "en": ("de",), "de-x-ls": ("de",), "pl": ("en", "de")}),
        ("pl:de-x-ls:en", {"de": (), "en": ("de",), "de-x-ls": ("de",), "pl": ("de-x-ls", "en", "de")}),
    ],
)
def test_chains_are_read_from_the_setting_and_end_in_the_default(raw, expected):
    assert parse_fallbacks(raw, CODES) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("pl:xx", "unknown language 'xx'"),
        ("fr:de", "unknown language 'fr'"),
        ("pl:pl", "'pl' falls back to itself"),
        ("pl:en:pl", "'pl' falls back to itself"),
        ("pl:en:de-x-ls:en", "'en' comes twice"),
        ("de:en", "the default language 'de' falls back to nothing"),
        ("pl:de:en", "'de' must come last"),
        ("pl:en,pl:de", "a second chain for 'pl'"),
        ("pl", "expected a language and its fallbacks"),
        ("pl::de", "expected a language and its fallbacks"),
    ],
)
def test_a_chain_that_cannot_be_used_is_refused_naming_the_entry(raw, message):
    with pytest.raises(FallbackError, match=message):
        parse_fallbacks(raw, CODES)


def test_a_wrong_setting_is_a_system_check_error_naming_the_variable_not_a_crash():
    with override_settings(WAGTAIL_CONTENT_LANGUAGES=LANGUAGES, ROLAND_FALLBACKS="pl:en:pl"):
        errors = [message for message in checks.run_checks() if message.id == "roland.E001"]
        # A running process keeps serving: each language falls back to the default only.
        assert fallback_codes("pl") == ("de",)
    assert len(errors) == 1 and errors[0].level == checks.ERROR
    assert "ROLAND_FALLBACKS" in errors[0].msg and "'pl' falls back to itself" in errors[0].msg
    with override_settings(WAGTAIL_CONTENT_LANGUAGES=LANGUAGES, ROLAND_FALLBACKS=CHAINS):
        assert not [message for message in checks.run_checks() if message.id == "roland.E001"]
        assert fallback_codes("pl") == ("en", "de")


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("de-x-ls", "de-x-ls"),
        ("DE-X-LS", "de-x-ls"),
        ("de-DE", "de"),
        ("de-x-other", "de"),  # an unknown private-use variant is still German
        ("de-ch-x-ls", "de"),
        ("pl-PL", "pl"),
        ("fr-FR", None),
    ],
)
def test_language_tags_match_whole_before_they_are_cut_back(tag, expected):
    assert match_tag(tag, CODES) == expected


def test_accept_language_selects_leichte_sprache_and_de_de_still_german():
    factory = RequestFactory()
    ask = lambda header: language_request(factory.get("/", HTTP_ACCEPT_LANGUAGE=header), CODES, None).code  # noqa: E731
    assert ask("de-x-ls, de;q=0.8") == "de-x-ls"
    assert ask("de-DE, de;q=0.9") == "de"
    assert ask("fr, pl-PL;q=0.5") == "pl"


# --- the world ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def four_languages():
    override = override_settings(
        WAGTAIL_CONTENT_LANGUAGES=LANGUAGES, LANGUAGES=LANGUAGES, ROLAND_FALLBACKS=CHAINS
    )
    override.enable()
    yield
    override.disable()


def translate(page, locale, strings: dict | None = None):
    target, _missing = translate_with_strings(page, locale, strings or {})
    return target


def build_world(four_languages: None) -> dict:
    sync_locales_from_settings()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    tree = SiteTree()
    for code in ("en", "de-x-ls", "pl"):
        for page in (tree.home, tree.pois, tree.events, tree.news):
            translate(page, locales[code])
    roland = tree.poi(title="Reitender Roland", slug="roland", latitude=MARKET[0], longitude=MARKET[1])
    translate(roland, locales["en"], {"Reitender Roland": "Riding Roland"})
    translate(roland, locales["de-x-ls"], {"Reitender Roland": "Der Roland auf dem Pferd"})
    translate(roland, locales["pl"], {"Reitender Roland": "Roland na koniu"})
    photo = ImageFactory(alt_text="Das Rathaus von vorn", caption="Blick vom Markt")
    ImageText.objects.create(image=photo, locale=locales["en"], alt_text="The town hall from the front")
    town_hall = tree.poi(
        title="Rathaus", slug="rathaus", latitude="52.289500", longitude="11.408700", image=photo
    )
    translate(town_hall, locales["en"], {"Rathaus": "Town hall"})
    sight = CategoryFactory(name="Sehenswürdigkeit", slug="sight")
    translate(sight, locales["en"], {"Sehenswürdigkeit": "Sight"})
    museum = tree.poi(
        title="Museum Haldensleben",
        slug="museum",
        latitude="52.290000",
        longitude="11.410000",
        categories=[sight],
    )
    monastery = tree.poi(title="Kloster Hillersleben", slug="kloster", latitude="52.29", longitude="11.41")
    translate_with_strings(monastery, locales["pl"], {"Kloster Hillersleben": "Klasztor"}, publish=False)
    tour = tree.event(title="Stadtführung", slug="tour", start_date=DAY, venue=town_hall)
    translate(tour, locales["en"], {"Stadtführung": "Guided tour"})
    article = tree.news_article(title="Neues WLAN am Markt", slug="wlan", date=DAY)
    translate(article, locales["en"], {"Neues WLAN am Markt": "Free wifi on the market square"})
    screen = KioskScreen.objects.create(
        name="Markt",
        slug="markt",
        latitude=MARKET[0],
        longitude=MARKET[1],
        radius_km=3,
        languages=["pl", "de-x-ls"],
    )
    return {"tree": tree, "roland": roland, "town_hall": town_hall, "museum": museum, "tour": tour,
            "article": article, "monastery": monastery, "screen": screen}  # fmt: skip


_world = built_once(build_world, needs=("four_languages",))


@pytest.fixture
def world(_world) -> dict:
    return fresh(_world)


def api(client, path: str, **params) -> dict:
    response = client.get(f"/api/v1/{path}", params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def served(items: list[dict]) -> dict[str, tuple]:
    """Title → (locale, is_fallback, fallback_locale) of each item of a list."""
    return {item["title"]: (item["locale"], item["is_fallback"], item["fallback_locale"]) for item in items}


POLISH_PLACES = {
    "Roland na koniu": ("pl", False, None),
    "Town hall": ("en", True, "en"),  # Polish → English
    "Museum Haldensleben": ("de", True, "de"),  # → German
    "Kloster Hillersleben": ("de", True, "de"),  # the Polish draft is never served
}
EASY_PLACES = {
    "Der Roland auf dem Pferd": ("de-x-ls", False, None),
    "Rathaus": ("de", True, "de"),  # Leichte Sprache → German, never English
    "Museum Haldensleben": ("de", True, "de"),
    "Kloster Hillersleben": ("de", True, "de"),
}


def test_lists_follow_each_languages_chain(client, world):
    assert served(api(client, "pois", locale="pl")["items"]) == POLISH_PLACES
    assert served(api(client, "pois", locale="de-x-ls")["items"]) == EASY_PLACES
    assert served(api(client, "pois", locale="en")["items"]) == {
        "Riding Roland": ("en", False, None),
        "Town hall": ("en", False, None),
        "Museum Haldensleben": ("de", True, "de"),
        "Kloster Hillersleben": ("de", True, "de"),
    }
    german = served(api(client, "pois", locale="de")["items"])
    assert all(value == ("de", False, None) for value in german.values()) and len(german) == 4


def test_category_names_follow_the_chain(client, world):
    def names(code: str) -> list:
        items = api(client, "pois", locale=code)["items"]
        return [category["name"] for item in items for category in item["categories"]]

    assert names("pl") == ["Sight"]  # no Polish name: the English one
    assert names("de-x-ls") == ["Sehenswürdigkeit"]
    assert {item["slug"]: item["name"] for item in api(client, "categories", locale="pl")["items"]} == {
        "sight": "Sight"
    }


def test_image_texts_follow_the_chain_field_by_field(client, world):
    def image(code: str) -> tuple:
        (item,) = [item for item in api(client, "pois", locale=code)["items"] if item["image"]]
        return item["image"]["alt"], item["image"]["caption"]

    # Polish: the English alt text; no English caption, so the German one.
    assert image("pl") == ("The town hall from the front", "Blick vom Markt")
    assert image("de-x-ls") == ("Das Rathaus von vorn", "Blick vom Markt")


def test_exports_and_changes_serve_each_language_version_once_without_stand_ins(client, world):
    export = client.get("/api/v1/export/pois.ndjson", {"locale": "pl"})
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert [json.loads(line)["title"] for line in lines[1:]] == ["Roland na koniu"]
    changes = api(client, "changes", locale="pl", since=(timezone.now() - timedelta(days=1)).isoformat())[
        "items"
    ]
    assert {(item["type"], item["locale"]) for item in changes} == {("poi", "pl")}


def test_fallback_false_leaves_out_what_is_not_in_the_language_itself(client, world):
    assert served(api(client, "pois", locale="pl", fallback="false")["items"]) == {
        "Roland na koniu": ("pl", False, None)
    }
    assert api(client, "events", locale="pl", fallback="false")["items"] == []
    assert api(client, "news", locale="de-x-ls", fallback="false")["items"] == []


def test_events_news_and_their_nested_places_follow_the_chain(client, world):
    (occurrence,) = api(client, "events", locale="pl")["items"]
    assert (occurrence["title"], occurrence["fallback_locale"]) == ("Guided tour", "en")
    assert occurrence["venue"]["title"] == "Town hall"  # the venue through Polish → English as well
    (easy,) = api(client, "events", locale="de-x-ls")["items"]
    assert (easy["title"], easy["fallback_locale"], easy["venue"]["title"]) == (
        "Stadtführung",
        "de",
        "Rathaus",
    )
    (article,) = api(client, "news", locale="pl")["items"]
    assert (article["title"], article["locale"], article["fallback_locale"]) == (
        "Free wifi on the market square", "en", "en"
    )  # fmt: skip


def test_a_detail_asked_for_in_a_language_answers_its_chains_first_live_version(client, world):
    town_hall, roland, monastery = world["town_hall"], world["roland"], world["monastery"]
    data = api(client, f"pois/{town_hall.pk}", locale="pl")
    assert (data["title"], data["locale"], data["is_fallback"], data["fallback_locale"]) == (
        "Town hall", "en", True, "en"
    )  # fmt: skip
    data = api(client, f"pois/{roland.pk}", locale="de-x-ls")
    assert (data["title"], data["fallback_locale"]) == ("Der Roland auf dem Pferd", None)
    data = api(client, f"pois/{monastery.pk}", locale="pl")
    assert (data["title"], data["fallback_locale"]) == ("Kloster Hillersleben", "de")


def test_leichte_sprache_is_selected_by_accept_language_and_by_the_parameter(client, world):
    response = client.get("/api/v1/pois", HTTP_ACCEPT_LANGUAGE="de-x-ls, de;q=0.8")
    assert response["Content-Language"] == "de-x-ls"
    assert served(response.json()["items"]) == EASY_PLACES
    german = client.get("/api/v1/pois", HTTP_ACCEPT_LANGUAGE="de-DE, en;q=0.5")
    assert german["Content-Language"] == "de"
    assert "Reitender Roland" in served(german.json()["items"])
    assert client.get("/api/v1/pois?locale=DE-X-LS")["Content-Language"] == "de-x-ls"


def test_search_follows_the_chain(client, world):
    hits = served(api(client, "search", q="town hall", locale="pl")["items"])
    assert hits == {"Town hall": ("en", True, "en")}
    assert served(api(client, "search", q="Museum", locale="pl")["items"]) == {
        "Museum Haldensleben": ("de", True, "de")
    }
    assert served(api(client, "search", q="Rathaus", locale="de-x-ls")["items"]) == {
        "Rathaus": ("de", True, "de")
    }
    assert api(client, "search", q="Museum", locale="pl", fallback="false")["items"] == []


def test_feeds_follow_the_chain(client, world):
    rss = client.get("/api/v1/news.rss", {"locale": "pl"}).content.decode()
    assert "Free wifi on the market square" in rss and "Neues WLAN am Markt" not in rss


def test_kiosk_texts_follow_each_screen_languages_chain(world):
    request = RequestFactory().get("/api/v1/kiosks/markt/feed")
    feed = build_feed(world["screen"], request, datetime.combine(DAY, time(10), tzinfo=LOCAL_TZ))
    highlights = {
        item["texts"]["de-x-ls"]["title"]: item["texts"]["pl"]["title"] for item in feed["highlights"]
    }
    assert highlights == {
        "Der Roland auf dem Pferd": "Roland na koniu",
        "Rathaus": "Town hall",
        "Museum Haldensleben": "Museum Haldensleben",
        "Kloster Hillersleben": "Kloster Hillersleben",
    }
    (tour,) = feed["next"]
    assert tour["texts"]["pl"]["title"] == "Guided tour" and tour["texts"]["pl"]["place"] == "Town hall"
    assert (
        tour["texts"]["de-x-ls"]["title"] == "Stadtführung" and tour["texts"]["de-x-ls"]["place"] == "Rathaus"
    )


def test_locales_list_each_languages_chain(client, world):
    assert api(client, "locales") == [
        {"code": "de", "name": "Deutsch", "default": True, "fallbacks": []},
        {"code": "en", "name": "English", "default": False, "fallbacks": ["de"]},
        {"code": "de-x-ls", "name": "Leichte Sprache", "default": False, "fallbacks": ["de"]},
        {"code": "pl", "name": "Polski", "default": False, "fallbacks": ["en", "de"]},
    ]


def test_navigation_follows_the_chain(client, world):
    data = api(client, "navigation", locale="pl")
    assert (data["locale"], data["is_fallback"], data["fallback_locale"]) == ("pl", False, None)


def test_a_chain_of_three_costs_no_query_more_than_a_chain_of_two(client, world):
    """The chain is one subquery per step inside the list's query, whatever the number of items."""
    for path in ("/api/v1/pois", "/api/v1/events", "/api/v1/news", "/api/v1/search"):
        params = {"q": "Roland"} if path.endswith("search") else {}
        english = count_api_queries(client, path, {**params, "locale": "en"})
        polish = count_api_queries(client, path, {**params, "locale": "pl"})
        assert polish <= english, path


# --- the Leichte Sprache team ----------------------------------------------------------------------


def test_the_leichte_sprache_team_edits_its_locale_only_and_publishes_through_its_review(
    client, world, django_user_model, django_capture_on_commit_callbacks
):
    easy = Locale.objects.get(language_code="de-x-ls")
    roland = world["roland"]
    easy_roland = roland.get_translation(easy)
    team = Group.objects.get(name="Redaktion Leichte Sprache")
    checkers = Group.objects.get(name="Prüfgruppe Leichte Sprache")
    writer, checker = (
        django_user_model.objects.create_user(name, f"{name}@example.org", "pw") for name in "ab"
    )
    writer.groups.add(team)
    checker.groups.add(checkers)
    client.force_login(writer)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[easy_roland.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[roland.pk])).status_code in {302, 403}
    assert not roland.permissions_for_user(writer).can_edit()
    rights = easy_roland.permissions_for_user(writer)
    assert rights.can_edit() and not rights.can_publish()  # live only after the review
    assert not roland.permissions_for_user(checker).can_edit()
    workflow = easy_roland.get_workflow()
    assert (workflow.name, [task.name for task in workflow.tasks]) == (
        "Leichte Sprache",
        ["Prüfung in Leichter Sprache"],
    )
    assert roland.get_workflow() is None or roland.get_workflow().name != "Leichte Sprache"

    draft = easy_roland.get_latest_revision_as_object()
    draft.title = "Der Roland auf seinem Pferd"
    draft.save_revision(user=writer)
    state = workflow.start(easy_roland, writer)  # "Zur Prüfung einreichen"
    assert api(client, f"pois/{easy_roland.pk}")["title"] == "Der Roland auf dem Pferd"  # not yet
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.approve(user=checker)
    assert api(client, f"pois/{easy_roland.pk}")["title"] == "Der Roland auf seinem Pferd"

    # Setting the team up again (every migrate) changes nothing.
    before = GroupPagePermission.objects.filter(group__in=[team, checkers]).count()
    set_up_easy_language_team()
    assert GroupPagePermission.objects.filter(group__in=[team, checkers]).count() == before == 4
