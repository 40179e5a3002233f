"""GET /api/v1/catalog: the DCAT-AP.de catalogue of the site's open data, for GovData and the state's
portal to harvest.

One dcat:Catalog, a dcat:Dataset per content type of the registry that has a bulk export, and a
dcat:Distribution per way to get it (the JSON list, its feed file, the two bulk exports). What
DCAT-AP.de 2.0 makes mandatory comes from the site settings (publisher, contributor id, contact,
licence); the vocabularies are the ones the conventions name (EU file types, data themes, languages,
access rights; the dcat-ap.de licences). Written with rdflib, so JSON-LD and Turtle are the same graph.
"""

import typing

from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from ninja import Query, Router
from pydantic import Field
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from cms.core import registry
from cms.core.params import strict_query
from cms.core.problems import PROBLEM_RESPONSES
from cms.core.schema import Schema
from cms.core.visibility import find_site, site_facts, visible_pages
from sites.services import DataPublisher, data_publisher

from .exports import EXPORTERS, JSONLD, NDJSON

router = Router(tags=["Sync"])

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
FILE_TYPE = Namespace(EU + "file-type/")
DATA_THEME = Namespace(EU + "data-theme/")
LANGUAGE = Namespace(EU + "language/")
IANA = "https://www.iana.org/assignments/media-types/"
MUNICIPALITY = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/"
REGION = "http://dcat-ap.de/def/politicalGeocoding/regionalKey/"
LEVEL_MUNICIPALITY = URIRef("http://dcat-ap.de/def/politicalGeocoding/Level/municipality")
PUBLIC = URIRef(EU + "access-right/PUBLIC")
TURTLE = "text/turtle"

# Content languages → the EU language table (a private-use variant such as de-x-ls is German).
EU_LANGUAGES = {"de": "DEU", "en": "ENG", "pl": "POL", "nl": "NLD", "da": "DAN", "fr": "FRA", "cs": "CES"}
# A feed file's extension → its EU file type and IANA media type.
FEED_FORMATS = {
    "geojson": ("GEOJSON", "application/geo+json", "GeoJSON"),
    "ics": ("ICS", "text/calendar", "iCalendar"),
    "rss": ("RSS", "application/rss+xml", "RSS"),
}
# Tourism is "Education, culture and sport" and "Regions and cities" in the EU data themes.
THEMES = (DATA_THEME.EDUC, DATA_THEME.REGI)


class CatalogParams(Schema):
    format: typing.Literal["jsonld", "ttl"] | None = Field(
        None, description="`ttl` for Turtle, `jsonld` for JSON-LD; without it the Accept header decides."
    )


def _both(text: callable, languages: list[str]) -> list[Literal]:
    """A text in each given language (gettext under each), once per distinct wording."""
    seen: dict[str, str] = {}
    for code in languages:
        with translation.override(code):
            seen.setdefault(str(text()), code)
    return [Literal(value, lang=code) for value, code in seen.items()]


