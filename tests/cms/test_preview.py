"""Headless preview end to end: the admin's preview opens the site's preview page with a token, and
/api/v1/preview answers the draft in its detail shape for that token only (the city website relies
on both). Drafts never leak into the public endpoints.
"""

import html
import re
import time
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import TimestampSigner, b62_encode
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_headless_preview.models import PagePreview

from cms.core.preview import collect_expired_previews, preview_root_url, with_query
from cms.demo.translation import translate_with_strings
from home.models import HomePage, StandardPage
from sites.models import SiteSettings
from tests.factories import CategoryFactory, SiteTree, add_page
from tests.worlds import built_once, fresh
from tourism.models import Event

pytestmark = pytest.mark.django_db
PREVIEW_PAGE = "https://www.example.org/vorschau/"


def build_world() -> dict:
    """The site tree and a published POI, event and news article: the previews below only read them."""
    tree = SiteTree()
    poi = tree.poi(title="Museum", slug="museum")
    event = tree.event(title="Stadtführung", slug="stadtfuehrung", venue=poi)
    article = tree.news_article(title="Neues WLAN", slug="wlan")
    return {"tree": tree, "poi": poi, "event": event, "news": article}


# Built once for the module; every test adds its own pages and settings in its own savepoint.
_world = built_once(build_world)


@pytest.fixture
def tree(_world, db) -> SiteTree:
    return fresh(_world["tree"])


@pytest.fixture
def site_settings(tree):
    return SiteSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        website_url="https://www.example.org",
        preview_url=PREVIEW_PAGE,
    )


@pytest.fixture
def content(_world, site_settings) -> dict:
    return fresh({kind: _world[kind] for kind in ("poi", "event", "news")})


# --- the admin's side -----------------------------------------------------------------------------


def common_fields(page: Page, title: str) -> dict:
    return {
        "title": title,
        "slug": page.slug or "entwurf",
        "teaser": "Ein Entwurf.",
        "body": streamfield([("heading", "Im Entwurf")]),
        "comments": inline_formset([]),
    }


def poi_form(page, title: str, **extra) -> dict:
    formsets = ("gallery_images", "related_links", "opening_hours", "opening_hours_exceptions")
    return nested_form_data(
        {
            **common_fields(page, title),
            **{name: inline_formset([]) for name in formsets},
            "latitude": "52.289300",
            "longitude": "11.408500",
            "wheelchair": "yes",
            **extra,
        }
    )


def event_form(page, title: str, **extra) -> dict:
    return nested_form_data(
        {
            **common_fields(page, title),
            "start_date": page.start_date.isoformat(),
            "start_time": "14:00",
            "end_time": "15:30",
            "audience": "everyone",
            "status": "scheduled",
            "venue": str(page.venue_id or ""),
            "excluded_dates": inline_formset([]),
            "extra_dates": inline_formset([]),
            **extra,
        }
    )


def news_form(page, title: str, **extra) -> dict:
    return nested_form_data(
        {
            **common_fields(page, title),
            "date": page.date.isoformat(),
            "related_links": inline_formset([]),
            **extra,
        }
    )


def page_form(page, title: str, **extra) -> dict:
    return nested_form_data({**common_fields(page, title), **extra})


def open_preview(admin_client, url: str, form: dict) -> str:
    """Post the form as the admin's preview panel does, then load the panel: the URL it frames."""
    assert admin_client.post(url, form).json() == {"is_valid": True, "is_available": True}
    panel = admin_client.get(url)
    assert panel.status_code == 200
    match = re.search(r'<iframe src="([^"]+)"', panel.content.decode())
    assert match, panel.content[:500]
    return html.unescape(match.group(1))


def preview_on_edit(admin_client, page, form: dict) -> str:
    return open_preview(admin_client, reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,)), form)


def preview_params(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def get_preview(client, **params):
    return client.get("/api/v1/preview", params)


def assert_not_found(response):
    assert response.status_code == 404, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert "no-store" in response["Cache-Control"]


# --- end to end -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "form", "path", "content_type"),
    [
        ("poi", poi_form, "pois", "tourism.pointofinterest"),
        ("event", event_form, "events", "tourism.event"),
        ("news", news_form, "news", "tourism.newsarticle"),
    ],
)
def test_preview_of_a_live_item_answers_the_draft_in_its_detail_shape(
    admin_client, client, content, kind, form, path, content_type
):
    page = content[kind]
    url = preview_on_edit(admin_client, page, form(page, "Entwurfstitel"))

    assert url.startswith(PREVIEW_PAGE + "?")
    params = preview_params(url)
    assert params["content_type"] == content_type
    assert PagePreview.objects.filter(token=params["token"]).exists()

    response = get_preview(client, **params)
    assert response.status_code == 200, response.content[:300]
    assert response["Cache-Control"] == "private, no-store"
    draft = response.json()
    live = client.get(f"/api/v1/{path}/{page.pk}").json()
    assert draft.keys() == live.keys()
    assert (draft["id"], draft["type"], draft["locale"]) == (live["id"], live["type"], "de")
    assert draft["title"] == "Entwurfstitel" and live["title"] == page.title
    assert draft["body"] == [{"type": "heading", "value": "Im Entwurf"}]
    assert draft["url"] == live["url"] == f"https://www.example.org/{page.url_path.split('/', 2)[2]}"

    # The draft stays a draft: nothing public shows it.
    listed = client.get(f"/api/v1/{path}", {"limit": 100}).json()["items"]
    assert "Entwurfstitel" not in {item["title"] for item in listed}
    assert client.get(f"/api/v1/{path}/{page.pk}").json()["title"] == page.title


