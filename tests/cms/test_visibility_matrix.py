"""Hidden content never appears: every endpoint and format × every way content can be hidden."""

from datetime import time, timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from cms.demo.translation import translate_with_strings
from tests.factories import ImageFactory, SiteTree
from tests.worlds import built_once, fresh, tree_per_module

pytestmark = pytest.mark.django_db


# Every test adds its own pages to a site tree built once for the module (the class below: with visible items).
# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


LISTS = [
    "/api/v1/pois?limit=100",
    "/api/v1/pois.geojson",
    "/api/v1/events?limit=100",
    "/api/v1/events.ics",
    "/api/v1/news?limit=100",
    "/api/v1/news.rss",
    "/api/v1/navigation",
    "/api/wagtail/v2/pages/?limit=100",
    "/api/wagtail/v2/pages/?search=Ort&limit=100",  # stock search, held to the same rule
    "/api/v1/search?q=Ort&limit=100",
    "/api/v1/search?q=Termin&limit=100",
    "/api/v1/search/suggest?q=Verb",
]
DETAILS = {"poi": "/api/v1/pois/{}", "event": "/api/v1/events/{}", "news": "/api/v1/news/{}"}


def make_all(tree, marker: str, live: bool = True, **fields) -> dict:
    """A POI, an event and a news article whose titles carry the marker."""
    soon = timezone.localdate() + timedelta(days=2)
    return {
        "poi": tree.poi(title=f"{marker} Ort", slug=f"{marker}-ort", show_in_menus=True, live=live, **fields),
        "event": tree.event(
            title=f"{marker} Termin",
            slug=f"{marker}-termin",
            start_date=soon,
            start_time=time(10),
            live=live,
            **fields,
        ),
        "news": tree.news_article(title=f"{marker} Meldung", slug=f"{marker}-meldung", live=live, **fields),
    }


def hide_scheduled(pages: dict) -> None:
    for page in pages.values():
        page.go_live_at = timezone.now() + timedelta(days=3)
        page.save_revision().publish()  # becomes a scheduled revision, the page stays unpublished
        Page.objects.filter(pk=page.pk).update(live=False)


def hide_expired(pages: dict) -> None:
    # Expired but the publish_scheduled job has not run yet: the expiry date alone must hide it.
    for page in pages.values():
        Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))


def hide_unpublished(pages: dict) -> None:
    for page in pages.values():
        page.unpublish()


def restrict(kind: str):
    def apply(pages: dict) -> None:
        for page in pages.values():
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=kind, password="geheim" if kind == "password" else ""
            )
            if kind == "groups":
                restriction.groups.add(Group.objects.get_or_create(name="Redaktion")[0])

    return apply


def hide_deleted(pages: dict) -> None:
    for page in pages.values():
        page.delete()


CASES = {
    "draft": None,
    "scheduled": hide_scheduled,
    "expired": hide_expired,
    "unpublished": hide_unpublished,
    "password": restrict("password"),
    "login": restrict("login"),
    "groups": restrict("groups"),
    "deleted": hide_deleted,
}


def all_text(client) -> str:
    bodies = []
    for url in LISTS:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        bodies.append(response.content.decode())
    for locale in ("de", "en"):
        bodies.append(client.get("/api/v1/pois", {"locale": locale, "limit": 100}).content.decode())
    return "\n".join(bodies)


def build_visible() -> SiteTree:
    tree = SiteTree()
    make_all(tree, "Sichtbar")
    return tree


_visible = built_once(build_visible, scope="class")


