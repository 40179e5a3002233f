"""The demo in Leichte Sprache: with `de-x-ls` configured, load_demo adds the key pages in it (home,
the visitor information, the Roland) and nothing else; the other pages fall back to German."""

from dataclasses import replace

import pytest
from django.test import override_settings

from cms.demo.data import load as load_data
from cms.demo.loader import DemoLoader

pytestmark = pytest.mark.django_db

LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("de-x-ls", "Leichte Sprache")]


def small_demo():
    """The visitor information page and the Roland (with the categories they name), no more: the
    whole demo takes long to load, and these are the pages Leichte Sprache is about."""
    data = load_data()
    roland = {**next(item for item in data.pois if item["key"] == "reitender-roland"), "related": []}
    museum = next(
        item for item in data.pois if item["key"] != "reitender-roland" and "de-x-ls" not in item["title"]
    )
    museum = {**museum, "related": []}
    pages = [item for item in data.standard_pages if item["key"] in {"anreise", "impressum"}]
    wanted = {slug for item in (roland, museum) for slug in item.get("categories", [])}
    categories = [item for item in data.categories if item["kind"] != "poi" or item["slug"] in wanted]
    return replace(
        data,
        categories=categories,
        organizers=[],
        standard_pages=pages,
        pois=[roland, museum],
        events=[],
        news=[],
        kiosks=[],
        synonyms={},
    )


def test_the_demo_has_its_key_pages_in_leichte_sprache(client, django_capture_on_commit_callbacks):
    with override_settings(
        LANGUAGES=LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=LANGUAGES, ROLAND_FALLBACKS="de-x-ls:de"
    ):
        with django_capture_on_commit_callbacks(execute=True):
            DemoLoader(progress=lambda _message: None, data=small_demo()).run()
        pois = client.get("/api/v1/pois", {"locale": "de-x-ls"}).json()["items"]
        navigation = client.get("/api/v1/navigation", {"locale": "de-x-ls"}).json()
        locales = client.get("/api/v1/locales").json()
    served = {item["locale"]: item["title"] for item in pois}
    assert served["de-x-ls"] == "Der Roland auf dem Pferd"
    assert len(pois) == 2 and [item["fallback_locale"] for item in pois if item["locale"] == "de"] == ["de"]
    assert (navigation["locale"], navigation["root"]["title"]) == ("de-x-ls", "Die Stadt Haldensleben")
    menu = [child["title"] for child in navigation["root"]["children"]]
    assert "So kommen Sie nach Haldensleben" in menu and "Impressum" not in menu  # no text: not copied
    assert {"code": "de-x-ls", "name": "Leichte Sprache", "default": False, "fallbacks": ["de"]} in locales
