"""Translations as editors make them (wagtail-localize's admin views), and what the public sees of them.

An untranslated copy never goes live on its own; what is not text follows the German source on
publish (in every channel, in the same publish); a detail asked for in a language answers that
language's version when there is one.
"""

from datetime import time, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cms.demo.translation import translate_with_strings
from sites.kiosks import build_feed
from sites.models import KioskScreen, WebhookDelivery, WebhookSubscription
from sites.models.webhooks import WebhookEvent
from tests.factories import SiteTree
from tests.worlds import built_once, fresh
from tourism.models import Event, OpeningHoursRule

pytestmark = pytest.mark.django_db

MARKET = ("52.289300", "11.408500")


def english_of(page):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code="en")


def api(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    assert response.status_code == 200, response.content[:300]
    return response


# --- 2. "Diese Seite übersetzen" does not put German text live as English --------------------------


def build_submitted() -> tuple:
    """A live German place and article, then the whole German site submitted for translation."""
    tree = SiteTree()
    poi = tree.poi(title="Reitender Roland", slug="roland")
    article = tree.news_article(title="Neues WLAN am Markt", slug="wlan", date=timezone.localdate())
    office = Client()
    office.force_login(get_user_model().objects.create_superuser("buero", "buero@example.org", "pw"))
    response = office.post(
        reverse("wagtail_localize:submit_page_translation", args=[tree.home.pk]),
        {"locales": [Locale.objects.get(language_code="en").pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    return poi, article


_submitted = built_once(build_submitted, scope="class")


class TestSubmittedForTranslation:
    """The site submitted for translation once for the class (each test in its own savepoint)."""

    @pytest.fixture
    def submitted(self, _submitted, db) -> tuple:
        return fresh(_submitted)

    def test_a_copy_submitted_for_translation_stays_a_draft_and_the_source_is_served(self, client, submitted):
        poi, article = submitted
        assert not english_of(poi).live and not english_of(article).live
        (item,) = api(client, "pois", locale="en").json()["items"]
        assert (item["id"], item["locale"], item["is_fallback"]) == (poi.pk, "de", True)
        (news,) = api(client, "news", locale="en").json()["items"]
        assert (news["id"], news["locale"], news["is_fallback"]) == (article.pk, "de", True)
        rss = api(client, "news.rss", locale="en").content.decode()
        assert '<guid isPermaLink="true">http://testserver/aktuelles/wlan/</guid>' in rss
        assert "/en/" not in rss and rss.count("<item>") == 1
        assert client.get(f"/api/v1/pois/{english_of(poi).pk}").status_code == 404  # the draft is not public

    def test_the_translation_goes_live_when_the_editor_publishes_it_and_a_sync_keeps_it_live(
        self, admin_client, client, submitted, django_capture_on_commit_callbacks
    ):
        poi, _article = submitted
        english = english_of(poi)
        # The translated parents first (wagtail-localize asks for them), then the place itself.
        for page in (*english.get_ancestors().filter(depth__gt=1).specific(), english):
            with django_capture_on_commit_callbacks(execute=True):
                page.get_latest_revision().publish()
        (item,) = api(client, "pois", locale="en").json()["items"]
        assert (item["id"], item["locale"], item["is_fallback"]) == (english.pk, "en", False)

        source = TranslationSource.objects.get(object_id=poi.translation_key, locale=poi.locale)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse("wagtail_localize:update_translations", args=[source.pk]), {}
            )
        assert response.status_code == 302
        assert english_of(poi).live
        (item,) = api(client, "pois", locale="en").json()["items"]
        assert (item["id"], item["is_fallback"]) == (english.pk, False)


# --- 3. what is not text follows the source on publish ---------------------------------------------


def build_tour() -> tuple:
    """A German guided tour at the market in five days, translated to English and live in both."""
    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    day = timezone.localdate() + timedelta(days=5)
    market = tree.poi(title="Marktplatz", slug="markt", latitude=MARKET[0], longitude=MARKET[1])
    museum = tree.poi(title="Museum", slug="museum", latitude="52.290000", longitude="11.410000")
    translate_with_strings(tree.home, english, {})
    translate_with_strings(tree.events, english, {"termine": "events"})
    event = tree.event(title="Stadtführung", slug="tour", start_date=day, venue=market)
    translate_with_strings(event, english, {"Stadtführung": "Guided tour", "tour": "guided-tour"})
    WebhookSubscription.objects.create(name="Stadtwebsite", url="http://127.0.0.1:9/hook", secret="s" * 32)
    return event, market, museum, day


_tour = built_once(build_tour, scope="class")


def publish_change(page, capture, **fields):
    draft = page.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    with capture(execute=True):
        draft.save_revision().publish()


def kiosk_item(en_event_title: str, day) -> dict:
    screen = KioskScreen.objects.get(slug="markt")
    now = timezone.make_aware(timezone.datetime.combine(day, time(9)))
    feed = build_feed(screen, RequestFactory().get("/api/v1/kiosks/markt/feed"), now)
    (item,) = [
        item for item in feed["upcoming"] + feed["next"] if item["texts"]["en"]["title"] == en_event_title
    ]
    return item


class TestATranslatedTour:
    """The translated tour built once for the class (each test in its own savepoint)."""

    @pytest.fixture
    def tour(self, _tour, db) -> tuple:
        return fresh(_tour)

    def test_a_cancelled_german_event_is_cancelled_in_english_in_every_channel_in_the_same_publish(
        self, client, tour, django_capture_on_commit_callbacks
    ):
        event, market, _museum, day = tour
        english = english_of(event)
        KioskScreen.objects.create(name="Markt", slug="markt", venue=market, radius_km=3, languages=["en"])
        before = WebhookDelivery.objects.filter(object_id=english.pk, event=WebhookEvent.PUBLISHED).count()

        publish_change(event, django_capture_on_commit_callbacks, status="cancelled", status_note="Krankheit")

        english = english_of(event)
        assert english.live and english.status == "cancelled"
        assert english.title == "Guided tour"  # the translated text stays
        assert english.status_note == ""  # a text: the translator's to translate, never German as English
        (item,) = [
            i for i in api(client, "events", locale="en").json()["items"] if i["event_id"] == english.pk
        ]
        assert (item["locale"], item["is_fallback"], item["status"]) == ("en", False, "cancelled")
        assert api(client, f"events/{english.pk}", locale="en").json()["status"] == "cancelled"
        ics = api(client, "events.ics", locale="en").content.decode().replace("\r\n ", "")
        (vevent,) = [part for part in ics.split("BEGIN:VEVENT")[1:] if "SUMMARY:Guided tour" in part]
        assert "STATUS:CANCELLED" in vevent
        assert kiosk_item("Guided tour", day)["cancelled"] is True
        after = WebhookDelivery.objects.filter(object_id=english.pk, event=WebhookEvent.PUBLISHED).count()
        assert after == before + 1

    def test_date_and_venue_changes_reach_the_english_occurrences(
        self, client, tour, django_capture_on_commit_callbacks
    ):
        event, _market, museum, day = tour
        later = day + timedelta(days=2)
        publish_change(event, django_capture_on_commit_callbacks, start_date=later, venue=museum)

        english = english_of(event)
        assert [
            occ.start.astimezone(timezone.get_current_timezone()).date() for occ in english.occurrences.all()
        ] == [later]
        (item,) = [
            i for i in api(client, "events", locale="en").json()["items"] if i["event_id"] == english.pk
        ]
        assert item["start"].startswith(later.isoformat())
        assert (item["venue"]["id"], item["venue"]["title"]) == (museum.pk, "Museum")

    def test_publishing_a_translation_changes_nothing_of_its_source(
        self, tour, django_capture_on_commit_callbacks
    ):
        event, *_ = tour
        english = english_of(event)
        publish_change(english, django_capture_on_commit_callbacks, status="postponed", status_note="Later.")
        assert Event.objects.get(pk=event.pk).status == "scheduled"
        assert english_of(event).status == "postponed"

    def test_the_translators_later_publish_keeps_what_the_source_changed(
        self, tour, django_capture_on_commit_callbacks
    ):
        event, *_ = tour
        publish_change(event, django_capture_on_commit_callbacks, status="cancelled", status_note="Krankheit")
        translation = Translation.objects.get(
            source__object_id=event.translation_key, target_locale__language_code="en"
        )
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)  # what "Veröffentlichen" in the translation editor does
        assert english_of(event).status == "cancelled"


def test_rows_and_flags_follow_a_published_place_and_a_translators_draft_is_kept(
    tree, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_strings(tree.home, locales["en"], {})
        translate_with_strings(tree.pois, locales["en"], {"orte": "places"})
        poi = tree.poi(title="Café am Roland", slug="cafe")
        translate_with_strings(poi, locales["en"], {"Café am Roland": "Café at the Roland"})
    english = english_of(poi)
    pending = english.get_latest_revision_as_object()
    pending.teaser = "A café on the market square (not yet approved)."
    pending.save_revision()

    draft = poi.get_latest_revision_as_object()
    draft.opening_hours = [OpeningHoursRule(monday=True, opens=time(9), closes=time(17))]
    draft.is_free = True
    draft.latitude = "52.290100"
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()

    english = english_of(poi)
    assert english.live and english.is_free and str(english.latitude) == "52.290100"
    assert [(rule.monday, rule.opens) for rule in english.opening_hours.all()] == [(True, time(9))]
    assert english.teaser != "A café on the market square (not yet approved)."  # the draft stays a draft
    latest = english.get_latest_revision_as_object()
    assert latest.teaser == "A café on the market square (not yet approved)." and latest.is_free
    assert english.has_unpublished_changes


# --- 4. a detail asked for in a language answers that language's version -------------------------


def build_translated() -> dict:
    """A place, an event and an article, each translated to English and live in both languages."""
    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    day = timezone.localdate() + timedelta(days=5)
    translate_with_strings(tree.home, english, {})
    for index, slug in ((tree.pois, "places"), (tree.events, "events"), (tree.news, "news")):
        translate_with_strings(index, english, {index.slug: slug})
    poi = tree.poi(title="Reitender Roland", slug="roland")
    translate_with_strings(poi, english, {"Reitender Roland": "Riding Roland"})
    event = tree.event(title="Stadtführung", slug="tour", start_date=day)
    translate_with_strings(event, english, {"Stadtführung": "Guided tour"})
    article = tree.news_article(title="Neues WLAN am Markt", slug="wlan")
    translate_with_strings(article, english, {"Neues WLAN am Markt": "New Wi-Fi at the market"})
    return {"pois": poi, "events": event, "news": article}


_translated = built_once(build_translated, scope="class")


class TestAskedForInEnglish:
    """The three translated items built once for the class (each test in its own savepoint)."""

    @pytest.fixture
    def translated(self, _translated, db) -> dict:
        return fresh(_translated)

    @pytest.mark.parametrize(
        "collection, english_title",
        [("pois", "Riding Roland"), ("events", "Guided tour"), ("news", "New Wi-Fi at the market")],
    )
    def test_a_german_id_asked_for_in_english_answers_the_english_translation(
        self, client, translated, collection, english_title, django_capture_on_commit_callbacks
    ):
        german = translated[collection]
        english = english_of(german)
        response = api(client, f"{collection}/{german.pk}", locale="en")
        data = response.json()
        assert (data["id"], data["title"], data["locale"], data["is_fallback"]) == (
            english.pk,
            english_title,
            "en",
            False,
        )
        assert response["Content-Language"] == "en"
        assert [t["id"] for t in data["translations"]] == [german.pk]
        german_answer = api(client, f"{collection}/{german.pk}", locale="de").json()  # cached apart
        assert (german_answer["id"], german_answer["is_fallback"]) == (german.pk, False)
        # No language asked: its own.
        assert api(client, f"{collection}/{german.pk}").json()["id"] == german.pk

        with django_capture_on_commit_callbacks(execute=True):
            english.unpublish()  # back to a draft: the German version stands in, and says so
        data = api(client, f"{collection}/{german.pk}", locale="en").json()
        assert (data["id"], data["locale"], data["is_fallback"]) == (german.pk, "de", True)