class Catalogue:
    """The graph of one site's catalogue as a request sees it (absolute URLs on the asked host)."""

    def __init__(self, request: HttpRequest):
        self.request = request
        self.site = find_site(request)
        self.publisher: DataPublisher = data_publisher(self.site)
        self.codes = list(site_facts(self.site).locales)
        # Titles and descriptions in German and English (the admin's language and the partners').
        self.text_languages = ["de", "en"]
        self.graph = Graph(bind_namespaces="core")
        for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("dcatde", DCATDE), ("foaf", FOAF)):
            self.graph.bind(prefix, namespace)
        self.graph.bind("vcard", VCARD)

    def url(self, path: str) -> URIRef:
        return URIRef(self.request.build_absolute_uri(path))

    def add(self, subject, predicate, *objects) -> None:
        for value in objects:
            self.graph.add((subject, predicate, value))

    def build(self) -> Graph:
        catalog = self.url("/api/v1/catalog")
        name = self.publisher.name
        self.add(catalog, RDF.type, DCAT.Catalog)
        self.add(
            catalog, DCTERMS.title, *_both(lambda: _("Open data of %(name)s") % {"name": name}, ["de", "en"])
        )
        self.add(
            catalog,
            DCTERMS.description,
            *_both(
                lambda: (
                    _(
                        "Points of interest, events and news of %(name)s, as the town publishes them, "
                        "in every published language."
                    )
                    % {"name": name}
                ),
                self.text_languages,
            ),
        )
        self.add(catalog, DCTERMS.publisher, self.agent())
        self.add(catalog, DCTERMS.language, *self.languages())
        if self.publisher.website:
            self.add(catalog, FOAF.homepage, URIRef(self.publisher.website))
        self.add(catalog, DCTERMS.license, URIRef(self.publisher.licence.dcat_uri))
        modified = []
        for content_type in registry.types():
            if content_type.model in EXPORTERS:
                dataset, last = self.dataset(content_type)
                self.add(catalog, DCAT.dataset, dataset)
                if last is not None:
                    modified.append(last)
        if modified:
            self.add(catalog, DCTERMS.modified, Literal(max(modified).isoformat(), datatype=XSD.dateTime))
        return self.graph

    def agent(self) -> BNode:
        agent = BNode("publisher")
        self.add(agent, RDF.type, FOAF.Agent)
        self.add(agent, FOAF.name, Literal(self.publisher.name))
        if self.publisher.website:
            self.add(agent, FOAF.homepage, URIRef(self.publisher.website))
        return agent

    def contact(self) -> BNode:
        contact = BNode("contact")
        self.add(contact, RDF.type, VCARD.Organization)
        self.add(contact, VCARD.fn, Literal(self.publisher.name))
        if self.publisher.email:
            self.add(contact, VCARD.hasEmail, URIRef(f"mailto:{self.publisher.email}"))
        self.add(
            contact, VCARD.hasURL, URIRef(self.publisher.website) if self.publisher.website else self.url("/")
        )
        return contact

    def languages(self) -> list[URIRef]:
        codes = dict.fromkeys(EU_LANGUAGES.get(code.split("-")[0]) for code in self.codes)
        return [LANGUAGE[code] for code in codes if code]

    def dataset(self, content_type: registry.ContentType):
        dataset = self.url(f"/api/v1/catalog#{content_type.collection}")
        label = content_type.plural_label
        name = self.publisher.name
        self.add(dataset, RDF.type, DCAT.Dataset)
        self.add(dataset, DCTERMS.identifier, Literal(str(dataset)))
        self.add(dataset, DCTERMS.title, *_both(lambda: f"{label} – {name}", self.text_languages))
        self.add(
            dataset,
            DCTERMS.description,
            *_both(
                lambda: (
                    _(
                        "%(label)s of %(name)s with their full details (texts, places, times, images with "
                        "their own licences), in every published language; a bulk export to start with, then "
                        "the change feed /api/v1/changes."
                    )
                    % {"label": label, "name": name}
                ),
                self.text_languages,
            ),
        )
        self.add(dataset, DCTERMS.publisher, self.agent())
        if self.publisher.contributor_id:
            self.add(dataset, DCATDE.contributorID, URIRef(self.publisher.contributor_id))
        self.add(dataset, DCAT.contactPoint, self.contact())
        self.add(dataset, DCAT.theme, *THEMES)
        self.add(dataset, DCAT.keyword, *_both(lambda: str(label), self.text_languages))
        self.add(dataset, DCAT.keyword, *_both(lambda: _("Tourism"), self.text_languages))
        self.add(dataset, DCAT.landingPage, self.url("/api/v1/docs"))
        self.add(dataset, DCTERMS.language, *self.languages())
        self.add(dataset, DCTERMS.accessRights, PUBLIC)
        key = self.publisher.municipality_key
        if key:
            self.add(
                dataset,
                DCATDE.politicalGeocodingURI,
                URIRef((MUNICIPALITY if len(key) == 8 else REGION) + key),
            )
            self.add(dataset, DCATDE.politicalGeocodingLevelURI, LEVEL_MUNICIPALITY)
        # One aggregate: when the type's public items were first and last published.
        dates = visible_pages(content_type.model.objects.all(), self.site).aggregate(
            issued=Min("first_published_at"), modified=Max("last_published_at")
        )
        if dates["issued"] is not None:
            self.add(dataset, DCTERMS.issued, Literal(dates["issued"].isoformat(), datatype=XSD.dateTime))
        if dates["modified"] is not None:
            self.add(dataset, DCTERMS.modified, Literal(dates["modified"].isoformat(), datatype=XSD.dateTime))
        collection = content_type.collection
        self.distribution(
            dataset,
            f"{collection}-json",
            f"/api/v1/{collection}",
            "JSON",
            "application/json",
            "JSON API",
            False,
        )
        for feed in content_type.feeds:
            file_type, media_type, title = FEED_FORMATS[feed.rsplit(".", 1)[1]]
            self.distribution(dataset, feed, f"/api/v1/{feed}", file_type, media_type, title, True)
        self.distribution(
            dataset, f"{collection}-jsonld", f"/api/v1/export/{collection}.jsonld", "JSON_LD", JSONLD,
            _("Bulk export (JSON-LD, schema.org)"), True,
        )  # fmt: skip
        self.distribution(
            dataset, f"{collection}-ndjson", f"/api/v1/export/{collection}.ndjson", "JSON", NDJSON,
            _("Bulk export (NDJSON, one detail per line)"), True,
        )  # fmt: skip
        return dataset, dates["modified"]

    def distribution(
        self, dataset, key: str, path: str, file_type: str, media_type: str, title: str, download: bool
    ) -> None:
        distribution = self.url(f"/api/v1/catalog#{key}")
        licence = self.publisher.licence
        self.add(dataset, DCAT.distribution, distribution)
        self.add(distribution, RDF.type, DCAT.Distribution)
        self.add(distribution, DCTERMS.title, Literal(str(title)))
        self.add(distribution, DCAT.accessURL, self.url(path))
        if download:
            self.add(distribution, DCAT.downloadURL, self.url(path))
        self.add(distribution, DCTERMS.format, FILE_TYPE[file_type])
        self.add(distribution, DCAT.mediaType, URIRef(IANA + media_type))
        self.add(distribution, DCTERMS.license, URIRef(licence.dcat_uri))
        if licence.key in ("cc-by-4.0", "dl-de-by-2.0"):
            self.add(distribution, DCATDE.licenseAttributionByText, Literal(licence.attribution))
        self.add(distribution, DCTERMS.rights, Literal(licence.label))


