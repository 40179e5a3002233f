"""The admin in German: the main screens, rendered for an editor whose language is German, show none
of the English leftovers the office found (Wagtail's own German keeps some, and its data names the
groups and the review in English); groups and review carry German names."""

import html
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Task, Workflow
from wagtail.users.models import UserProfile

from cms.demo.translation import translate_with_strings
from sites.groups import EDITOR_GROUP, MODERATOR_GROUP, REVIEW_TASK, REVIEW_WORKFLOW
from tests.factories import CategoryFactory, ImageFactory, SiteTree
from tests.worlds import built_once, fresh
from tourism.models import Organizer

pytestmark = pytest.mark.django_db

LEFTOVERS = [
    "Locale",
    "Locales",
    "More actions",
    "Update",
    "Deutsch to English translation",
    "Editors",
    "Moderators",
    "Moderators approval",
    "In Moderators approval einreichen",
    "Add a locale",
    "Actions",
    "Sign in to Wagtail",
]


def build() -> dict:
    tree = SiteTree()
    poi = tree.poi(title="Reitender Roland")
    english = Locale.objects.get(language_code="en")
    translate_with_strings(tree.home, english, {})
    translate_with_strings(tree.pois, english, {})
    return {
        "tree": tree,
        "poi": poi,
        "english_poi": translate_with_strings(poi, english, {"Reitender Roland": "Riding Roland"})[0],
        "event": tree.event(title="Stadtführung"),
        "category": CategoryFactory(name="Museen"),
        "organizer": Organizer.objects.create(name="Stadtmarketing"),
        "image": ImageFactory(title="Marktplatz"),
    }


world = built_once(build)


@pytest.fixture
def w(world):
    return fresh(world)


@pytest.fixture
def german_admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("leitung", "leitung@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(user)
    return client


def screens(w) -> list[str]:
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[w["tree"].events.pk]),
        reverse("wagtailadmin_pages:edit", args=[w["event"].pk]),
        reverse("wagtailadmin_pages:edit", args=[w["poi"].pk]),
        # A page with a translation: its status panel switches between the languages.
        reverse("wagtailadmin_pages:edit", args=[w["english_poi"].pk]),
        reverse("wagtailadmin_pages:add", args=["tourism", "event", w["tree"].events.pk]),
        reverse("wagtailadmin_pages:search") + "?q=Roland",
        reverse("wagtailsnippets_tourism_category:list"),
        reverse("wagtailsnippets_tourism_category:edit", args=[w["category"].pk]),
        reverse("wagtailsnippets_tourism_organizer:list"),
        reverse("wagtailsnippets_tourism_organizer:edit", args=[w["organizer"].pk]),
        reverse("image_texts:index"),
        reverse("image_texts:add"),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:edit", args=[w["image"].pk]),
        reverse("kiosks:index"),
        reverse("kiosk-notices:index"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_groups:edit", args=[Group.objects.get(name=EDITOR_GROUP).pk]),
        reverse("wagtaillocales:index"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtail_localize:translations_report"),
    ]


def visible_texts(page: str) -> set[str]:
    """What a reader sees or hears: text between tags, and labels, titles, placeholders, buttons."""
    page = re.sub(r"<(script|style|template)\b.*?</\1>", " ", page, flags=re.S)
    texts = {html.unescape(t).strip() for t in re.split(r"<[^>]+>", page)}
    texts |= {
        html.unescape(t).strip()
        for t in re.findall(r'\b(?:aria-label|title|placeholder|value|alt)="([^"]*)"', page)
    }
    return {t for t in texts if t}


def leftovers_in(texts: set[str]) -> set[str]:
    return {
        word
        for word in LEFTOVERS
        for text in texts
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
    }


def lowercased_type_names(texts: set[str]) -> set[str]:
    """Wagtail puts a type's name in lower case into some sentences ("dieses seite-Objekt")."""
    return {match for text in texts for match in re.findall(r"\b[a-zäöü]\w*-Objekt\w*", text)}


def test_the_check_finds_english_leftovers():
    assert leftovers_in({"Locale:", "In Moderators approval einreichen", "Mehr"}) == {
        "Locale",
        "Moderators",
        "Moderators approval",
        "In Moderators approval einreichen",
    }
    assert lowercased_type_names({"Jeder kann dieses seite-Objekt bearbeiten", "Seite-Objekt"}) == {
        "seite-Objekt"
    }


def test_the_main_screens_show_no_english_leftovers(w, german_admin):
    found = {}
    for url in screens(w):
        response = german_admin.get(url)
        assert response.status_code == 200, url
        texts = visible_texts(response.content.decode())
        left = leftovers_in(texts) | lowercased_type_names(texts)
        if left:
            found[url] = sorted(left)
    assert found == {}


def test_the_group_permission_table_names_languages_in_german(w, german_admin):
    # Wagtail's Locale model has no verbose name of its own: the table headed its row "Locale".
    url = reverse("wagtailusers_groups:edit", args=[Group.objects.get(name=EDITOR_GROUP).pk])
    page = german_admin.get(url).content.decode()
    assert "<h3>Sprache</h3>" in page
    assert "<h3>Locale</h3>" not in page


def test_the_sign_in_page_names_roland(client):
    client.cookies["django_language"] = "de"
    page = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Bei Roland anmelden" in page
    assert "cms/roland-logo.svg" in page and "<title>Anmelden - Roland</title>" in page
    assert not leftovers_in(visible_texts(page))


def test_groups_and_review_have_german_names(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITOR_GROUP, MODERATOR_GROUP} <= names
    assert not {"Editors", "Moderators"} & names
    assert Workflow.objects.filter(name=REVIEW_WORKFLOW).exists()
    assert Task.objects.filter(name=REVIEW_TASK).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_an_editor_submits_to_the_german_review(w, client, django_user_model):
    editor = django_user_model.objects.create_user("redakteurin", "r@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[w["poi"].pk])).content.decode()
    assert "Einreichen: Freigabe" in page
    assert "Alle mit Bearbeitungsrecht können bearbeiten" in page
    assert not lowercased_type_names(visible_texts(page))
    assert not leftovers_in(visible_texts(page))
