"""The "Maschinell übersetzen" action in the translation editor, against the translator stand-in.

Through the real wagtail-localize views with the Django client: every string pre-filled, the glossary
kept (a protected term verbatim, a fixed term in its translation), nothing published, and each
failure of the service a German message with the strings left empty.
"""

from __future__ import annotations

import html

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from cms.translation.models import DeepLGlossary, GlossaryTerm, GlossaryTranslation
from cms.translation.translators import DeepLTranslator
from tests.factories import SiteTree
from tests.worlds import built_once, fresh
from tourism.models import PointOfInterest

pytestmark = pytest.mark.django_db

TEASER = "Der Wochenmarkt ist jeden Samstag am Bülstringer Tor."
BODY = "Die Kulturfabrik steht seit 1528 auf dem Markt."


def _build():
    tree = SiteTree()
    poi = tree.poi(title="Bülstringer Tor", slug="buelstringer-tor", teaser=TEASER, live=False)
    poi.body = [("paragraph", RichText(f"<p>{BODY}</p>"))]
    poi.save_revision().publish()
    for term in ("Bülstringer Tor", "Kulturfabrik", "Roland"):
        GlossaryTerm.objects.create(term=term, keep=True)
    market = GlossaryTerm.objects.create(term="Wochenmarkt", keep=False)
    GlossaryTranslation.objects.create(entry=market, language="en", text="farmers' market")
    GlossaryTerm.objects.create(term="Stadtwerke", keep=True)  # not in the page
    user = get_user_model().objects.create_superuser("world", "world@example.org", "pw")
    from wagtail.models import Locale

    creator = TranslationCreator(user, [Locale.objects.get(language_code="en")])
    for page in (tree.home, tree.pois, poi):
        creator.create_translations(page)
    translation = Translation.objects.get(
        source__object_id=poi.translation_key, target_locale__language_code="en"
    )
    return {"poi": poi, "translation": translation}


world = built_once(_build)


@pytest.fixture
def translation(world):
    return fresh(world["translation"])


def english(translation) -> PointOfInterest:
    return PointOfInterest.objects.get(
        translation_key=translation.source.object_id, locale=translation.target_locale
    )


def run_action(client, translation) -> list[tuple[str, str]]:
    edit_url = reverse("wagtailadmin_pages:edit", args=[english(translation).pk])
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url}
    )
    assert response.status_code == 302
    assert response["Location"] == edit_url
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def translated(translation) -> dict[str, str]:
    """Source text → translated text (plain, unescaped) of every string of the page."""
    rows = StringTranslation.objects.filter(
        locale=translation.target_locale, context__object=translation.source.object
    )
    return {
        html.unescape(row.translation_of.data): html.unescape(row.data)
        for row in rows.select_related("translation_of")
    }


def source_strings(translation) -> set[str]:
    return {
        html.unescape(data)
        for data in StringSegment.objects.filter(source=translation.source).values_list(
            "string__data", flat=True
        )
    }


def test_libretranslate_prefills_every_string_keeps_the_glossary_and_publishes_nothing(
    admin_client, translation, use_translator, standin
):
    use_translator("libretranslate")
    messages = run_action(admin_client, translation)

    assert messages == [("success", "Erfolgreich übersetzt mit LibreTranslate.")]
    strings = translated(translation)
    assert set(strings) == source_strings(translation)
    assert all(text.startswith("[EN] ") for text in strings.values())
    # A protected term verbatim, a fixed term in its translation, the rest through the engine.
    assert strings["Bülstringer Tor"] == "[EN] Bülstringer Tor"
    assert strings[TEASER] == "[EN] The farmers' market is every Saturday at the Bülstringer Tor."
    assert strings[BODY] == "[EN] The Kulturfabrik stands since 1528 on the market."
    assert '<span translate="no">Bülstringer Tor</span>' in standin.requests[0]["body"]["q"][0]
    assert "api_key" not in standin.requests[0]["body"]  # no key configured, none sent
    page = english(translation)
    assert not page.live and page.live_revision is None
    assert all(
        row.translation_type == "machine"
        for row in StringTranslation.objects.filter(locale=translation.target_locale)
    )


def test_without_the_glossary_the_stand_in_would_translate_the_terms(
    admin_client, translation, use_translator
):
    GlossaryTerm.objects.all().delete()
    use_translator("libretranslate")
    run_action(admin_client, translation)
    strings = translated(translation)
    assert strings["Bülstringer Tor"] == "[EN] Bülstringer Gate"
    assert "weekly market" in strings[TEASER]


