"""QR codes of the items a kiosk shows (/kiosks/qr/<id>.svg): only for public pages, and not cached for
longer than the API's answers, so a page hidden later stops being shown by caches within that lifetime.
"""

import pytest
from wagtail.models import PageViewRestriction

from tests.worlds import tree_per_module

pytestmark = pytest.mark.django_db


# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


@pytest.fixture
def event(tree):
    return tree.event(title="Rolandfest", slug="rolandfest")


def qr(client, page, **headers):
    return client.get(f"/kiosks/qr/{page.pk}.svg", **headers)


def test_a_visible_page_has_a_qr_code_for_the_api_cache_lifetime(client, event, settings):
    response = qr(client, event)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    assert response["Cache-Control"] == f"public, max-age={settings.API_CACHE_MAX_AGE}, must-revalidate"
    assert response["ETag"].startswith('"') and len(response["ETag"]) > 20  # strong: no W/
    settings.API_CACHE_MAX_AGE = 15
    assert qr(client, event)["Cache-Control"] == "public, max-age=15, must-revalidate"


def test_revalidation_gives_304_while_the_page_is_public(client, event):
    etag = qr(client, event)["ETag"]
    again = qr(client, event, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again.has_header("Cache-Control")
    assert qr(client, event, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_an_unpublished_page_is_404_even_for_a_cached_copy(client, event):
    etag = qr(client, event)["ETag"]
    event.unpublish()
    assert qr(client, event).status_code == 404
    assert qr(client, event, HTTP_IF_NONE_MATCH=etag).status_code == 404


@pytest.mark.parametrize("restricted", ["page", "parent"])
def test_a_restricted_page_is_404_even_for_a_cached_copy(client, tree, event, restricted):
    etag = qr(client, event)["ETag"]
    target = event if restricted == "page" else tree.events
    PageViewRestriction.objects.create(page=target, restriction_type="password", password="x")
    assert qr(client, event).status_code == 404
    assert qr(client, event, HTTP_IF_NONE_MATCH=etag).status_code == 404


def test_unknown_and_draft_pages_are_404(client, tree):
    draft = tree.event(title="Entwurf", slug="entwurf", live=False)
    assert qr(client, draft).status_code == 404
    assert client.get("/kiosks/qr/999999.svg").status_code == 404
