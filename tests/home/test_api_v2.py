"""Wagtail's stock read API at /api/wagtail/v2/: typed fields, renditions, languages, visibility."""

import pytest
from wagtail.models import PageViewRestriction

from cms.demo.translation import translate_with_strings
from media.renditions import PRESETS
from tests.factories import CategoryFactory, ImageFactory
from tests.querycount import count_api_queries
from tests.worlds import tree_per_module
from tourism.models import PointOfInterestGalleryImage, PointOfInterestRelatedPage

pytestmark = pytest.mark.django_db


# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


API = "/api/wagtail/v2/pages/"


@pytest.fixture
def english_tree(tree, locales, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_strings(tree.home, locales["en"], {"Haldensleben": "Haldensleben"})
        translate_with_strings(tree.pois, locales["en"], {"Sehenswürdigkeiten": "Sights", "orte": "sights"})
    return tree


def titles(response):
    assert response.status_code == 200, response.content[:500]
    return sorted(item["title"] for item in response.json()["items"])


def test_pages_are_listed_per_locale_with_typed_fields(
    client, english_tree, locales, django_capture_on_commit_callbacks
):
    category = CategoryFactory(name="Sehenswürdigkeiten", slug="sight")
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_strings(category, locales["en"], {"Sehenswürdigkeiten": "Sights"})
        poi = english_tree.poi(title="Rathaus", slug="rathaus", image=ImageFactory(), live=False)
        poi.categories = [category]
        poi.save_revision().publish()
        translate_with_strings(poi, locales["en"], {"Rathaus": "Town hall", "rathaus": "town-hall"})

    german = client.get(API, {"type": "tourism.PointOfInterest", "locale": "de", "fields": "*"}).json()
    english = client.get(API, {"type": "tourism.PointOfInterest", "locale": "en", "fields": "*"}).json()
    assert [item["title"] for item in german["items"]] == ["Rathaus"]
    (item,) = english["items"]
    assert (item["title"], item["meta"]["locale"], item["meta"]["slug"]) == ("Town hall", "en", "town-hall")
    assert item["categories"] == [{"slug": "sight", "name": "Sights", "kind": "poi"}]
    assert item["latitude"] == "52.289300"
    assert item["image_card"]["url"].endswith(".webp")
    assert (item["image_card"]["width"], item["image_card"]["height"]) == (640, 400)  # not upscaled


def test_images_carry_credit_licence_and_every_preset(client):
    image = ImageFactory(credit="Foto: Stadt Haldensleben", license="CC-BY-SA-4.0")
    data = client.get(f"/api/wagtail/v2/images/{image.pk}/").json()
    assert (data["alt_text"], data["credit"], data["license"]) == (
        "Der Marktplatz mit dem Rathaus",
        "Foto: Stadt Haldensleben",
        "CC-BY-SA-4.0",
    )
    assert set(data["renditions"]) == set(PRESETS)
    assert all(r["url"].endswith(".webp") for r in data["renditions"].values())


def test_drafts_and_restricted_pages_stay_out_of_the_stock_api(client, tree):
    tree.poi(title="Öffentlich", slug="public")
    tree.poi(title="Entwurf", slug="draft", live=False)
    hidden = tree.poi(title="Geschützt", slug="protected")
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="geheim")
    listing = titles(client.get(API, {"type": "tourism.PointOfInterest"}))
    assert listing == ["Öffentlich"]
    assert client.get(f"{API}{hidden.pk}/").status_code == 404


def test_nested_objects_cost_the_same_queries_for_one_item_or_many(client, tree):
    """Venues, images, gallery rows and related links are loaded and checked against the visibility
    rule for the whole list at once (stock v2 read them item by item)."""

    def add(number: int) -> None:
        venue = tree.poi(title=f"Ort {number}", slug=f"ort-{number}", image=ImageFactory())
        tree.event(title=f"Fest {number}", slug=f"fest-{number}", venue=venue, image=ImageFactory())
        tree.poi(
            title=f"Platz {number}",
            slug=f"platz-{number}",
            image=ImageFactory(),
            gallery_images=[PointOfInterestGalleryImage(image=ImageFactory())],
            related_links=[PointOfInterestRelatedPage(target=venue)],
        )

    lists = [
        {"type": "tourism.Event", "fields": "_,venue,image"},
        {"type": "tourism.PointOfInterest", "fields": "_,image,gallery_images,related_links"},
    ]
    add(1)
    one = [count_api_queries(client, API, params) for params in lists]
    for number in range(2, 5):
        add(number)
    assert [count_api_queries(client, API, params) for params in lists] == one


def test_an_events_organizer_shows_in_the_stock_api(client, tree):
    """Organizers are snippets the rule does not hide: a list with them answers, and names them."""
    from tourism.models import Organizer

    organizer = Organizer.objects.create(name="Kulturfabrik Haldensleben")
    tree.event(title="Konzert", organizer=organizer)
    response = client.get("/api/wagtail/v2/pages/", {"type": "tourism.Event", "fields": "*"})
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["organizer"]["id"] == organizer.pk
