"""The kiosk screen form: its lists are checkboxes, and *Erstellen* leads to the new screen's preview."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from sites.models import KioskScreen
from tests.factories import CategoryFactory
from tests.worlds import built_once

pytestmark = pytest.mark.django_db


def _categories() -> list[int]:
    return [CategoryFactory(kind="event").pk, CategoryFactory(kind="poi").pk]


categories = built_once(_categories)


def test_the_form_offers_its_lists_as_checkboxes(admin_client, categories):
    page = admin_client.get(reverse("kiosks:add")).content.decode()
    for name, value in (("categories", categories[0]), ("languages", "de"), ("active_days", "0")):
        assert f'type="checkbox" name="{name}" value="{value}"' in page, name
    assert "<select" not in page.split('name="categories"')[0].rsplit("<fieldset", 1)[-1]
    assert 'name="categories" multiple' not in page


def test_creating_a_screen_lands_on_its_edit_page_with_the_preview(admin_client, categories):
    data = nested_form_data(
        {
            "name": "Rathaus",
            "slug": "rathaus",
            "radius_km": "5",
            "latitude": "52.2897",
            "longitude": "11.4096",
            "orientation": "landscape",
            "refresh_seconds": "60",
            "show_ticker": "on",
            "is_active": "on",
            "hours": inline_formset([]),
        }
    )
    data.update(
        categories=[str(categories[0])], languages=["de", "en"], active_days=["0", "1", "2", "3", "4"]
    )
    response = admin_client.post(reverse("kiosks:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    screen = KioskScreen.objects.get(slug="rathaus")
    assert response.url == reverse("kiosks:edit", args=(screen.pk,))
    assert list(screen.categories.values_list("pk", flat=True)) == [categories[0]]
    assert screen.languages == ["de", "en"]
    edit = admin_client.get(response.url).content.decode()
    assert f"{screen.get_player_url()}?preview=1" in edit  # the preview frame
    assert "Rathaus" in edit
