"""Every answer says what the browser may load and run: a Content-Security-Policy per surface, and a
Permissions-Policy that switches off camera, microphone, geolocation, payment, USB and the like.

The browser test (tests/e2e/test_security_headers_browser.py) shows the pages run under them.
"""

import re

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from sites.models import KioskScreen
from tests.factories import SiteTree
from tests.worlds import built_once

API_POLICY = {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}
DENIED = ("camera", "microphone", "geolocation", "payment", "usb")


def build_world() -> dict:
    tree = SiteTree()
    poi = tree.poi(title="Rathaus", slug="rathaus", latitude="52.2897", longitude="11.4086")
    KioskScreen.objects.create(name="Markt", slug="markt", venue=poi, radius_km=3, languages=["de"])
    PageViewRestriction.objects.create(page=poi, restriction_type="password", password="sesam")
    document = Document.objects.create(title="Plan", file=ContentFile(b"%PDF-1.4 Plan", name="plan.pdf"))
    return {"poi": poi, "document": document}


world = built_once(build_world)


def directives(response) -> dict[str, list[str]]:
    """The policy's directives (django-csp writes them in no fixed order)."""
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def nonces_in(html: str) -> set[str]:
    return set(re.findall(r'<script[^>]* nonce="([^"]+)"', html))


def scripts_without_nonce(html: str) -> list[str]:
    return [
        tag
        for tag in re.findall(r"<script\b[^>]*>", html)
        if "nonce=" not in tag and "application/json" not in tag
    ]


@pytest.fixture
def visitor(world, db) -> Client:
    return Client()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/locales",
        "/api/v1/pois",
        "/api/v1/pois/999999",  # a problem document
        "/api/v1/events?from=kaputt",
        "/api/v1/openapi.json",
        "/api/wagtail/v2/pages/",
        "/api/v1/kiosks/markt/feed",
    ],
)
def test_api_answers_allow_nothing_to_load_run_or_frame(visitor, path):
    first, second = visitor.get(path), visitor.get(path)
    assert directives(first) == API_POLICY
    assert directives(second) == API_POLICY  # a cached answer too


def test_api_docs_run_only_their_own_nonced_scripts(visitor):
    first, second = visitor.get("/api/v1/docs"), visitor.get("/api/v1/docs")
    assert first.status_code == 200
    policy = directives(first)
    html = first.content.decode()
    (nonce,) = nonces_in(html)
    assert policy["script-src"] == [f"'nonce-{nonce}'"]
    assert scripts_without_nonce(html) == []
    assert policy["default-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    # Swagger UI from this server only, never a CDN.
    assert not re.search(r'(src|href)="(https?:)?//', html)
    # A nonce is for one answer: the page is not kept by any cache, and the next one has another.
    assert "no-store" in first["Cache-Control"]
    assert nonces_in(second.content.decode()) != {nonce}
    assert directives(second)["script-src"] == [f"'nonce-{nonces_in(second.content.decode()).pop()}'"]


def test_the_kiosk_player_runs_only_its_nonced_script(visitor):
    response = visitor.get("/kiosks/markt/")
    assert response.status_code == 200
    policy = directives(response)
    html = response.content.decode()
    (nonce,) = nonces_in(html)
    assert policy["script-src"] == [f"'nonce-{nonce}'"]
    assert scripts_without_nonce(html) == []
    assert policy["worker-src"] == ["'self'"]  # its service worker
    assert policy["connect-src"][0] == "'self'"
    assert policy["frame-ancestors"] == ["'self'"]  # the admin's preview frame
    # The service worker's own policy lets it fetch the feed and images from this server.
    worker = visitor.get("/kiosks/sw.js")
    assert "'self'" in directives(worker)["connect-src"]


def test_the_admin_is_closed_to_other_origins(visitor, django_user_model):
    login = visitor.get("/admin/login/")
    policy = directives(login)
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    for name in ("default-src", "script-src", "style-src", "connect-src", "frame-src", "img-src"):
        assert all(value.startswith("'") or value in ("data:", "blob:") for value in policy[name]), name
    user = django_user_model.objects.create_superuser("chefin", "chefin@example.org", "pw")
    visitor.force_login(user)
    dashboard = visitor.get("/admin/")
    assert directives(dashboard) == policy


def test_other_pages_run_no_script(visitor, world):
    password_form = visitor.get(
        f"/_util/authenticate_with_password/{world['poi'].view_restrictions.get().pk}/{world['poi'].pk}/"
    )
    missing = visitor.get("/gibt-es-nicht/")
    for response in (password_form, missing):
        policy = directives(response)
        assert policy["default-src"] == ["'none'"] and "script-src" not in policy
        assert policy["form-action"] == ["'self'"]


def test_wagtails_document_view_keeps_its_own_policy(visitor, world):
    document = world["document"]
    response = visitor.get(f"/documents/{document.pk}/plan.pdf")
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize(
    "path", ["/api/v1/locales", "/api/v1/docs", "/kiosks/markt/", "/admin/login/", "/healthz"]
)
def test_powerful_browser_features_are_switched_off_everywhere(visitor, path):
    policy = visitor.get(path)["Permissions-Policy"]
    features = dict(item.strip().split("=", 1) for item in policy.split(","))
    for feature in DENIED:
        assert features[feature] == "()", feature


@pytest.mark.parametrize(
    ("tile_url", "origins"),
    [
        ("", []),
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", ["https://tile.openstreetmap.org"]),
        ("https://{s}.tiles.example.org/{z}/{x}/{y}.png", ["https://*.tiles.example.org"]),
    ],
)
def test_the_admin_loads_map_tiles_only_from_the_configured_host(visitor, settings, tile_url, origins):
    settings.ROLAND_MAP_TILE_URL = tile_url
    img_src = directives(visitor.get("/admin/login/"))["img-src"]
    assert [value for value in img_src if "://" in value] == origins
    assert all("://" not in value for value in directives(visitor.get("/api/v1/locales"))["default-src"])
