"""The editor's form of places, events and news: choosers open in the page's language, a page chosen in
another language is refused on the field, and coordinates that look wrong are held back from
publishing until the editor confirms them."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.demo.translation import translate_with_strings
from tests.factories import SiteTree
from tests.worlds import built_once, fresh
from tourism.forms import other_language_error
from tourism.models import PointOfInterest
from tourism.validators import coordinate_warning

pytestmark = pytest.mark.django_db


def build_world() -> dict:
    """A German site translated to English: a place in both languages, an event in German."""
    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    translate_with_strings(tree.home, english, {})
    translate_with_strings(tree.pois, english, {"orte": "places"})
    translate_with_strings(tree.events, english, {})
    market = tree.poi(title="Marktplatz", slug="markt")
    market_en, _missing = translate_with_strings(market, english, {"Marktplatz": "Market square"})
    lonely = tree.poi(title="Nur deutsch", slug="nur-deutsch")
    return {"tree": tree, "market": market, "market_en": market_en, "lonely": lonely, "english": english}


_world = built_once(build_world)


@pytest.fixture
def world(_world, db) -> dict:
    return fresh(_world)


@pytest.fixture
def tree(world) -> SiteTree:
    return world["tree"]


def poi_form(lat: str, lng: str, **extra) -> dict:
    return nested_form_data(
        {
            "title": "Brocken",
            "slug": "brocken",
            "teaser": "Ein Berg im Harz.",
            "body": streamfield([]),
            "gallery_images": inline_formset([]),
            "related_links": inline_formset(extra.pop("related", [])),
            "opening_hours": inline_formset([]),
            "opening_hours_exceptions": inline_formset([]),
            "comments": inline_formset([]),
            "latitude": lat,
            "longitude": lng,
            "wheelchair": "unknown",
            **extra,
        }
    )


def add_url(tree) -> str:
    return reverse("wagtailadmin_pages:add", args=("tourism", "pointofinterest", tree.pois.pk))


def test_swapped_and_outside_coordinates_are_told_apart():
    assert coordinate_warning("11.4085", "52.2893") == "swapped"
    assert coordinate_warning("51.799", "10.615") == "outside"
    assert coordinate_warning("52.2893", "11.4085") == ""
    assert coordinate_warning(None, "11.4") == ""


def test_a_german_event_cannot_take_the_english_venue(world):
    market, market_en, lonely = world["market"], world["market_en"], world["lonely"]
    german = market.locale_id
    with translation.override("de"):
        message = other_language_error(german, market_en)
    assert message == (
        "„Market square“ ist die Fassung auf Englisch; wählen Sie die in der Sprache dieser Seite: „Marktplatz“."
    )
    assert other_language_error(german, market) is None
    # A place without a version in the page's language may be linked as it is.
    assert other_language_error(world["english"].pk, lonely) is None


def test_a_related_page_in_another_language_is_a_german_field_error(admin_client, world, tree):
    data = poi_form("52.2893", "11.4085", related=[{"target": world["market_en"].pk}])
    response = admin_client.post(add_url(tree), data, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    text = response.content.decode()
    assert "„Market square“ ist die Fassung auf Englisch" in text
    assert not PointOfInterest.objects.filter(slug="brocken").exists()
    data = poi_form("52.2893", "11.4085", related=[{"target": world["market"].pk}])
    assert admin_client.post(add_url(tree), data).status_code == 302


@pytest.mark.parametrize("lat,lng", [("11.4085", "52.2893"), ("51.799", "10.615")])
def test_publishing_doubtful_coordinates_asks_for_confirmation(admin_client, tree, lat, lng):
    publish = {"action-publish": "action-publish"}
    response = admin_client.post(add_url(tree), {**poi_form(lat, lng), **publish}, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    text = response.content.decode()
    kind = "Breite und Länge scheinen vertauscht" if float(lat) < 20 else "außerhalb der Region"
    assert kind in text and "kreuzen Sie „Diese Koordinaten trotzdem veröffentlichen“ an" in text
    assert not PointOfInterest.objects.filter(slug="brocken").exists()
    confirmed = {**poi_form(lat, lng), **publish, "confirm_coordinates": "on"}
    assert admin_client.post(add_url(tree), confirmed).status_code == 302
    assert PointOfInterest.objects.get(slug="brocken").live


def test_a_draft_with_doubtful_coordinates_saves(admin_client, tree):
    assert admin_client.post(add_url(tree), poi_form("11.4085", "52.2893")).status_code == 302
    assert not PointOfInterest.objects.get(slug="brocken").live


def test_the_venue_chooser_opens_at_the_places_of_the_event_language(admin_client, world, tree):
    english_events = tree.events.get_translation(world["english"])
    english_places = tree.pois.get_translation(world["english"])
    for parent, places in ((tree.events, tree.pois), (english_events, english_places)):
        url = reverse("wagtailadmin_pages:add", args=("tourism", "event", parent.pk))
        html = admin_client.get(url).content.decode()
        venue_init = re.search(r'id_venue[^;]*?"parentId": (\d+)', html)
        assert venue_init and int(venue_init.group(1)) == places.pk, (parent, html.count("parentId"))


def test_the_map_picker_is_under_the_coordinates(admin_client, tree):
    html = admin_client.get(add_url(tree)).content.decode()
    assert "data-map-picker" in html
    assert "tourism/vendor/leaflet/leaflet" in html and "map-picker.js" in html
    assert 'data-tile-url=""' in html  # no tiles configured in tests