@router.get(
    "/catalog",
    response={200: None, **PROBLEM_RESPONSES},
    summary="The DCAT-AP.de catalogue of the open data",
    openapi_extra={
        "responses": {
            200: {
                "description": "One dcat:Catalog with a dcat:Dataset per content type.",
                "content": {JSONLD: {"schema": {"type": "object"}}, TURTLE: {"schema": {"type": "string"}}},
            }
        }
    },
)
@strict_query(CatalogParams)
def catalog(request: HttpRequest, params: Query[CatalogParams]):
    """The site's open data described in DCAT-AP.de 2.0, for GovData and the state's open-data portal:
    a dataset per content type (points of interest, events, news) with a distribution per format
    (the JSON list, GeoJSON, iCalendar, RSS, the bulk JSON-LD and NDJSON exports), each under the
    site's dataset licence (`dct:license` from the dcat-ap.de licence vocabulary), the publisher,
    contact point and `dcatde:contributorID` from the site settings.

    JSON-LD by default; Turtle with `Accept: text/turtle` or `?format=ttl`.
    Consumers: open-data portals (GovData, the state's portal), the state's tourism data hub.
    """
    graph = Catalogue(request).build()
    turtle = params.format == "ttl" or (
        params.format is None and request.get_preferred_type([JSONLD, TURTLE, "application/json"]) == TURTLE
    )
    if turtle:
        response = HttpResponse(graph.serialize(format="turtle"), content_type=f"{TURTLE}; charset=utf-8")
    else:
        context = {"dcat": str(DCAT), "dct": str(DCTERMS), "dcatde": str(DCATDE), "foaf": str(FOAF)}
        context["vcard"] = str(VCARD)
        body = graph.serialize(format="json-ld", context=context, auto_compact=True)
        response = HttpResponse(body, content_type=JSONLD)
    patch_vary_headers(response, ["Accept"])
    return response
