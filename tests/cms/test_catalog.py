"""GET /api/v1/catalog: an open-data portal harvests a DCAT-AP.de catalogue that conforms to the
conventions (checked with pySHACL against shapes written from them), names the site's publisher,
contact and licence, and whose every link answers with what it declares.

The world (German and English, a place, an event, news, a draft) is built once; each test that
changes the site settings puts them back.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF
from wagtail.models import Locale, Site

from cms.demo.translation import translate_with_strings
from sites.models import SiteSettings
from tests.factories import SiteTree
from tests.querycount import count_api_queries
from tests.worlds import built_once

pytestmark = pytest.mark.django_db

CATALOG = "/api/v1/catalog"
SHAPES = Graph().parse(Path(__file__).parent / "shapes" / "dcat-ap-de.ttl")
DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
CONTRIBUTOR = "http://dcat-ap.de/def/contributors/stadtHaldensleben"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
SETTINGS = {
    "organisation_name": "Stadt Haldensleben",
    "contact_email": "opendata@haldensleben.example",
    "website_url": "https://www.haldensleben.example/",
    "licence": "dl-de-by-2.0",
    "attribution": "Stadt Haldensleben, Tourist-Information",
    "open_data_contributor_id": CONTRIBUTOR,
    "municipality_key": "15083270",
}


def build_world() -> dict:
    tree = SiteTree()
    translate_with_strings(tree.home, Locale.objects.get(language_code="en"), {})
    roland = tree.poi(title="Reitender Roland", slug="roland")
    tree.event(title="Stadtführung", slug="fuehrung")
    tree.news_article(title="Neues WLAN am Markt", slug="wlan")
    tree.poi(title="Entwurf", slug="entwurf", live=False)
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(site=site, defaults=SETTINGS)
    return {"tree": tree, "roland": roland, "site": site}


world = built_once(build_world)


@pytest.fixture
def settings_changed(world):
    """Site settings a test may change; put back afterwards."""
    stored = SiteSettings.objects.get(site=world["site"])
    yield stored
    SiteSettings.objects.filter(pk=stored.pk).update(**SETTINGS)
    SiteSettings.objects.get(pk=stored.pk).save()  # the save bumps what cached answers rest on


def harvest(client, accept: str = "application/ld+json") -> Graph:
    response = client.get(CATALOG, HTTP_ACCEPT=accept)
    assert response.status_code == 200, response.content[:300]
    media_type = response["Content-Type"].split(";")[0]
    assert media_type == ("text/turtle" if "turtle" in accept else "application/ld+json")
    assert "Accept" in response["Vary"]
    return Graph().parse(data=response.content, format="turtle" if media_type == "text/turtle" else "json-ld")


def conforms(graph: Graph) -> tuple[bool, str]:
    ok, _report, text = validate(graph, shacl_graph=SHAPES, inference="none", allow_warnings=False)
    return ok, text


def test_the_catalogue_conforms_to_the_dcat_ap_de_shapes_in_json_ld_and_turtle(client, world):
    as_jsonld, as_turtle = harvest(client), harvest(client, "text/turtle")
    ok, report = conforms(as_jsonld)
    assert ok, report
    assert isomorphic(as_jsonld, as_turtle)
    by_parameter = client.get(CATALOG, {"format": "ttl"})  # for a browser, which cannot set Accept
    assert by_parameter["Content-Type"].startswith("text/turtle")
    assert isomorphic(Graph().parse(data=by_parameter.content, format="turtle"), as_turtle)
    assert client.get(CATALOG, {"format": "xml"}).status_code == 400


def test_a_dataset_per_content_type_with_publisher_contact_licence_and_place(client, world):
    graph = harvest(client)
    [catalog] = graph.subjects(RDF.type, DCAT.Catalog)
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert {str(dataset).rsplit("#", 1)[1] for dataset in datasets} == {"pois", "events", "news"}
    pois = URIRef(f"http://testserver{CATALOG}#pois")
    titles = {title.language: str(title) for title in graph.objects(pois, DCTERMS.title)}
    assert titles == {"de": "Orte – Stadt Haldensleben", "en": "Points of interest – Stadt Haldensleben"}
    assert graph.value(pois, DCATDE.contributorID) == URIRef(CONTRIBUTOR)
    assert graph.value(graph.value(pois, DCTERMS.publisher), FOAF.name) == Literal("Stadt Haldensleben")
    contact = graph.value(pois, DCAT.contactPoint)
    assert graph.value(contact, VCARD.hasEmail) == URIRef("mailto:opendata@haldensleben.example")
    assert graph.value(pois, DCATDE.politicalGeocodingURI) == URIRef(
        "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/15083270"
    )
    languages = set(graph.objects(catalog, DCTERMS.language))
    assert {str(language).rsplit("/", 1)[1] for language in languages} == {"DEU", "ENG"}
    for distribution in graph.objects(pois, DCAT.distribution):
        assert graph.value(distribution, DCTERMS.license) == URIRef(
            "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
        )
        assert str(graph.value(distribution, DCATDE.licenseAttributionByText)) == SETTINGS["attribution"]


def test_every_distribution_answers_with_the_format_it_declares(client, world):
    graph = harvest(client)
    formats: dict[str, set[str]] = {}
    for distribution in graph.subjects(RDF.type, DCAT.Distribution):
        url = str(graph.value(distribution, DCAT.accessURL))
        assert url.startswith("http://testserver/api/v1/")
        media_type = str(graph.value(distribution, DCAT.mediaType)).split("media-types/", 1)[1]
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200, url
        assert response["Content-Type"].split(";")[0] == media_type, url
        dataset = str(next(graph.subjects(DCAT.distribution, distribution))).rsplit("#", 1)[1]
        formats.setdefault(dataset, set()).add(
            str(graph.value(distribution, DCTERMS.format)).removeprefix(FILE_TYPE)
        )
    assert formats == {
        "pois": {"JSON", "GEOJSON", "JSON_LD"},
        "events": {"JSON", "ICS", "JSON_LD"},
        "news": {"JSON", "RSS", "JSON_LD"},
    }


def test_modified_is_the_last_public_change_and_a_draft_does_not_count(client, world):
    graph = harvest(client)
    roland = world["roland"]
    pois = URIRef(f"http://testserver{CATALOG}#pois")
    modified = graph.value(pois, DCTERMS.modified).toPython()
    assert modified >= roland.last_published_at
    draft = world["tree"].poi(title="Noch ein Entwurf", slug="noch-ein-entwurf", live=False)
    draft.save_revision()
    assert harvest(client).value(pois, DCTERMS.modified).toPython() == modified


def test_the_site_settings_change_the_catalogue_at_once(client, world, settings_changed):
    harvest(client)  # an answer the cache now holds
    settings_changed.licence = "cc0-1.0"
    settings_changed.open_data_contributor_id = ""
    settings_changed.save()
    graph = harvest(client)
    licences = set(graph.objects(None, DCTERMS.license))
    assert licences == {URIRef("http://dcat-ap.de/def/licenses/cc-zero")}
    assert not set(graph.objects(None, DCATDE.licenseAttributionByText))  # CC0 asks for no attribution
    # Without GovData's contributor id the shapes (as a portal) refuse the catalogue, naming it.
    ok, report = conforms(graph)
    assert not ok and "contributorID" in report


def test_the_catalogue_is_in_the_openapi_document(client):
    document = json.loads(client.get("/api/v1/openapi.json").content)
    answers = document["paths"]["/api/v1/catalog"]["get"]["responses"]["200"]["content"]
    assert set(answers) == {"application/ld+json", "text/turtle"}


def test_the_catalogue_costs_the_same_queries_with_more_items(client, world):
    before = count_api_queries(client, CATALOG)
    for number in range(5):
        world["tree"].poi(title=f"Ort {number}", slug=f"ort-{number}")
    assert count_api_queries(client, CATALOG) == before