def test_a_second_run_leaves_what_is_translated(admin_client, translation, use_translator, standin):
    use_translator("libretranslate", key="secret")
    run_action(admin_client, translation)
    assert standin.requests[0]["body"]["api_key"] == "secret"
    # (the first run's message is still unread, so it comes along)
    assert run_action(admin_client, translation)[-1] == ("warning", "Es ist nichts zum Übersetzen übrig.")
    assert len(standin.requests) == 1


def test_deepl_at_the_configured_url_uses_one_glossary_until_it_changes(
    admin_client, translation, use_translator, standin
):
    use_translator("deepl", key="stand-in-key")
    assert run_action(admin_client, translation) == [("success", "Erfolgreich übersetzt mit DeepL.")]
    strings = translated(translation)
    assert strings["Bülstringer Tor"] == "[EN] Bülstringer Tor"
    assert strings[TEASER] == "[EN] The farmers' market is every Saturday at the Bülstringer Tor."
    paths = [(request["method"], request["path"]) for request in standin.requests]
    assert paths == [("POST", "/v2/glossaries"), ("POST", "/v2/translate")]
    created, translate = standin.requests
    assert created["body"]["source_lang"] == "de" and created["body"]["target_lang"] == "en"
    assert "Wochenmarkt\tfarmers' market" in created["body"]["entries"]
    assert translate["headers"]["Authorization"] == "DeepL-Auth-Key stand-in-key"
    assert translate["body"]["target_lang"] == "EN-GB" and translate["body"]["tag_handling"] == "xml"
    first_glossary = translate["body"]["glossary_id"]
    assert DeepLGlossary.objects.get().glossary_id == first_glossary

    # Unchanged entries: the same glossary, not made again.
    StringTranslation.objects.filter(locale=translation.target_locale).delete()
    standin.requests.clear()
    run_action(admin_client, translation)
    assert [request["path"] for request in standin.requests] == ["/v2/translate"]
    assert standin.requests[0]["body"]["glossary_id"] == first_glossary

    # A changed entry: a new glossary, the old one deleted at DeepL.
    GlossaryTranslation.objects.filter(text="farmers' market").update(text="market day")
    StringTranslation.objects.filter(locale=translation.target_locale).delete()
    standin.requests.clear()
    run_action(admin_client, translation)
    assert [(r["method"], r["path"]) for r in standin.requests] == [
        ("POST", "/v2/glossaries"),
        ("DELETE", f"/v2/glossaries/{first_glossary}"),
        ("POST", "/v2/translate"),
    ]
    assert list(standin.glossaries) == [DeepLGlossary.objects.get().glossary_id]
    assert "market day" in translated(translation)[TEASER]

    # The glossary deleted at DeepL (in its console): made again, the translation goes through.
    standin.glossaries.clear()
    StringTranslation.objects.filter(locale=translation.target_locale).delete()
    standin.requests.clear()
    assert run_action(admin_client, translation)[-1][0] == "success"
    assert [request["path"] for request in standin.requests] == [
        "/v2/translate",
        "/v2/glossaries",
        "/v2/translate",
    ]
    assert standin.requests[-1]["body"]["glossary_id"] == DeepLGlossary.objects.get().glossary_id
    assert "market day" in translated(translation)[TEASER]


def test_deepl_without_a_glossary_for_the_pair_protects_the_terms_by_tags(
    admin_client, translation, use_translator, standin
):
    standin.glossary_pairs = set()
    try:
        use_translator("deepl", key="stand-in-key")
        run_action(admin_client, translation)
    finally:
        standin.glossary_pairs = {("de", "en")}
    strings = translated(translation)
    assert strings["Bülstringer Tor"] == "[EN] Bülstringer Tor"
    assert strings[TEASER] == "[EN] The farmers' market is every Saturday at the Bülstringer Tor."
    translate = standin.requests[-1]["body"]
    assert translate["ignore_tags"] == ["roland-keep"] and "glossary_id" not in translate
    assert not DeepLGlossary.objects.exists()


@pytest.mark.parametrize("engine", ["libretranslate", "deepl"])
@pytest.mark.parametrize(
    ("failure", "says"),
    [
        ("timeout", "hat nicht rechtzeitig geantwortet"),
        (403, "hat den Zugangsschlüssel abgelehnt (HTTP 403)"),
        (456, "Übersetzungskontingent von"),
        (500, "hat selbst ein Problem (HTTP 500)"),
        ("garbage", "hat eine unlesbare Antwort geschickt"),
    ],
)
def test_a_failing_service_leaves_the_strings_empty_with_a_german_message(
    admin_client, translation, use_translator, standin, engine, failure, says
):
    use_translator(engine, key="stand-in-key", timeout=0.5)
    standin.fail = failure
    messages = run_action(admin_client, translation)

    assert len(messages) == 1
    level, text = messages[0]
    assert level == "error"
    assert text.startswith("Maschinelle Übersetzung fehlgeschlagen: ")
    assert says in text
    assert "Die Texte bleiben leer" in text
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()
    page = english(translation)
    assert not page.live and page.live_revision is None

    # Saving is not blocked: the editor translates a string by hand.
    standin.fail = None
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    response = admin_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=Bülstringer+Tor",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201


