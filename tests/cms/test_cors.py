"""Browsers on a site's configured origins may read the API; other origins get no CORS headers."""

import pytest
from wagtail.models import Site

from sites.models import SiteSettings

pytestmark = pytest.mark.django_db
ALLOWED = "https://www.haldensleben.example"


@pytest.fixture
def configured(db):
    SiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"cors_allowed_origins": f"{ALLOWED}\nhttp://localhost:3000"},
    )


def test_configured_origin_may_read_the_api(client, configured):
    response = client.get("/api/v1/locales", HTTP_ORIGIN=ALLOWED)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "content-language" in response["Access-Control-Expose-Headers"].lower()


def test_other_origins_get_no_cors_headers(client, configured):
    response = client.get("/api/v1/locales", HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_preflight_from_a_configured_origin(client, configured):
    response = client.options(
        "/api/v1/pois",
        HTTP_ORIGIN=ALLOWED,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-api-key",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "x-api-key" in response["Access-Control-Allow-Headers"]


def test_changing_the_settings_takes_effect_on_the_next_request(client, configured):
    assert "Access-Control-Allow-Origin" in client.get("/api/v1/locales", HTTP_ORIGIN=ALLOWED)
    settings = SiteSettings.objects.get()
    settings.cors_allowed_origins = "http://localhost:3000"
    settings.save()
    assert "Access-Control-Allow-Origin" not in client.get("/api/v1/locales", HTTP_ORIGIN=ALLOWED)


def test_the_admin_is_not_opened_to_other_origins(client, configured):
    response = client.get("/admin/login/", HTTP_ORIGIN=ALLOWED)
    assert "Access-Control-Allow-Origin" not in response
