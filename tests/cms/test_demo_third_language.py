"""The demo's third language: with Polish configured (`pl:en:de`), load_demo adds the key pages in
it (home, the visitor information, the Roland, and the sights above it) and nothing else; the
other pages fall back to English, then German; /api/v1/locales lists Polish with its chain."""

import pytest
from django.test import override_settings

from cms.demo.loader import DemoLoader
from tests.cms.test_demo_easy_language import small_demo

pytestmark = pytest.mark.django_db

LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("pl", "Polski")]


def test_the_demo_has_its_key_pages_in_polish(client, django_capture_on_commit_callbacks):
    with override_settings(
        LANGUAGES=LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=LANGUAGES, ROLAND_FALLBACKS="pl:en:de"
    ):
        with django_capture_on_commit_callbacks(execute=True):
            DemoLoader(progress=lambda _message: None, data=small_demo()).run()
        pois = client.get("/api/v1/pois", {"locale": "pl"}).json()["items"]
        navigation = client.get("/api/v1/navigation", {"locale": "pl"}).json()
        locales = client.get("/api/v1/locales").json()
    served = {item["locale"]: item for item in pois}
    assert served["pl"]["title"] == "Konny Roland" and served["pl"]["slug"] == "konny-roland"
    assert served["pl"]["translation_outdated"] is False
    assert (served["en"]["is_fallback"], served["en"]["fallback_locale"]) == (True, "en")
    assert len(pois) == 2
    assert (navigation["locale"], navigation["root"]["title"]) == ("pl", "Miasto Haldensleben")
    menu = [child["title"] for child in navigation["root"]["children"]]
    assert "Dojazd i informacje dla gości" in menu and "Zabytki" in menu
    assert {"code": "pl", "name": "Polski", "default": False, "fallbacks": ["en", "de"]} in locales
