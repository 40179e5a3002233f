"""Editor feedback in the admin: a warning for coordinates outside the region, snippets registered."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.worlds import tree_per_module
from tourism.models import PointOfInterest

pytestmark = pytest.mark.django_db

# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


def poi_form(lat: str, lng: str) -> dict:
    return nested_form_data(
        {
            "title": "Brocken",
            "slug": "brocken",
            "teaser": "Ein Berg im Harz.",
            "body": streamfield([]),
            "gallery_images": inline_formset([]),
            "related_links": inline_formset([]),
            "opening_hours": inline_formset([]),
            "opening_hours_exceptions": inline_formset([]),
            "comments": inline_formset([]),
            "latitude": lat,
            "longitude": lng,
            "wheelchair": "unknown",
        }
    )


@pytest.mark.parametrize(
    ("lat", "lng", "warned"), [("51.799", "10.615", True), ("52.2893", "11.4085", False)]
)
def test_coordinates_outside_the_region_save_with_a_warning(admin_client, tree, lat, lng, warned):
    url = reverse("wagtailadmin_pages:add", args=("tourism", "pointofinterest", tree.pois.pk))
    response = admin_client.post(url, poi_form(lat, lng))
    assert response.status_code == 302
    assert PointOfInterest.objects.filter(slug="brocken").exists()
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Brocken" in text and "Haldensleben" in text for text in texts) is warned


def test_categories_and_organizers_are_managed_as_snippets(admin_client):
    for model in ("category", "organizer"):
        response = admin_client.get(reverse(f"wagtailsnippets_tourism_{model}:list"))
        assert response.status_code == 200
