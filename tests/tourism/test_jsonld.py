"""JSON-LD of details expands as linked data (pyld), with schema.org types, status and language.

pyld never reaches the network here: a document loader answers the schema.org context with a
local stand-in (`@vocab` https://schema.org/), which is how schema.org's own context maps terms.
"""

from datetime import time, timedelta

import pytest
from django.utils import timezone
from pyld import jsonld

from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db
SCHEMA = "https://schema.org/"


def offline_loader(url, options=None):
    assert url.rstrip("/") in {"https://schema.org", "http://schema.org"}, url
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA, "id": "@id", "type": "@type"}},
    }


def expand(document: dict) -> dict:
    (node,) = jsonld.expand(document, {"documentLoader": offline_loader})
    return node


def test_poi_jsonld_expands_with_specific_type_and_hours(client, tree):
    museum = CategoryFactory(name="Museen", slug="museum", schema_type="Museum")
    poi = tree.poi(title="Museum Haldensleben", slug="museum", live=False)
    poi.categories = [museum]
    poi.save_revision().publish()
    node = expand(client.get(f"/api/v1/pois/{poi.pk}", {"format": "jsonld"}).json())
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
