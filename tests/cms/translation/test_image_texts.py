"""Image texts machine-translated on request, from the image's edit page, against the stand-in."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cms.translation.models import GlossaryTerm
from media.models import ImageText
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(locales):
    GlossaryTerm.objects.create(term="Kulturfabrik", keep=True)
    return ImageFactory(alt_text="Die Kulturfabrik am Markt", caption="Der Wochenmarkt")


def post(client, image) -> list[tuple[str, str]]:
    response = client.post(reverse("roland_image_texts", args=[image.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailimages:edit", args=[image.pk])
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def test_the_image_editor_leads_to_the_machine_translation_of_its_texts(admin_client, image, use_translator):
    use_translator("libretranslate")
    edit = admin_client.get(reverse("wagtailimages:edit", args=[image.pk])).content.decode()
    assert reverse("roland_image_texts", args=[image.pk]) in edit
    assert "Bildtexte maschinell übersetzen" in edit
    confirm = admin_client.get(reverse("roland_image_texts", args=[image.pk])).content.decode()
    assert "English" in confirm and "Maschinell übersetzen" in confirm


def test_without_an_engine_there_is_no_way_there(admin_client, image):
    edit = admin_client.get(reverse("wagtailimages:edit", args=[image.pk])).content.decode()
    assert reverse("roland_image_texts", args=[image.pk]) not in edit
    assert admin_client.post(reverse("roland_image_texts", args=[image.pk])).status_code == 404


def test_missing_texts_are_filled_and_written_ones_kept(admin_client, image, use_translator, standin):
    use_translator("libretranslate")
    [(level, text)] = post(admin_client, image)
    assert level == "success" and "English" in text
    english = ImageText.objects.get(image=image, locale__language_code="en")
    assert (english.alt_text, english.caption) == (
        "[EN] The Kulturfabrik at the market",
        "[EN] The weekly market",
    )
    assert image.texts_for("en") == ("[EN] The Kulturfabrik at the market", "[EN] The weekly market")

    # An editor's own text stays; only the empty caption is asked for.
    english.alt_text, english.caption = "The Kulturfabrik by the market square", ""
    english.save()
    standin.requests.clear()
    post(admin_client, image)
    english.refresh_from_db()
    assert (english.alt_text, english.caption) == (
        "The Kulturfabrik by the market square",
        "[EN] The weekly market",
    )
    assert standin.requests[0]["body"]["q"] == ["Der Wochenmarkt"]


@pytest.mark.parametrize("failure", ["timeout", 456, "garbage"])
def test_a_failing_service_saves_no_image_text(admin_client, image, use_translator, standin, failure):
    use_translator("deepl", key="stand-in-key", timeout=0.5)
    standin.fail = failure
    [(level, text)] = post(admin_client, image)
    assert level == "error"
    assert (
        text.startswith("Maschinelle Übersetzung fehlgeschlagen: ")
        and "Es wurde kein Bildtext gespeichert." in text
    )
    assert not ImageText.objects.filter(image=image).exists()


def test_only_editors_of_the_image_may_translate_its_texts(client, django_user_model, image, use_translator):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    use_translator("libretranslate")
    response = client.post(reverse("roland_image_texts", args=[image.pk]))
    # Wagtail's admin answers a refused permission with its home page and a message.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not ImageText.objects.exists()