def test_an_unreachable_service_is_a_message_too(admin_client, translation, use_translator):
    use_translator("libretranslate", url="http://127.0.0.1:9", timeout=0.5)
    [(level, text)] = run_action(admin_client, translation)
    assert level == "error" and "LibreTranslate ist nicht erreichbar." in text


def test_the_dummy_keeps_the_glossary_without_any_network(admin_client, translation, use_translator, standin):
    use_translator("dummy")
    assert run_action(admin_client, translation)[0][0] == "success"
    strings = translated(translation)
    assert strings["Bülstringer Tor"] == "Bülstringer Tor"
    assert (
        strings[TEASER] == "Der farmers' market am Samstag jeden ist Bülstringer Tor."
    )  # words reversed between terms
    assert standin.requests == []


def test_the_editor_sees_the_glossary_terms_of_the_source(admin_client, translation, use_translator):
    use_translator("libretranslate")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english(translation).pk]))
    assert response.status_code == 200
    content = response.content.decode()
    note = content[
        content.index("roland-glossary-note") : content.index(
            "</section>", content.index("roland-glossary-note")
        )
    ]
    assert "Glossarbegriffe in diesem Text" in note
    assert "Bülstringer Tor" in note and "Kulturfabrik" in note
    assert "farmers&#x27; market" in note  # the fixed English translation
    assert "Stadtwerke" not in note and "Roland" not in note  # glossary terms absent from this page
    assert "js-translation-editor" in content  # wagtail-localize's editor is still there


def test_the_deepl_endpoint_follows_the_configuration():
    assert DeepLTranslator({"URL": "https://deepl.example/", "API_KEY": "k"}).get_api_endpoint() == (
        "https://deepl.example/v2/translate"
    )
    assert (
        DeepLTranslator({"URL": "", "API_KEY": "abc:fx"}).get_api_endpoint()
        == "https://api-free.deepl.com/v2/translate"
    )
    assert (
        DeepLTranslator({"URL": "", "API_KEY": "abc"}).get_api_endpoint()
        == "https://api.deepl.com/v2/translate"
    )


@pytest.mark.parametrize("failure", [None, 456])
def test_updating_translations_with_machine_translation_saves_the_update_even_when_the_service_fails(
    admin_client, world, translation, use_translator, standin, failure, django_capture_on_commit_callbacks
):
    poi = fresh(world["poi"])
    poi.teaser = "Der Wochenmarkt ist jeden Samstag."
    poi.save_revision().publish()
    use_translator("libretranslate", timeout=0.5)
    standin.fail = failure
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
            {"use_machine_translation": "on", "publish_translations": "on"},
        )
    assert response.status_code == 302
    messages = [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]
    assert "Der Wochenmarkt ist jeden Samstag." in source_strings(translation)  # the update is saved
    page = english(translation)
    if failure:
        assert ("error", messages[0][1]) == messages[0] and "aufgebraucht (HTTP 456)" in messages[0][1]
        assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()
        assert not page.live  # "publish immediately" is not done on machine texts that did not come
    else:
        assert translated(translation)["Der Wochenmarkt ist jeden Samstag."] == (
            "[EN] The farmers' market is every Saturday."
        )
        assert page.live  # what the editor asked for, with the machine's texts


def test_the_glossary_note_costs_the_same_queries_for_a_larger_glossary(
    admin_client, translation, use_translator
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    use_translator("libretranslate")
    url = reverse("wagtailadmin_pages:edit", args=[english(translation).pk])
    admin_client.get(url)  # caches warmed
    with CaptureQueriesContext(connection) as small:
        admin_client.get(url)
    for number in range(30):
        term = GlossaryTerm.objects.create(term=f"Begriff {number}", keep=False)
        GlossaryTranslation.objects.create(entry=term, language="en", text=f"term {number}")
    with CaptureQueriesContext(connection) as large:
        admin_client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_only_the_translation_editor_may_use_inline_styles(admin_client, world, translation):
    """Its script (styled-components) inserts <style> elements; under `style-src 'self'` it stayed blank."""
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english(translation).pk]))
    source = admin_client.get(reverse("wagtailadmin_pages:edit", args=[world["poi"].pk]))
    assert "js-translation-editor" in editor.content.decode()
    assert "style-src 'self' 'unsafe-inline'" in editor["Content-Security-Policy"]
    assert "'unsafe-inline'" not in source["Content-Security-Policy"].split("style-src")[1].split(";")[0]
