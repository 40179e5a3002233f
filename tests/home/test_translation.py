"""Translating content the way editors do: submit for translation, PO download/upload, publish."""

from datetime import date

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from cms.demo.translation import translate_with_strings
from tests.factories import CategoryFactory
from tests.worlds import tree_per_module
from tourism.models import Category, OpeningHoursException, PointOfInterest

pytestmark = pytest.mark.django_db

# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


@pytest.fixture
def roland(tree, locales):
    museum = CategoryFactory(name="Sehenswürdigkeit", slug="sight")
    poi = tree.poi(
        title="Reitender Roland",
        slug="reitender-roland",
        teaser="Das einzige Reiterstandbild eines Rolands in Deutschland.",
        body=[("paragraph", RichText("<p>Seit 1528 steht er auf dem Markt.</p>"))],
        live=False,
    )
    poi.categories = [museum]
    poi.opening_hours_exceptions = [
        OpeningHoursException(date_from=date(2026, 12, 24), closed=True, reason="christmas_eve")
    ]
    poi.save_revision().publish()
    poi.refresh_from_db()
    return poi


def test_editor_translates_a_page_through_a_po_file(
    admin_client, tree, roland, locales, django_capture_on_commit_callbacks
):
    en = locales["en"]
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[tree.home.pk]),
        {"locales": [en.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    english = PointOfInterest.objects.get(locale=en, translation_key=roland.translation_key)

    translation = Translation.objects.get(source__object_id=roland.translation_key, target_locale=en)
    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download["Content-Type"] == "text/x-gettext-translation"
    po = polib.pofile(download.content.decode())
    answers = {
        "Reitender Roland": "Riding Roland",
        "Das einzige Reiterstandbild eines Rolands in Deutschland.": "Germany's only Roland on horseback.",
        "Seit 1528 steht er auf dem Markt.": "He has stood on the market square since 1528.",
    }
    assert set(answers) <= {entry.msgid for entry in po}
    for entry in po:
        entry.msgstr = answers.get(entry.msgid, "")
    admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("roland-en.po", str(po).encode()), "next": "/admin/"},
    )
    # wagtail-localize publishes when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
        )
    assert response.status_code == 302

    english = PointOfInterest.objects.get(pk=english.pk)
    assert english.live
    assert (english.title, english.teaser) == ("Riding Roland", "Germany's only Roland on horseback.")
    assert "since 1528" in str(english.body[0].value)
    assert english.opening_hours_exceptions.get().reason == "christmas_eve"  # rows are synchronised
    # Synchronised fields follow the source; the German page is untouched.
    assert (english.latitude, list(english.categories.all())) == (
        roland.latitude,
        list(roland.categories.all()),
    )
    assert PointOfInterest.objects.get(pk=roland.pk).title == "Reitender Roland"


def test_translation_can_stay_a_draft_while_the_source_is_live(tree, roland, locales):
    translate_with_strings(tree.home, locales["en"], {"Haldensleben": "Haldensleben"})
    for index in (tree.pois,):
        translate_with_strings(index, locales["en"], {})
    english, missing = translate_with_strings(
        roland, locales["en"], {"Reitender Roland": "Riding Roland"}, publish=False
    )
    assert not english.live and roland.live
    assert english.title == "Riding Roland"
    assert any("teaser" in line for line in missing)  # untranslated strings are reported


def test_categories_are_translatable_snippets_with_a_shared_slug(admin_client, locales):
    category = CategoryFactory(name="Museen", slug="museum", kind="poi", schema_type="Museum")
    response = admin_client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=["tourism", "category", category.pk]),
        {"locales": [locales["en"].pk]},
    )
    assert response.status_code == 302
    english = Category.objects.get(locale=locales["en"], translation_key=category.translation_key)
    assert (english.slug, english.schema_type) == ("museum", "Museum")


def test_admin_is_usable_in_german_and_english(admin_client, django_user_model):
    user = django_user_model.objects.get(username="editor")
    german = admin_client.get(reverse("wagtailadmin_home"))
    assert 'lang="de"' in german.content.decode()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    english = admin_client.get(reverse("wagtailadmin_home"))
    assert 'lang="en"' in english.content.decode()