def test_event_draft_shows_its_own_dates_and_categories(admin_client, client, content):
    event = content["event"]
    concert = CategoryFactory(name="Konzerte", slug="concert", kind="event")
    moved = timezone.localdate() + timedelta(days=10)
    form = event_form(event, "Verlegte Führung", start_date=moved.isoformat())
    form["categories"] = [str(concert.pk)]  # a multiple choice: one value per box, not a nested form

    params = preview_params(preview_on_edit(admin_client, event, form))
    draft = get_preview(client, **params).json()

    assert draft["start"].startswith(moved.isoformat())
    assert draft["next_occurrences"][0]["start"].startswith(moved.isoformat())
    assert draft["categories"] == [{"slug": "concert", "name": "Konzerte"}]
    assert draft["venue"]["id"] == content["poi"].pk
    assert draft["jsonld"]["name"] == "Verlegte Führung"
    live = client.get(f"/api/v1/events/{event.pk}").json()
    assert live["categories"] == [] and not live["start"].startswith(moved.isoformat())


def test_never_published_page_previews_as_a_page(admin_client, client, tree, site_settings):
    draft_page = add_page(
        tree.home, StandardPage(title="Geheim", slug="geheim", teaser="Noch nicht"), live=False
    )

    params = preview_params(preview_on_edit(admin_client, draft_page, page_form(draft_page, "Bald online")))
    assert params["content_type"] == "home.standardpage"
    response = get_preview(client, **params)

    assert response.status_code == 200, response.content[:300]
    assert response.json() == {
        "id": draft_page.pk,
        "type": "page",
        "locale": "de",
        "is_fallback": False,
        "fallback_locale": None,
        "title": "Bald online",
        "slug": "geheim",
        "teaser": "Ein Entwurf.",
        "url": "https://www.example.org/geheim/",
        "api_url": None,
        "last_published_at": None,
        "translation_outdated": False,
        "image": None,
        "body": [{"type": "heading", "value": "Im Entwurf"}],
    }
    nav = client.get("/api/v1/navigation").json()
    assert "Geheim" not in str(nav) and "Bald online" not in str(nav)


def test_preview_on_the_create_form_has_no_id_yet(admin_client, client, tree, site_settings):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("home", "standardpage", tree.home.pk))
    blank = StandardPage(slug="")

    params = preview_params(open_preview(admin_client, url, page_form(blank, "Ganz neu")))
    data = get_preview(client, **params).json()

    assert (data["id"], data["api_url"], data["title"], data["type"]) == (None, None, "Ganz neu", "page")
    assert data["url"] == "https://www.example.org/entwurf/"


def test_preview_url_is_the_one_of_the_pages_site(admin_client, tree, site_settings):
    other_home = HomePage(title="Kiosk", slug="kiosk-home", locale=Locale.objects.get(language_code="de"))
    Page.get_first_root_node().add_child(instance=other_home)
    other_site = Site.objects.create(hostname="kiosk.example.org", root_page=other_home)
    SiteSettings.objects.create(site=other_site, preview_url="https://kiosk.example.org/preview?key=abc")
    page = add_page(other_home, StandardPage(title="Kiosk-Info", slug="info", teaser="Info"))

    url = preview_on_edit(admin_client, page, page_form(page, "Kiosk-Entwurf"))

    assert url.startswith("https://kiosk.example.org/preview?key=abc&content_type=home.standardpage&token=")


def test_preview_page_falls_back_to_package_settings_then_the_website(tree):
    site = Site.objects.get(is_default_site=True)
    assert preview_root_url(site) == site.root_url + "/"
    site_settings = SiteSettings.objects.create(site=site, website_url="https://www.example.org")
    assert preview_root_url(site) == "https://www.example.org/"
    with override_settings(
        WAGTAIL_HEADLESS_PREVIEW={"CLIENT_URLS": {"default": "https://preview.example.org"}}
    ):
        assert preview_root_url(site) == "https://preview.example.org/"
        site_settings.preview_url = PREVIEW_PAGE
        site_settings.save()
        assert preview_root_url(site) == PREVIEW_PAGE


def test_with_query_keeps_the_preview_pages_own_parameters():
    assert with_query("https://a.example/p?x=1&token=old", content_type="home.homepage", token="t") == (
        "https://a.example/p?x=1&content_type=home.homepage&token=t"
    )