class TestEveryWayOfHiding:
    """Each way of hiding, beside the same visible items (built once for the class)."""

    @pytest.fixture
    def tree(self, _visible, db) -> SiteTree:
        return fresh(_visible)

    @pytest.mark.parametrize("case", list(CASES))
    def test_hidden_content_appears_nowhere(self, client, tree, case, django_capture_on_commit_callbacks):
        marker = f"Verborgen{case.title()}"
        pages = make_all(tree, marker, live=case != "draft")
        ids = {kind: page.pk for kind, page in pages.items()}
        if CASES[case]:
            CASES[case](pages)
        text = all_text(client)
        assert "Sichtbar" in text  # the check can see content at all
        assert marker not in text
        found = client.get("/api/wagtail/v2/pages/", {"search": "Ort", "limit": 100}).json()["items"]
        assert "Sichtbar Ort" in {item["title"] for item in found}
        searched = client.get("/api/v1/search", {"q": "Sichtbar"}).json()["items"]
        assert {"Sichtbar Ort", "Sichtbar Termin", "Sichtbar Meldung"} <= {item["title"] for item in searched}
        for kind, pk in ids.items():
            response = client.get(DETAILS[kind].format(pk))
            assert response.status_code == 404, (case, kind)
            assert response["Content-Type"] == "application/problem+json"


def test_descendants_of_a_restricted_page_are_hidden(client, tree):
    make_all(tree, "Sichtbar")
    article = tree.news_article(title="VerborgenUnterSchutz Meldung", slug="unter-schutz")
    PageViewRestriction.objects.create(page=tree.news, restriction_type="password", password="x")
    assert "VerborgenUnterSchutz" not in all_text(client)
    assert client.get(f"/api/v1/news/{article.pk}").status_code == 404


def test_images_in_a_restricted_collection_are_left_out(client, tree):
    secret = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=secret, restriction_type="password", password="x")
    hidden_image, open_image = ImageFactory(collection=secret), ImageFactory()
    hidden = tree.poi(title="Mit internem Bild", slug="intern", image=hidden_image)
    shown = tree.poi(title="Mit Bild", slug="offen", image=open_image)
    items = {item["id"]: item for item in client.get("/api/v1/pois").json()["items"]}
    assert items[hidden.pk]["image"] is None
    assert items[shown.pk]["image"]["id"] == open_image.pk
    assert client.get(f"/api/v1/pois/{hidden.pk}").json()["image"] is None
    assert f"/{hidden_image.pk}/" not in client.get("/api/wagtail/v2/images/").content.decode()


def test_an_image_restricted_after_it_was_shown_leaves_every_list_at_once(client, tree):
    """Lists keep built image answers per process; the restriction is checked on every answer."""
    collection = Collection.get_first_root_node().add_child(name="Presse")
    image = ImageFactory(collection=collection)
    poi = tree.poi(title="Mit Bild", slug="offen", image=image)
    tomorrow = timezone.localdate() + timedelta(days=1)
    event = tree.event(title="Fest mit Bild", slug="fest", image=image, start_date=tomorrow)
    article = tree.news_article(title="Meldung mit Bild", slug="meldung", image=image)
    lists = ("/api/v1/pois", "/api/v1/events", "/api/v1/news", "/api/v1/search?q=Bild")

    def images():
        found = []
        for path in lists:
            items = client.get(path).json()["items"]
            found += [
                item["image"]
                for item in items
                if item.get("event_id", item["id"]) in {poi.pk, event.pk, article.pk}
            ]
        return found

    assert len(images()) == 6 and all(found and found["id"] == image.pk for found in images())
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="password", password="x")
    assert images() == [None] * 6


def test_unpublished_translation_falls_back_and_its_id_is_404(
    client, tree, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_strings(tree.home, locales["en"], {})
        translate_with_strings(tree.pois, locales["en"], {})
    poi = tree.poi(title="Rathaus", slug="rathaus")
    english, _missing = translate_with_strings(
        poi, locales["en"], {"Rathaus": "VerborgenTownHall"}, publish=False
    )
    items = client.get("/api/v1/pois", {"locale": "en"}).json()["items"]
    assert [(item["title"], item["is_fallback"]) for item in items] == [("Rathaus", True)]
    assert client.get(f"/api/v1/pois/{english.pk}").status_code == 404
    assert "VerborgenTownHall" not in all_text(client)
