"""/api/v1/locales, /categories and /navigation: what the city website's menus and filters rely on."""

import pytest
from wagtail.models import Locale, PageViewRestriction, Site

from cms.demo.translation import translate_with_strings
from home.models import StandardPage
from tests.factories import CategoryFactory, SiteTree, add_page, publish
from tests.querycount import count_api_queries
from tests.worlds import built_once, fresh

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    return client.get(f"/api/v1/{path}", params)


def count_queries(client, path, **params):
    return count_api_queries(client, f"/api/v1/{path}", params)


def assert_problem(response, param):
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400
    assert param in [error["param"] for error in body["errors"]]


# --- locales --------------------------------------------------------------------------------------


def test_locales_contract(client, tree):
    response = get(client, "locales")
    assert response.status_code == 200
    assert response.json() == [
        {"code": "de", "name": "Deutsch", "default": True, "fallbacks": []},
        {"code": "en", "name": "English", "default": False, "fallbacks": ["de"]},
    ]
    assert count_queries(client, "locales") == 0


@pytest.mark.parametrize("query", ["locale=de", "x=1", "%00=1"])
def test_locales_take_no_parameters(client, tree, query):
    response = client.get(f"/api/v1/locales?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


# --- categories -----------------------------------------------------------------------------------


def build_categories() -> SiteTree:
    """Five categories of three kinds, three of them translated to English; a site tree beside them."""
    tree = SiteTree()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    museum = CategoryFactory(name="Museen", slug="museum", kind="poi", icon="museum", schema_type="Museum")
    sight = CategoryFactory(name="Sehenswürdigkeiten", slug="sight", kind="poi", icon="star")
    CategoryFactory(name="Kirchen", slug="church", kind="poi", icon="church", schema_type="Church")
    concert = CategoryFactory(name="Konzerte", slug="concert", kind="event", icon="music")
    CategoryFactory(name="Tourismus", slug="tourism", kind="news")
    translate_with_strings(museum, locales["en"], {"Museen": "Museums"})
    translate_with_strings(sight, locales["en"], {"Sehenswürdigkeiten": "Attractions"})
    translate_with_strings(concert, locales["en"], {"Konzerte": "Concerts"})
    return tree


_categories = built_once(build_categories, scope="class")


class TestCategories:
    """The categories, built once for the class."""

    @pytest.fixture
    def tree(self, _categories, db) -> SiteTree:
        return fresh(_categories)

    @pytest.fixture
    def categories(self, tree):
        """The class's categories are in the database already."""

    def test_categories_contract_in_the_default_language(self, client, tree, categories):
        response = get(client, "categories")
        assert response.status_code == 200
        assert response["Content-Language"] == "de"
        data = response.json()
        assert data["count"] == 5
        assert data["items"] == [
            {"slug": "concert", "name": "Konzerte", "kind": "event", "icon": "music", "schema_type": ""},
            {"slug": "tourism", "name": "Tourismus", "kind": "news", "icon": "", "schema_type": ""},
            {"slug": "church", "name": "Kirchen", "kind": "poi", "icon": "church", "schema_type": "Church"},
            {"slug": "museum", "name": "Museen", "kind": "poi", "icon": "museum", "schema_type": "Museum"},
            {"slug": "sight", "name": "Sehenswürdigkeiten", "kind": "poi", "icon": "star", "schema_type": ""},
        ]

    def test_categories_in_english_fall_back_to_the_source_name(self, client, tree, categories):
        response = get(client, "categories", locale="en")
        assert response["Content-Language"] == "en"
        items = response.json()["items"]
        # Each category once (translations are not extra entries), sorted by kind, then the English name.
        assert [(item["kind"], item["slug"], item["name"]) for item in items] == [
            ("event", "concert", "Concerts"),
            ("news", "tourism", "Tourismus"),
            ("poi", "sight", "Attractions"),
            ("poi", "church", "Kirchen"),
            ("poi", "museum", "Museums"),
        ]
        accept = client.get("/api/v1/categories", HTTP_ACCEPT_LANGUAGE="en")
        assert accept.json()["items"][0]["name"] == "Concerts"

    def test_categories_by_kind(self, client, tree, categories):
        news = get(client, "categories", kind="news").json()
        assert news == {
            "count": 1,
            "items": [
                {"slug": "tourism", "name": "Tourismus", "kind": "news", "icon": "", "schema_type": ""}
            ],
        }
        assert [item["slug"] for item in get(client, "categories", kind="poi").json()["items"]] == [
            "church",
            "museum",
            "sight",
        ]
        assert count_queries(client, "categories", kind="poi", locale="en") == 1

    @pytest.mark.parametrize(
        ("query", "param"),
        [
            ("kind=place", "kind"),
            ("kind=", "kind"),
            ("kind=poi&kind=event", "kind"),
            ("kind=po%00i", "kind"),
            ("locale=xx", "locale"),
            ("locale=" + "e" * 10_000, "locale"),
            ("category=museum", "category"),
            ("limit=5", "limit"),
        ],
    )
    def test_categories_bad_input(self, client, tree, query, param):
        assert_problem(client.get(f"/api/v1/categories?{query}"), param)


# --- navigation -----------------------------------------------------------------------------------


def standard(parent, title, slug, show_in_menus=True, live=True):
    page = StandardPage(title=title, slug=slug, teaser=f"{title}.", show_in_menus=show_in_menus)
    return add_page(parent, page, live=live)


def build_menu() -> dict:
    """A menu three levels deep, plus pages that must stay out of it."""
    tree = SiteTree()
    for index in (tree.pois, tree.news):
        index.show_in_menus = True
        publish(index)
    about = standard(tree.home, "Über uns", "ueber-uns")
    history = standard(about, "Geschichte", "geschichte")
    middle_ages = standard(history, "Mittelalter", "mittelalter")
    standard(middle_ages, "Zu tief", "zu-tief")  # four levels below the root
    imprint = standard(tree.home, "Impressum", "impressum", show_in_menus=False)
    standard(imprint, "Unter dem Impressum", "unter-impressum")  # its parent is not in the menu
    standard(tree.home, "Entwurf", "entwurf", live=False)
    internal = standard(tree.home, "Intern", "intern")
    standard(internal, "Intern Kind", "intern-kind")
    PageViewRestriction.objects.create(page=internal, restriction_type="password", password="x")
    article = tree.news_article(title="Neues WLAN", slug="wlan", show_in_menus=True)
    tree.news_article(title="Nicht im Menü", slug="nicht-im-menue")
    return {"about": about, "history": history, "article": article, "tree": tree}


_menu = built_once(build_menu, scope="class")


def outline(node):
    return (node["title"], node["type"], [outline(child) for child in node["children"]])


class TestNavigation:
    """The menu, built once for the class."""

    @pytest.fixture
    def menu(self, _menu, db) -> dict:
        return fresh(_menu)

    @pytest.fixture
    def tree(self, menu) -> SiteTree:
        """The menu's site tree (not a second one)."""
        return menu["tree"]

    def test_navigation_contract(self, client, tree, menu):
        response = get(client, "navigation")
        assert response.status_code == 200
        assert response["Content-Language"] == "de"
        data = response.json()
        assert set(data) == {"site", "locale", "is_fallback", "fallback_locale", "root"}
        assert data["fallback_locale"] is None
        assert (data["site"], data["locale"], data["is_fallback"]) == ("localhost", "de", False)
        root = data["root"]
        assert set(root) == {"id", "title", "url", "api_url", "type", "children"}
        assert (root["id"], root["url"], root["api_url"]) == (tree.home.pk, "http://testserver/", None)
        assert outline(root) == (
            "Haldensleben",
            "page",
            [
                ("Sehenswürdigkeiten", "page", []),
                ("Aktuelles", "page", [("Neues WLAN", "news", [])]),
                ("Über uns", "page", [("Geschichte", "page", [("Mittelalter", "page", [])])]),
            ],
        )
        article = root["children"][1]["children"][0]
        assert article["id"] == menu["article"].pk
        assert article["url"] == "http://testserver/aktuelles/wlan/"
        assert article["api_url"] == f"http://testserver/api/v1/news/{menu['article'].pk}"
        history = root["children"][2]["children"][0]
        assert (history["url"], history["api_url"]) == ("http://testserver/ueber-uns/geschichte/", None)

    def test_navigation_excludes_drafts_restricted_and_unlisted_pages(self, client, tree, menu):
        text = get(client, "navigation").content.decode()
        for title in ("Zu tief", "Impressum", "Unter dem Impressum", "Entwurf", "Intern", "Nicht im Menü"):
            assert f'"{title}"' not in text, title
        PageViewRestriction.objects.create(page=menu["history"], restriction_type="password", password="x")
        about = get(client, "navigation").json()["root"]["children"][2]
        assert outline(about) == ("Über uns", "page", [])

    def test_navigation_per_locale_with_fallback(
        self, client, tree, menu, locales, django_capture_on_commit_callbacks
    ):
        fallback = get(client, "navigation", locale="en")
        assert fallback["Content-Language"] == "en"
        data = fallback.json()
        assert (data["locale"], data["is_fallback"]) == ("de", True)
        assert data["root"]["title"] == "Haldensleben"
        with django_capture_on_commit_callbacks(execute=True):
            translate_with_strings(tree.home, locales["en"], {"Haldensleben": "Haldensleben (EN)"})
            translate_with_strings(
                menu["about"], locales["en"], {"Über uns": "About us", "ueber-uns": "about-us"}
            )
        data = get(client, "navigation", locale="en").json()
        assert (data["locale"], data["is_fallback"]) == ("en", False)
        assert outline(data["root"]) == ("Haldensleben (EN)", "page", [("About us", "page", [])])
        assert data["root"]["url"] == "http://testserver/en/"
        assert data["root"]["children"][0]["url"] == "http://testserver/en/about-us/"
        german = get(client, "navigation", locale="de").json()
        assert german["root"]["title"] == "Haldensleben" and len(german["root"]["children"]) == 3

    def test_navigation_of_another_site(self, client, tree, menu):
        default = Site.objects.get(is_default_site=True)
        other = Site.objects.create(hostname="geschichte.example.org", port=443, root_page=menu["about"])
        by_host = get(client, "navigation", site="Geschichte.Example.org").json()
        assert by_host["site"] == "geschichte.example.org"
        # Three levels below this site's root reach one level further than on the main site.
        assert outline(by_host["root"]) == (
            "Über uns",
            "page",
            [("Geschichte", "page", [("Mittelalter", "page", [("Zu tief", "page", [])])])],
        )
        assert by_host["root"]["url"] == "http://testserver/"  # the root of that site
        assert get(client, "navigation", site=str(other.pk)).json() == by_host
        assert get(client, "navigation", site=str(default.pk)).json()["root"]["id"] == tree.home.pk
        assert get(client, "navigation", site=default.hostname).json()["root"]["id"] == tree.home.pk

    def test_navigation_query_count(self, client, tree, menu):
        assert count_queries(client, "navigation") <= 2
        assert count_queries(client, "navigation", site="localhost") <= 2
        assert count_queries(client, "navigation", locale="en") <= 2  # falls back: two tries at most

    @pytest.mark.parametrize(
        ("query", "param"),
        [
            ("site=unknown.example.org", "site"),
            ("site=999999", "site"),
            ("site=", "site"),
            ("site=a&site=b", "site"),
            ("site=local%00host", "site"),
            ("site=" + "s" * 10_000, "site"),
            ("locale=xx", "locale"),
            ("locale=de&locale=en", "locale"),
            ("depth=2", "depth"),
        ],
    )
    def test_navigation_bad_input(self, client, tree, query, param):
        assert_problem(client.get(f"/api/v1/navigation?{query}"), param)


def test_openapi_documents_the_website_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/locales", "/api/v1/categories", "/api/v1/navigation"} <= set(paths)
    kind = next(p for p in paths["/api/v1/categories"]["get"]["parameters"] if p["name"] == "kind")
    assert "poi" in str(kind["schema"])
    assert paths["/api/v1/navigation"]["get"]["tags"] == ["Website"]
