"""Sites without a reachable website (none configured, or the demo's reserved example domain): the
admin's preview shows Roland's own rendering of the draft instead of framing a page that cannot
load, and "Live anzeigen" opens the page's public API detail; with a real website both stay as they
were (the website's preview page, a redirect to the website).
"""

import pytest
from django.urls import reverse
from wagtail.models import Site

from sites.models import SiteSettings
from tests.cms.test_preview import event_form, news_form, poi_form

pytestmark = pytest.mark.django_db
DEMO_LIKE = {"website_url": "https://www.stadt.example/", "preview_url": "https://www.stadt.example/preview/"}


@pytest.fixture
def content(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        poi = tree.poi(title="Museum", slug="museum")
        event = tree.event(title="Stadtführung", slug="stadtfuehrung", venue=poi)
        article = tree.news_article(title="Neues WLAN", slug="wlan")
    return {"poi": poi, "event": event, "news": article}


def configure(**values) -> None:
    if values:
        SiteSettings.objects.create(site=Site.objects.get(is_default_site=True), **values)


@pytest.mark.parametrize("website", [{}, DEMO_LIKE], ids=["no website", "example domain"])
@pytest.mark.parametrize(("kind", "form"), [("poi", poi_form), ("event", event_form), ("news", news_form)])
def test_preview_without_a_reachable_website_is_the_draft_rendered_by_roland(
    admin_client, content, website, kind, form
):
    configure(**website)
    page = content[kind]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    assert admin_client.post(url, form(page, "Entwurfstitel")).json()["is_valid"]

    response = admin_client.get(url)

    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/html")
    text = response.content.decode()
    assert "<h1>Entwurfstitel</h1>" in text and "Im Entwurf" in text and "Ein Entwurf." in text
    assert "<iframe" not in text and ".example" not in text
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    if kind == "event":
        assert "Museum" in text  # the venue


def test_preview_with_a_website_still_opens_the_website(admin_client, content):
    configure(website_url="https://www.example.org", preview_url="https://www.example.org/vorschau/")
    page = content["poi"]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    admin_client.post(url, poi_form(page, "Entwurfstitel"))
    assert 'src="https://www.example.org/vorschau/?' in admin_client.get(url).content.decode()


@pytest.mark.parametrize("website", [{}, DEMO_LIKE], ids=["no website", "example domain"])
def test_view_live_without_a_reachable_website_opens_the_api_detail(client, content, website):
    configure(**website)
    poi = content["poi"]
    response = client.get(poi.url)
    assert (response.status_code, response["Location"]) == (302, f"/api/v1/pois/{poi.pk}")
    detail = client.get(response["Location"])
    assert detail.status_code == 200 and detail.json()["title"] == "Museum"
    home = client.get("/", follow=True)
    assert home.status_code == 200


def test_view_live_with_a_website_opens_the_website(client, content):
    configure(website_url="https://www.example.org")
    response = client.get(content["poi"].url)
    assert response.status_code == 302
    assert response["Location"].startswith("https://www.example.org/")
