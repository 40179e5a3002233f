"""Partner API keys: created in the admin, shown once, stored hashed, used, revoked."""

import hashlib
import re

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from sites.api_keys import issue_key
from sites.models import ApiClient
from tests.worlds import tree_per_module

pytestmark = pytest.mark.django_db


# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


KEY_RE = re.compile(r"rol_[A-Za-z0-9_\-]{40,}")


def make_client(**fields) -> tuple[ApiClient, str]:
    client = ApiClient(name=fields.pop("name", "Tourismusverband"), **fields)
    key = issue_key(client)
    client.save()
    return client, key


def test_key_is_shown_once_and_stored_only_as_a_hash(admin_client, tree):
    add_url = reverse("wagtailsnippets_roland_sites_apiclient:add")
    response = admin_client.post(
        add_url,
        {
            "name": "Regionaler Tourismusverband",
            "contact_name": "Erika Muster",
            "contact_email": "partner@example.org",
            "rate_limit": "300",
            "is_active": "on",
            "notes": "",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    keys = set(KEY_RE.findall(page))
    assert len(keys) == 1
    key = keys.pop()

    client = ApiClient.objects.get(name="Regionaler Tourismusverband")
    assert client.key_hash == hashlib.sha256(key.encode()).hexdigest()
    stored = " ".join(
        str(value) for value in ApiClient.objects.filter(pk=client.pk).values().first().values()
    )
    assert key not in stored
    assert key.startswith(client.key_prefix)

    # Never again: not in the list, not on the edit page.
    listing = admin_client.get(reverse("wagtailsnippets_roland_sites_apiclient:list")).content.decode()
    edit = admin_client.get(reverse("wagtailsnippets_roland_sites_apiclient:edit", args=[client.pk]))
    assert key not in listing and key not in edit.content.decode()
    assert client.key_prefix in listing

    # The key works at once, with the client's own limit.
    answer = admin_client.get("/api/v1/pois", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert answer.status_code == 200
    assert answer["RateLimit-Limit"] == "300"


def test_bearer_and_x_api_key_are_both_accepted_and_use_is_recorded(client, tree):
    partner, key = make_client(rate_limit=50)
    assert partner.last_used_at is None
    bearer = client.get("/api/v1/events", HTTP_AUTHORIZATION=f"Bearer {key}")
    header = client.get("/api/v1/news", HTTP_X_API_KEY=key)
    assert bearer.status_code == header.status_code == 200
    assert bearer["RateLimit-Limit"] == header["RateLimit-Limit"] == "50"
    partner.refresh_from_db()
    assert partner.last_used_at is not None
    # Keyed answers are not for shared caches.
    assert bearer["Cache-Control"].startswith("private")


def test_revoking_takes_effect_on_the_next_request(client, tree):
    partner, key = make_client()
    assert client.get("/api/v1/pois", HTTP_X_API_KEY=key).status_code == 200
    partner.is_active = False
    partner.save()
    response = client.get("/api/v1/pois", HTTP_X_API_KEY=key)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["status"] == 401
    assert "Bearer" in response["WWW-Authenticate"]
    assert response.has_header("RateLimit-Limit")


def test_revoking_in_the_admin(admin_client, tree):
    partner, key = make_client()
    assert admin_client.get("/api/v1/pois", HTTP_X_API_KEY=key).status_code == 200
    response = admin_client.post(
        reverse("wagtailsnippets_roland_sites_apiclient:edit", args=[partner.pk]),
        {"name": partner.name, "contact_name": "", "contact_email": "", "rate_limit": "100", "notes": ""},
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.is_active is False
    assert admin_client.get("/api/v1/pois", HTTP_X_API_KEY=key).status_code == 401


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_AUTHORIZATION": "Bearer rol_not-a-real-key-at-all-000000000000000000000"},
        {"HTTP_AUTHORIZATION": "Bearer "},
        {"HTTP_X_API_KEY": "guess"},
        {"HTTP_X_API_KEY": ""},
        {"HTTP_X_API_KEY": "rol_" + "x" * 5000},
    ],
)
def test_a_bad_key_is_a_401_problem_on_every_api(client, tree, headers):
    for path in ("/api/v1/pois", "/api/v1/pois/999999", "/api/wagtail/v2/pages/", "/api/v1/openapi.json"):
        response = client.get(path, **headers)
        assert response.status_code == 401, path
        assert response["Content-Type"].startswith("application/problem+json")


def test_a_key_never_unlocks_login_restricted_content(client, tree):
    _partner, key = make_client()
    hidden = tree.poi(title="Nur für Mitglieder", slug="intern")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    listing = client.get("/api/v1/pois", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert "Nur für Mitglieder" not in {item["title"] for item in listing["items"]}
    assert client.get(f"/api/v1/pois/{hidden.pk}", HTTP_X_API_KEY=key).status_code == 404
