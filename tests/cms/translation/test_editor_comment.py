"""The translation editor's note under each translated string names its date in the admin's language."""

from datetime import datetime

import pytest
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from cms.core.timezone import LOCAL_TZ
from cms.demo.translation import translate_with_strings

pytestmark = pytest.mark.django_db


def test_the_note_under_a_string_names_a_german_month(tree):
    poi = tree.poi(title="Reitender Roland")
    translate_with_strings(tree.home, Locale.objects.get(language_code="en"), {})
    translate_with_strings(tree.pois, Locale.objects.get(language_code="en"), {})
    translate_with_strings(poi, Locale.objects.get(language_code="en"), {"Reitender Roland": "Riding Roland"})
    string = StringTranslation.objects.get(data="Riding Roland")
    StringTranslation.objects.filter(pk=string.pk).update(
        updated_at=datetime(2026, 12, 3, 10, tzinfo=LOCAL_TZ)
    )
    string.refresh_from_db()
    with translation.override("de"):
        german = string.get_comment()
    with translation.override("en"):
        english = string.get_comment()
    assert german.endswith("am 3. Dezember 2026") and german.startswith("Übersetzt mit ")
    assert "December" not in german
    assert english.endswith("Dec. 3, 2026")
