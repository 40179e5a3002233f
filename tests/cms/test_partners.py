"""/partners/: a partner reads, in German or English, how to get a key, the limits, the licence and
whom to name, the formats and the sync loop; every API link on the page answers, nothing on it comes
from another origin."""

import re
from html.parser import HTMLParser

import pytest
from django.test import override_settings
from wagtail.models import Site

from sites.models import SiteSettings
from tests.factories import SiteTree
from tests.worlds import built_once

pytestmark = pytest.mark.django_db


def build_world() -> SiteTree:
    tree = SiteTree()
    tree.poi(slug="roland")
    SiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={
            "organisation_name": "Stadt Haldensleben",
            "contact_email": "daten@haldensleben.example",
            "licence": "dl-de-by-2.0",
            "attribution": "Stadt Haldensleben, Tourist-Information",
        },
    )
    return tree


world = built_once(build_world)


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.loaded: list[str] = []  # what the browser would fetch by itself

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs["href"])
        if tag in ("script", "img", "iframe") or (tag == "link" and attrs.get("rel") == "stylesheet"):
            self.loaded.append(attrs.get("src") or attrs.get("href"))


def page(client, **kwargs):
    response = client.get("/partners/", **kwargs)
    assert response.status_code == 200, response.content[:300]
    parser = Links()
    parser.feed(response.content.decode())
    return response, response.content.decode(), parser


@override_settings(API_RATE_LIMIT_ANONYMOUS=77, API_RATE_LIMIT_KEYED=4321)
def test_the_page_is_german_by_default_and_says_what_a_partner_needs(client, world):
    response, html, _ = page(client)
    assert response["Content-Language"] == "de" and '<html lang="de">' in html
    assert "Daten für Partner" in html
    assert "77 Anfragen pro Minute" in html and "4321 Anfragen pro Minute" in html
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in html
    assert "Stadt Haldensleben, Tourist-Information" in html
    assert "mailto:daten@haldensleben.example" in html
    assert "90 Tage" in html  # the change feed's retention, from the settings


@pytest.mark.parametrize("how", [{"data": {"lang": "en"}}, {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.8"}])
def test_english_by_parameter_or_browser_language(client, world, how):
    response, html, _ = page(client, **how)
    assert response["Content-Language"] == "en" and "Data for partners" in html
    assert "Name as the source: <strong>Stadt Haldensleben, Tourist-Information</strong>" in html


def test_every_api_link_on_the_page_answers(client, world):
    _, _, parser = page(client)
    api_links = sorted({link for link in parser.links if "/api/v1/" in link})
    assert len(api_links) >= 14  # lists, files and both exports of each type, catalogue, docs, OpenAPI
    for link in api_links:
        assert client.get(link.removeprefix("http://testserver")).status_code == 200, link


def test_nothing_is_loaded_from_another_origin(client, world):
    response, _, parser = page(client)
    assert parser.loaded == ["/static/cms/partners.css"]
    assert "script-src" not in response["Content-Security-Policy"]
    assert not re.search(r"<script|style=", response.content.decode())


def test_an_unknown_language_is_a_problem_naming_the_parameter(client, world):
    response = client.get("/partners/", {"lang": "fr"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [error["param"] for error in response.json()["errors"]] == ["lang"]
