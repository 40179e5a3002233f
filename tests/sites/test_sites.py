"""Channels: languages come from configuration; per-site settings validate what editors type."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from wagtail.models import Locale, Site

from sites.models import SiteSettings
from sites.services import sync_locales_from_settings

pytestmark = pytest.mark.django_db


def test_configured_languages_exist_as_locales_after_migrate(locales):
    assert {"de", "en"} <= set(locales)


def test_a_further_language_needs_configuration_only():
    with override_settings(
        WAGTAIL_CONTENT_LANGUAGES=[("de", "Deutsch"), ("en", "English"), ("pl", "Polski")]
    ):
        sync_locales_from_settings()
    assert Locale.objects.filter(language_code="pl").exists()


def test_cors_origins_are_validated_line_by_line():
    settings_obj = SiteSettings(site=Site.objects.get(is_default_site=True))
    settings_obj.cors_allowed_origins = "https://www.haldensleben.de\nhttp://localhost:3000\n"
    settings_obj.full_clean()
    assert settings_obj.cors_origins == ["https://www.haldensleben.de", "http://localhost:3000"]
    for bad, hint in (
        ("ftp://example.org", "Zeile 1"),
        ("https://ok.example\nhttps://x.example/path", "Zeile 2"),
    ):
        settings_obj.cors_allowed_origins = bad
        with pytest.raises(ValidationError) as excinfo:
            settings_obj.full_clean()
        assert hint in str(excinfo.value.message_dict["cors_allowed_origins"])


@pytest.mark.django_db
def test_a_kiosks_coordinates_follow_the_rule_of_places_with_the_message_on_the_field():
    from django.utils import translation

    from sites.models import KioskScreen

    with translation.override("de"):
        half = KioskScreen(name="Bahnhof", slug="bahnhof", latitude="52.28", languages=["de"])
        with pytest.raises(ValidationError) as missing:
            half.full_clean()
        assert missing.value.message_dict["longitude"] == [
            "Geben Sie Breiten- und Längengrad an oder keines von beiden."
        ]
        far = KioskScreen(name="Bahnhof", slug="bahnhof", latitude="95", longitude="11.4", languages=["de"])
        with pytest.raises(ValidationError) as out_of_range:
            far.full_clean()
        assert "latitude" in out_of_range.value.message_dict
