"""Issue 18 item 4: a translation whose source text changed after it was published is *veraltet*:
listed in the admin overview, and flagged `translation_outdated` in every API answer that carries it
(list, detail, search, export); a change that is not text (it follows the source by itself) is not."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.test import TestCase
from wagtail.models import Locale

from cms.core import translations
from cms.demo.translation import translate_with_strings
from cms.translation import selectors
from media.models import ImageText
from tests.factories import ImageFactory, SiteTree
from tests.querycount import count_api_queries
from tests.worlds import built_once, fresh

pytestmark = pytest.mark.django_db

ROLAND_DE = {"Reitender Roland": "Riding Roland", "roland": "roland-en"}
ROLAND_TEASER = "Das einzige Reiterstandbild eines Rolands in Deutschland."
ROLAND_STRINGS = {**ROLAND_DE, ROLAND_TEASER: "The only equestrian statue of a Roland in Germany."}


def build_world() -> dict:
    """Fifty German places, the Roland (and two more) translated to English and live in both."""
    tree = SiteTree()
    en = Locale.objects.get(language_code="en")
    translate_with_strings(tree.home, en, {})
    translate_with_strings(tree.pois, en, {"orte": "places"})
    roland = tree.poi(title="Reitender Roland", slug="roland")
    translate_with_strings(roland, en, ROLAND_STRINGS)
    for number in range(2):
        place = tree.poi(title=f"Brunnen {number}", slug=f"brunnen-{number}")
        translate_with_strings(place, en, {f"Brunnen {number}": f"Fountain {number}"})
    for number in range(47):
        tree.poi(title=f"Ort {number:02}", slug=f"ort-{number:02}")
    described = ImageFactory(title="Markt", alt_text="Der Markt", caption="Am Markt")
    ImageText.objects.create(image=described, locale=en, alt_text="The market", caption="At the market")
    half = ImageFactory(title="Rathaus", alt_text="Das Rathaus", caption="Seit 1823")
    ImageText.objects.create(image=half, locale=en, alt_text="The town hall")  # no caption
    bare = ImageFactory(title="Brunnen", alt_text="Der Brunnen")
    return {"tree": tree, "roland": roland, "images": {"described": described, "half": half, "bare": bare}}


_world = built_once(build_world)


@pytest.fixture
def world(_world) -> dict:
    return fresh(_world)


def english(page):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code="en")


def publish_change(page, **fields) -> None:
    draft = page.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    with TestCase.captureOnCommitCallbacks(execute=True):
        draft.save_revision().publish()


def flags(client, page) -> dict[str, bool]:
    """The flag of the English version of `page` in each kind of answer."""
    target = english(page)
    listed = client.get("/api/v1/pois", {"locale": "en", "limit": 100}).json()["items"]
    detail = client.get(f"/api/v1/pois/{target.pk}", {"locale": "en"}).json()
    found = client.get("/api/v1/search", {"q": target.title, "locale": "en"}).json()["items"]
    response = client.get("/api/v1/export/pois.ndjson", {"locale": "en"})
    exported = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()[1:]]
    return {
        "list": next(item for item in listed if item["id"] == target.pk)["translation_outdated"],
        "detail": detail["translation_outdated"],
        "search": next(item for item in found if item["id"] == target.pk)["translation_outdated"],
        "export": next(item for item in exported if item["id"] == target.pk)["translation_outdated"],
    }


def outdated_pairs(locale_code: str = "en") -> set:
    locale = Locale.objects.get(language_code=locale_code)
    return set(translations.outdated_keys([locale.pk]))


def test_outdated_change_a_source_string_the_translation_is_listed_and_the_api_flag_flips(client, world):
    roland = world["roland"]
    key = (roland.translation_key, Locale.objects.get(language_code="en").pk)
    assert flags(client, roland) == dict.fromkeys(("list", "detail", "search", "export"), False)
    assert key not in outdated_pairs()

    publish_change(roland, teaser="Das einzige Reiterstandbild eines Rolands, seit 1528 am Markt.")

    assert key in outdated_pairs()
    assert flags(client, roland) == dict.fromkeys(("list", "detail", "search", "export"), True)
    german = client.get(f"/api/v1/pois/{roland.pk}", {"locale": "de"}).json()
    assert german["translation_outdated"] is False  # the source itself is never outdated

    # The translator takes the new text and publishes: up to date again.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_with_strings(
            roland, Locale.objects.get(language_code="en"), {**ROLAND_DE, german["teaser"]: "Since 1528."}
        )
    assert key not in outdated_pairs()
    assert flags(client, roland) == dict.fromkeys(("list", "detail", "search", "export"), False)


def test_a_change_that_is_not_text_follows_the_source_and_leaves_the_translation_up_to_date(client, world):
    roland = world["roland"]
    before = english(roland).last_published_at
    publish_change(roland, is_free=True, latitude="52.289400")
    target = english(roland)
    assert target.is_free and target.last_published_at > before  # it followed the source, published
    assert flags(client, roland) == dict.fromkeys(("list", "detail", "search", "export"), False)


def test_a_text_change_and_a_non_text_change_in_one_publish_is_outdated(client, world):
    roland = world["roland"]
    publish_change(roland, is_free=True, title="Der Reitende Roland")
    assert english(roland).is_free  # the date-like field followed; the text did not
    assert flags(client, roland)["detail"] is True


def test_the_flag_costs_the_same_queries_for_5_items_as_for_50(client, world):
    publish_change(world["roland"], teaser="Neu.")
    few = count_api_queries(client, "/api/v1/pois", {"locale": "en", "limit": 5})
    many = count_api_queries(client, "/api/v1/pois", {"locale": "en", "limit": 50})
    assert few == many
    page = client.get("/api/v1/pois", {"locale": "en", "limit": 50}).json()
    assert len(page["items"]) == 50
    assert [item["id"] for item in page["items"] if item["translation_outdated"]] == [
        english(world["roland"]).pk
    ]


# --- the overview (Übersetzung → Übersetzungen) ------------------------------------------------------


@pytest.fixture
def office(client, django_user_model):
    user = django_user_model.objects.create_superuser("buero", "buero@example.org", "pw")
    client.force_login(user)
    return client


def test_pages_missing_translation_are_the_live_pages_without_a_live_translation(world):
    de, en = Locale.objects.get(language_code="de"), Locale.objects.get(language_code="en")
    missing = selectors.pages_missing_translation(de, en)
    titles = [page.title for page in missing if page.get_site() is not None]  # not Wagtail's welcome page
    assert "Reitender Roland" not in titles and "Brunnen 0" not in titles
    assert titles[:2] == ["Ort 00", "Ort 01"]  # in tree order
    assert {"Veranstaltungen", "Aktuelles", "Ort 46"} <= set(titles) and len(titles) == 2 + 47
    english(world["roland"]).unpublish()
    assert "Reitender Roland" in selectors.pages_missing_translation(de, en).values_list("title", flat=True)


def test_images_missing_texts_are_those_machine_translation_would_fill(world):
    en = Locale.objects.get(language_code="en")
    images = {name: image.pk for name, image in world["images"].items()}
    assert set(selectors.images_missing_texts(en).values_list("pk", flat=True)) >= {
        images["half"],
        images["bare"],
    }
    assert images["described"] not in selectors.images_missing_texts(en).values_list("pk", flat=True)


def test_the_overview_lists_missing_outdated_with_changed_words_and_images(office, world):
    roland = world["roland"]
    publish_change(roland, teaser="Das einzige Reiterstandbild eines Rolands, seit 1528 am Markt.")
    response = office.get("/admin/translations/", {"locale": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    missing = selectors.pages_missing_translation(Locale.get_default(), english(roland).locale).count()
    assert f"{missing} veröffentlichte Seiten ohne veröffentlichte Übersetzung (English)" in html
    assert "1 veraltete Übersetzung" in html
    assert f'href="/admin/pages/{english(roland).pk}/edit/"' in html
    assert f'href="/admin/localize/submit/page/{world["tree"].events.pk}/"' in html
    # the changed words of the teaser: old text, new text with what changed marked
    assert ROLAND_TEASER in html
    assert "Rolands <del>in Deutschland.</del><ins>, seit 1528 am Markt.</ins>" not in html  # words, not text
    assert "Rolands<del> in Deutschland.</del><ins>, seit 1528 am Markt.</ins>" not in html
    assert "eines <del>Rolands in Deutschland.</del><ins>Rolands, seit 1528 am Markt.</ins>" in html
    assert "2 Bilder ohne Bildtexte (English)" in html
    assert f"/admin/image_texts/new/?image={world['images']['bare'].pk}&amp;locale=" in html


def test_changed_strings_name_the_old_and_the_new_source_text(world):
    roland = world["roland"]
    publish_change(roland, teaser="Ein neuer Text.", title="Der Reitende Roland")
    en = Locale.objects.get(language_code="en")
    outdated = selectors.outdated_of(list(selectors.outdated_pages(en)), en)
    (item,) = outdated
    assert item.source_page.pk == roland.pk
    changes = {
        change.field: (change.old, change.new)
        for change in selectors.changed_strings(outdated)[item.translation.pk]
    }
    assert changes == {
        "title": ("Reitender Roland", "Der Reitende Roland"),
        "teaser": (ROLAND_TEASER, "Ein neuer Text."),
    }
    assert str(selectors.highlight("Reitender Roland", "Der Reitende Roland")) == (
        "<del>Reitender</del><ins>Der Reitende</ins> Roland"
    )


def test_the_overview_and_its_panels_are_for_translators_only(client, django_user_model, world):
    user = django_user_model.objects.create_user("gast", "gast@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/translations/")
    assert (response.status_code, response.get("Location")) == (302, "/admin/")  # Wagtail's "no permission"
    home = client.get("/admin/").content.decode()
    assert "Items missing a translation" not in home and "Einträge ohne Übersetzung" not in home


def test_the_dashboard_panels_count_per_language_and_link_to_the_overview(office, world):
    html = office.get("/admin/").content.decode()
    assert "Einträge ohne Übersetzung" in html and "Bilder ohne Alternativtext in einer Sprache" in html
    missing = selectors.pages_missing_translation(
        Locale.get_default(), english(world["roland"]).locale
    ).count()
    assert f'href="/admin/translations/?locale=en#missing">English: {missing} Seiten</a>' in html
    assert 'href="/admin/translations/?locale=en#images">English: 2 Bilder</a>' in html
