"""One slug rule on every path that names a page: "Café am Roland" → "cafe-am-roland"."""

import pytest
from django.urls import reverse

from cms.core import slugs
from cms.demo import data as demo_data
from sites.submissions import slugify as submission_slugify
from tests.worlds import tree_per_module
from tourism.services.intake.apply import slugify as intake_slugify

pytestmark = pytest.mark.django_db


# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Café am Roland", "cafe-am-roland"),
        ("Große Straße", "grosse-strasse"),
        ("Ölmühle Übersee", "oelmuehle-uebersee"),
        ("Schloss  Hundisburg – Park!", "schloss-hundisburg-park"),
        ("Crème brûlée", "creme-brulee"),
        ("", ""),
    ],
)
def test_the_rule(title, slug):
    assert slugs.slugify(title) == slug


def test_a_page_saved_without_a_slug_gets_the_rule(tree):
    assert tree.poi(title="Café am Roland", slug="").slug == "cafe-am-roland"
    assert tree.poi(title="Café am Roland", slug="").slug == "cafe-am-roland-2"
    assert (
        tree.event(title="Führung über den Süplinger Berg", slug="").slug
        == "fuehrung-ueber-den-sueplinger-berg"
    )


def test_imports_submissions_and_the_demo_use_the_rule():
    assert intake_slugify is slugs.slugify
    assert submission_slugify is slugs.slugify
    page = demo_data.STANDARD_PAGE(
        {
            "key": "cafe",
            "title": {"de": "Café am Roland", "en": "Café at the Roland"},
            "teaser": {"de": "t"},
            "body": {"de": ["p"]},
        },
        "pages[0]",
    )
    assert page["slug"] == {"de": "cafe-am-roland", "en": "cafe-at-the-roland"}


def test_the_admin_slug_field_transliterates_in_the_browser_too(admin_client, tree):
    html = admin_client.get(
        reverse("wagtailadmin_pages:add", args=("tourism", "pointofinterest", tree.pois.pk))
    ).content.decode()
    # WAGTAIL_ALLOW_UNICODE_SLUGS = False: the attribute is left out, Wagtail's script keeps ASCII.
    assert "data-w-slug-allow-unicode-value" not in html
    assert "data-w-slug-formatters-value=" in html and "&quot;ae&quot;" in html and "&quot;ss&quot;" in html
