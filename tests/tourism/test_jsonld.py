"""JSON-LD of details expands as linked data (pyld), with schema.org types, status and language, and
carries what the German tourism knowledge graph asks of an item: a stable id, the dataset licence,
images with their own licence and credit, only terms schema.org defines.

pyld never reaches the network here: a document loader answers the schema.org context with a
local stand-in (`@vocab` https://schema.org/), which is how schema.org's own context maps terms.
"""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from sites.models import SiteSettings
from tests.factories import CategoryFactory, ImageFactory
from tests.schema_org import SCHEMA, unknown_terms
from tests.schema_org import expand as expand_all
from tests.worlds import tree_per_module
from tourism.models import PointOfInterestGalleryImage

pytestmark = pytest.mark.django_db


# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


def expand(document: dict) -> dict:
    (node,) = expand_all(document)
    return node


def test_poi_jsonld_expands_with_specific_type_and_hours(client, tree):
    museum = CategoryFactory(name="Museen", slug="museum", schema_type="Museum")
    poi = tree.poi(title="Museum Haldensleben", slug="museum", live=False)
    poi.categories = [museum]
    poi.tags.add("Kinder", "Regenwetter")
    poi.save_revision().publish()
    node = expand(client.get(f"/api/v1/pois/{poi.pk}", {"format": "jsonld"}).json())
    assert [term["@value"] for term in node[SCHEMA + "keywords"]] == ["Kinder", "Regenwetter"]
    assert set(node["@type"]) == {SCHEMA + "TouristAttraction", SCHEMA + "Museum"}
    assert node[SCHEMA + "name"][0]["@value"] == "Museum Haldensleben"
    assert node[SCHEMA + "inLanguage"][0]["@value"] == "de"
    assert node[SCHEMA + "geo"][0][SCHEMA + "latitude"][0]["@value"] == pytest.approx(52.2893)


def test_event_jsonld_expands_with_status_and_place(client, tree):
    venue = tree.poi(title="Kulturfabrik", slug="kulturfabrik")
    event = tree.event(
        title="Lesung",
        slug="lesung",
        start_date=timezone.localdate() + timedelta(days=3),
        start_time=time(19),
        end_time=time(21),
        status="postponed",
        status_note="Neuer Termin folgt",
        venue=venue,
    )
    node = expand(client.get(f"/api/v1/events/{event.pk}", HTTP_ACCEPT="application/ld+json").json())
    assert node["@type"] == [SCHEMA + "Event"]
    assert node[SCHEMA + "eventStatus"][0]["@value"] == SCHEMA + "EventPostponed"
    place = node[SCHEMA + "location"][0]
    assert place["@type"] == [SCHEMA + "Place"]
    assert place[SCHEMA + "name"][0]["@value"] == "Kulturfabrik"
    assert node[SCHEMA + "startDate"][0]["@value"].endswith(("+01:00", "+02:00"))


def test_a_place_carries_its_licence_credits_and_accessibility_in_schema_org_terms(client, tree):
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(
        site=site, defaults={"organisation_name": "Stadt Haldensleben", "licence": "dl-de-by-2.0"}
    )
    poi = tree.poi(
        title="Museum Haldensleben",
        slug="museum-kg",
        image=ImageFactory(credit="Foto: Stadtarchiv", license="CC-BY-4.0"),
        wheelchair="yes",
        step_free_entrance=True,
        hearing_loop=True,
        phone="+49 3904 000-001",
        is_free=True,
        live=False,
    )
    poi.gallery_images = [PointOfInterestGalleryImage(image=ImageFactory(credit="Foto: M. Muster"))]
    poi.save_revision().publish()
    detail = client.get(f"/api/v1/pois/{poi.pk}").json()
    ld = detail["jsonld"]
    assert unknown_terms(ld) == set()
    assert ld["@id"] == detail["api_url"] and ld["identifier"] == f"poi:{poi.pk}"
    assert ld["license"] == ld["sdLicense"] == "https://www.govdata.de/dl-de/by-2-0"
    assert ld["sdPublisher"]["name"] == "Stadt Haldensleben"
    assert ld["dateModified"].endswith(("+01:00", "+02:00"))
    hero, gallery = ld["image"]
    assert (hero["@type"], hero["creditText"], hero["license"]) == (
        "ImageObject",
        "Foto: Stadtarchiv",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    assert gallery["copyrightNotice"] == "Foto: M. Muster"
    features = {feature["name"]: feature["value"] for feature in ld["amenityFeature"]}
    assert features == {"Step-free entrance": True, "Hearing loop": True, "Wheelchair accessible": True}
    assert (ld["telephone"], ld["isAccessibleForFree"]) == ("+49 3904 000-001", True)


def test_a_rescheduled_event_names_its_previous_date(client, tree):
    start = timezone.localdate() + timedelta(days=20)
    event = tree.event(
        title="Sommerkonzert",
        slug="sommerkonzert",
        start_date=start,
        status="rescheduled",
        status_note="Verschoben wegen Regen",
        previous_start_date=start - timedelta(days=7),
    )
    detail = client.get(f"/api/v1/events/{event.pk}").json()
    assert detail["previous_start_date"] == (start - timedelta(days=7)).isoformat()
    ld = detail["jsonld"]
    assert unknown_terms(ld) == set()
    assert ld["eventStatus"] == SCHEMA + "EventRescheduled"
    assert ld["previousStartDate"] == (start - timedelta(days=7)).isoformat()
    assert ld["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"


def test_the_vocabulary_check_names_a_term_schema_org_lacks():
    document = {"@context": "https://schema.org", "@type": "Event", "name": "x", "beginsAt": "y"}
    assert unknown_terms(document) == {SCHEMA + "beginsAt"}
    assert unknown_terms({**document, "@type": "Konzert"}) == {SCHEMA + "Konzert", SCHEMA + "beginsAt"}


def test_a_previous_date_equal_to_the_current_one_is_refused_on_the_field(tree):
    from django.core.exceptions import ValidationError

    event = tree.event(title="Markt", slug="markt-gleich", start_date=date(2040, 5, 1))
    event.status, event.status_note, event.previous_start_date = "rescheduled", "neu", date(2040, 5, 1)
    with pytest.raises(ValidationError) as raised:
        event.full_clean()
    assert "previous_start_date" in raised.value.message_dict