# --- failing closed -------------------------------------------------------------------------------


@pytest.fixture
def event_preview(admin_client, content) -> dict[str, str]:
    event = content["event"]
    return preview_params(preview_on_edit(admin_client, event, event_form(event, "Entwurf")))


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("content_type=tourism.event", "token"),
        ("token=abc", "content_type"),
        ("content_type=tourism.event&token=", "token"),
        ("content_type=&token=abc", "content_type"),
        ("content_type=tourism.event&content_type=tourism.event&token=abc", "content_type"),
        ("content_type=tourism.event&token=abc&locale=de", "locale"),
        ("", "content_type"),
    ],
)
def test_missing_or_bad_parameters_are_a_400_naming_them(client, tree, query, param):
    response = client.get(f"/api/v1/preview?{query}")
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert param in [error["param"] for error in response.json()["errors"]]


def test_a_valid_token_opens_only_its_own_draft(client, event_preview):
    assert get_preview(client, **event_preview).status_code == 200
    token = event_preview["token"]

    tampered = token[:-1] + ("x" if token[-1] != "x" else "y")
    assert_not_found(get_preview(client, content_type="tourism.event", token=tampered))
    assert_not_found(get_preview(client, content_type="tourism.event", token="id=1:1abcde:forged"))
    assert_not_found(get_preview(client, content_type="tourism.pointofinterest", token=token))
    assert_not_found(get_preview(client, content_type="home.standardpage", token=token))
    assert_not_found(get_preview(client, content_type="auth.user", token=token))
    assert_not_found(get_preview(client, content_type="tourism", token=token))


def test_a_signed_token_without_a_stored_preview_is_404(client, content):
    token = Event.get_preview_signer().sign(f"id={content['event'].pk}")
    assert_not_found(get_preview(client, content_type="tourism.event", token=token))


def test_a_token_expires_with_its_stored_day(client, event_preview):
    PagePreview.objects.filter(token=event_preview["token"]).update(
        created_at=timezone.localdate() - timedelta(days=2)
    )
    assert_not_found(get_preview(client, **event_preview))


class IssuedEarlier(TimestampSigner):
    """Signs as if the token had been issued just past its lifetime ago."""

    def timestamp(self) -> str:
        return b62_encode(int(time.time()) - settings.ROLAND_PREVIEW_TOKEN_SECONDS - 60)


def test_a_token_expires_after_its_lifetime_even_on_the_same_day(client, content):
    event = content["event"]
    event_type = ContentType.objects.get_for_model(Event)
    fresh = Event.get_preview_signer().sign(f"id={event.pk}")
    stale = IssuedEarlier(salt="headlesspreview.token").sign(f"id={event.pk}")
    for token in (fresh, stale):
        PagePreview.objects.create(token=token, content_type=event_type, content_json=event.to_json())

    assert get_preview(client, content_type="tourism.event", token=fresh).status_code == 200
    assert_not_found(get_preview(client, content_type="tourism.event", token=stale))


def test_expired_previews_are_collected_when_a_new_one_is_made(admin_client, content, event_preview):
    PagePreview.objects.filter(token=event_preview["token"]).update(
        created_at=timezone.localdate() - timedelta(days=2)
    )
    assert collect_expired_previews() == 1

    stale = PagePreview.objects.create(
        token="old", content_type=ContentType.objects.get_for_model(Event), content_json="{}"
    )
    PagePreview.objects.filter(pk=stale.pk).update(created_at=timezone.localdate() - timedelta(days=2))
    event = content["event"]
    preview_on_edit(admin_client, event, event_form(event, "Noch ein Entwurf"))
    assert not PagePreview.objects.filter(pk=stale.pk).exists()
    assert PagePreview.objects.count() == 1


def test_draft_of_a_translation_answers_in_its_language(
    admin_client, client, tree, content, locales, django_capture_on_commit_callbacks
):
    museums = CategoryFactory(name="Museen", slug="museum")
    museum = content["poi"]
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_strings(tree.home, locales["en"], {})
        translate_with_strings(tree.pois, locales["en"], {"orte": "places"})
        translate_with_strings(museums, locales["en"], {"Museen": "Museums"})
        english, _missing = translate_with_strings(museum, locales["en"], {"Museum": "The museum"})
    form = poi_form(english, "Museum draft")
    form["categories"] = [str(museums.pk)]  # the source-language category: named in English all the same

    params = preview_params(preview_on_edit(admin_client, english, form))
    response = client.get("/api/v1/preview", params, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200, response.content[:300]
    data = response.json()
    assert (data["locale"], data["title"], data["is_fallback"]) == ("en", "Museum draft", False)
    assert response["Content-Language"] == "en"
    assert data["url"] == "https://www.example.org/en/places/museum/"
    assert data["categories"] == [{"slug": "museum", "name": "Museums"}]
    assert [t["locale"] for t in data["translations"]] == ["de"]
