"""Translations as editors make them (wagtail-localize's admin views), and what the public sees of them.

An untranslated copy never goes live on its own; what is not text follows the German source on
publish (in every channel, in the same publish); a detail asked for in a language answers that
language's version when there is one.
"""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.models import TranslationSource

from cms.demo.translation import translate_with_strings
from sites.models import KioskScreen, WebhookDelivery, WebhookSubscription
from sites.models.webhooks import WebhookEvent
from tourism.models import Event, NewsArticle, PointOfInterest

pytestmark = pytest.mark.django_db

MARKET = ("52.289300", "11.408500")


def english_of(page):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code="en")


def api(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    assert response.status_code == 200, response.content[:300]
    return response


# --- 2. "Diese Seite übersetzen" does not put German text live as English --------------------------


@pytest.fixture
def submitted(admin_client, tree, locales, django_capture_on_commit_callbacks):
    """A live German place and article, then the whole German site submitted for translation."""
    poi = tree.poi(title="Reitender Roland", slug="roland")
    article = tree.news_article(title="Neues WLAN am Markt", slug="wlan", date=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[tree.home.pk]),
            {"locales": [locales["en"].pk], "include_subtree": "on"},
        )
    assert response.status_code == 302
    return poi, article


def test_a_copy_submitted_for_translation_stays_a_draft_and_the_source_is_served(client, submitted):
    poi, article = submitted
    assert not english_of(poi).live and not english_of(article).live
    (item,) = api(client, "pois", locale="en").json()["items"]
    assert (item["id"], item["locale"], item["is_fallback"]) == (poi.pk, "de", True)
    (news,) = api(client, "news", locale="en").json()["items"]
    assert (news["id"], news["locale"], news["is_fallback"]) == (article.pk, "de", True)
    rss = api(client, "news.rss", locale="en").content.decode()
    assert "<guid isPermaLink=\"true\">http://testserver/aktuelles/wlan/</guid>" in rss
    assert "/en/" not in rss and rss.count("<item>") == 1
    assert client.get(f"/api/v1/pois/{english_of(poi).pk}").status_code == 404  # the draft is not public


def test_the_translation_goes_live_when_the_editor_publishes_it_and_a_sync_keeps_it_live(
    admin_client, client, submitted, django_capture_on_commit_callbacks
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
        response = admin_client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    assert english_of(poi).live
    (item,) = api(client, "pois", locale="en").json()["items"]
    assert (item["id"], item["is_fallback"]) == (english.pk, False)
