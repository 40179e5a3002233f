"""Page URLs of the headless CMS (Wagtail's own serving, the admin's "view live" links, `HEAD /`):
a redirect to the page on the public website when the site has one, else a small 404; a page the
public may not see answers exactly as a slug that does not exist."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from sites.models import SiteSettings
from tests.factories import SiteTree
from tests.worlds import built_once, fresh

pytestmark = pytest.mark.django_db

WEBSITE = "https://www.haldensleben.de"
HTML = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8"}
JSON = {"HTTP_ACCEPT": "application/json"}


def build() -> dict:
    tree = SiteTree()
    hidden = {
        "draft": tree.poi(title="Entwurf", slug="entwurf", live=False),
        "password": tree.poi(title="Mit Kennwort", slug="kennwort"),
        "login": tree.poi(title="Nur angemeldet", slug="angemeldet"),
        "groups": tree.poi(title="Nur Redaktion", slug="redaktion"),
        "expired": tree.poi(title="Abgelaufen", slug="abgelaufen"),
        "under a restricted parent": tree.news_article(title="Intern", slug="intern"),
    }
    PageViewRestriction.objects.create(page=hidden["password"], restriction_type="password", password="x")
    PageViewRestriction.objects.create(page=hidden["login"], restriction_type="login")
    editors = PageViewRestriction.objects.create(page=hidden["groups"], restriction_type="groups")
    editors.groups.add(Group.objects.create(name="Redaktion Intern"))
    PageViewRestriction.objects.create(page=tree.news, restriction_type="password", password="x")
    Page.objects.filter(pk=hidden["expired"].pk).update(expire_at=timezone.now() - timezone.timedelta(days=1))
    return {"tree": tree, "poi": tree.poi(title="Rathaus", slug="rathaus"), "hidden": hidden}


world = built_once(build)


@pytest.fixture
def pages(world):
    return fresh(world)


@pytest.fixture
def website(pages):
    return SiteSettings.objects.create(site=pages["tree"].home.get_site(), website_url=WEBSITE + "/")


def test_a_live_page_redirects_to_its_page_on_the_website(client, pages, website):
    response = client.get("/orte/rathaus/", **HTML)
    assert response.status_code == 302
    assert response["Location"] == f"{WEBSITE}/orte/rathaus/"
    for method in (client.get, client.head):
        home = method("/")
        assert (home.status_code, home["Location"]) == (302, f"{WEBSITE}/"), method


def test_without_a_website_a_page_url_redirects_to_its_api_detail(client, pages):
    page = client.get("/orte/rathaus/", **HTML)
    assert page.status_code == 302
    assert page["Location"].startswith("/api/")
    assert client.get(page["Location"]).status_code == 200
    assert client.head("/").status_code == 302


@pytest.mark.parametrize("configured", [True, False], ids=["with a website", "without"])
@pytest.mark.parametrize(
    "state", ["draft", "password", "login", "groups", "expired", "under a restricted parent"]
)
@pytest.mark.parametrize("accept", [HTML, JSON], ids=["html", "json"])
def test_a_hidden_page_answers_as_a_slug_that_does_not_exist(client, pages, state, accept, configured):
    if configured:
        SiteSettings.objects.create(site=pages["tree"].home.get_site(), website_url=WEBSITE)
    path = pages["hidden"][state].url
    missing = client.get(path.rstrip("/") + "-gibt-es-nicht/", **accept)
    assert missing.status_code == 404
    for method in ("get", "head", "options", "post"):
        response = getattr(client, method)(path, **accept)
        assert response.status_code == 404, method
        assert response["Content-Type"] == missing["Content-Type"], method
        assert not response.has_header("Location"), method
        if method == "get":
            assert response.content == missing.content
