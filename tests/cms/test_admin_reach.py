"""Who reaches which admin screen: a member of each office group walks the admin's URLs (from the URL
resolver) and gets each screen, or is turned away, as the table below says. Every URL is in the
table; those taking ids this walk does not build (revisions, translations, uploads, documents) are
named there but not walked.

The Redaktion and the Freigabe do an editor's job (pages, images and documents, categories,
organisers, image texts, synonyms, the glossary, translations); the Kiosk-Team writes notices and
looks after the screens' settings; nobody of them reaches users, groups, settings, sites, locales,
workflows, collections, redirects, API clients, webhooks, import sources or the lockouts.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Locale, Site

from media.models import ImageText
from search.models import SynonymGroup
from sites.api_keys import issue_key
from sites.groups import EDITOR_GROUP, MODERATOR_GROUP
from sites.models import KIOSK_GROUP, ApiClient, KioskNotice, KioskScreen
from tests.factories import CategoryFactory, ImageFactory, SiteTree
from tests.worlds import built_once, fresh
from tourism.models import Organizer

pytestmark = pytest.mark.django_db

OFFICE = (EDITOR_GROUP, MODERATOR_GROUP)
KIOSK = (KIOSK_GROUP,)
ALL = (*OFFICE, *KIOSK)
NOBODY = ()

# Who may open each screen, by URL name (namespace:name); the first matching rule wins. A URL the
# resolver lists that no rule names fails the test: a new screen needs a decision here.
RULES: list[tuple[str, tuple[str, ...]]] = [
    # Everyone in the admin: start page, own account, the translations report.
    (
        r"wagtailadmin_home|wagtailadmin_account|wagtail_localize:translations_report(_results)?"
        r"|wagtailadmin_reports:site_history(_results)?",  # the history of what each may see
        ALL,
    ),
    # Pages: the office edits them; what else a member may do to a page follows Wagtail's page
    # permissions (add and edit on the whole tree; Freigabe also publishes and locks).
    (r"wagtailadmin_reports:locked_pages(_results)?", (MODERATOR_GROUP,)),
    (
        r"wagtailadmin_explore(_root|_results)?|wagtailadmin_choose_page.*|wagtailadmin_pages:search(_results)?",
        OFFICE,
    ),
    (
        r"wagtailadmin_reports:(site_history|aging_pages|page_types_usage|workflow|workflow_tasks)(_results)?",
        OFFICE,
    ),
    (r"wagtailadmin_pages:.*|wagtail_localize:.*|roland_(machine_translate|update_translations)", OFFICE),
    (r"wagtailforms:(index|index_results)", OFFICE),  # the form pages they may edit (none here)
    # Translation: the overview, bulk translation and the review queues (who may submit translations).
    (r"roland_translations|roland_translation_.*", OFFICE),
    # The events list and its actions (the actions check the page permissions of their event).
    (r"events:.*", OFFICE),
    # An editor's job.
    (r"wagtailsnippets_tourism_(category|organizer):.*", OFFICE),
    (
        r"wagtailsnippets_roland_search_synonymgroup:.*|wagtailsnippets_roland_translation_glossaryterm:.*",
        OFFICE,
    ),
    (r"image_texts:.*", OFFICE),
    (
        r"wagtailimages:(index|index_results|add|add_multiple|edit|delete|image_usage)"
        r"|wagtaildocs:(index|index_results|add|add_multiple|edit|delete|document_usage)|roland_image_texts",
        OFFICE,
    ),
    (r"wagtailsnippets:index", OFFICE),
    # The kiosk group: notices, and the screens' settings.
    (r"kiosk-notices:(index|index_results|add|edit|history|history_results|usage|all_clear)", KIOSK),
    (r"kiosks:(index|index_results|edit|history|history_results|usage)|roland_kiosk_plays", KIOSK),
    # Administrators only.
    (r"kiosk-notices:delete|kiosks:(add|delete|copy)", NOBODY),
    (
        r"wagtailusers_.*|wagtailsites:.*|wagtaillocales:.*|wagtailsettings:.*|wagtailadmin_workflows:.*",
        NOBODY,
    ),
    (r"wagtailadmin_collections:.*|wagtailredirects:.*|wagtailforms:.*|roland_lockouts", NOBODY),
    (
        r"wagtailsnippets_roland_sites_apiclient:.*|webhooks:.*|webhook-deliveries:.*|import_sources:.*",
        NOBODY,
    ),
]

# Not screens a member opens by address: sign-in and sign-out, the password reset, scripts and
# sprites, JSON endpoints, modals and choosers answering the editor's own scripts, and what only
# takes a POST (bulk actions, the multiple-upload steps, the error test); the image URL generator
# answers 404 to everyone, as Roland does not mount Wagtail's dynamic image serving; entry points
# that only lead on to a screen.
NOT_SCREENS = re.compile(
    r"wagtailadmin_(login|logout|password_reset.*|sprite|javascript_catalog|dismissibles|block_preview"
    r"|tag_autocomplete|tag_model_autocomplete|error_test|choose_page.*)|wagtailadmin_editing_sessions:.*|.*chooser.*:.*|.*:.*chooser.*"
    r"|wagtail_localize:(javascript_catalog|snippets_api_.*)|wagtailsnippetchoosers_.*|wagtailadmin_api:.*"
    r"|wagtail_bulk_action|wagtailembeds:.*|wagtailimages:(url_generator.*|preview|.*multiple.*)"
    r"|wagtaildocs:.*multiple.*"
    # Entry points that lead to a screen of their own: the first language's review queue, the add
    # form under the only events index (with none allowed, an empty choice).
    r"|roland_translation_review_first|events:choose_parent"
)
# Page screens walked with a real page (the others take a second id, or act on the page's state).
WALKED_PAGE_SCREENS = {"edit", "history", "history_results", "usage", "workflow_history"}

GROUP_NAMES = (EDITOR_GROUP, MODERATOR_GROUP, KIOSK_GROUP)


def admin_urls() -> list[tuple[str, str, list[str]]]:
    """(name, route, parameter names) of every named admin URL."""

    def walk(patterns, prefix: str, namespace: str | None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield name, prefix + str(pattern.pattern), list(pattern.pattern.regex.groupindex)

    return [row for row in walk(get_resolver().url_patterns, "", None) if row[1].startswith("admin/")]


def allowed(name: str) -> tuple[str, ...] | None:
    for pattern, groups in RULES:
        if re.fullmatch(pattern, name):
            return groups
    return None


def build() -> dict:
    tree = SiteTree()
    image = ImageFactory(title="Marktplatz")
    client = ApiClient(name="Eventportal")
    issue_key(client)
    client.save()
    objects = {
        "wagtailsnippets_tourism_category": CategoryFactory(name="Museen"),
        "wagtailsnippets_tourism_organizer": Organizer.objects.create(name="Stadtmarketing"),
        "wagtailsnippets_roland_search_synonymgroup": SynonymGroup.objects.create(
            terms="Rad, Fahrrad", locale=Locale.objects.get(language_code="de")
        ),
        "wagtailsnippets_roland_sites_apiclient": client,
        "image_texts": ImageText.objects.create(
            image=image, locale=Locale.objects.get(language_code="en"), alt_text="The market square"
        ),
        "kiosks": KioskScreen.objects.create(name="Rathaus", slug="rathaus"),
        "wagtaillocales": Locale.objects.get(language_code="en"),
        "wagtailsites": Site.objects.get(is_default_site=True),
        "wagtailusers_groups": Group.objects.get(name=EDITOR_GROUP),
    }
    notice = KioskNotice(title="Sturm", texts={"de": "Sturmwarnung"})
    notice.ends_at = notice.starts_at.replace(year=notice.starts_at.year + 1)
    notice.save()
    objects["kiosk-notices"] = notice
    return {"tree": tree, "poi": tree.poi(), "image": image, "objects": objects}


world = built_once(build)


@pytest.fixture
def w(world):
    return fresh(world)


def address(name: str, params: list[str], w: dict) -> str | None:
    """The URL with real ids filled in, or None when it takes ids this walk does not build."""
    namespace = name.split(":")[0]
    if not params:
        return reverse(name)
    if params == ["pk"] and namespace in w["objects"]:
        return reverse(name, kwargs={"pk": w["objects"][namespace].pk})
    if params == ["pk"] and namespace == "wagtailusers_users":
        return reverse(name, kwargs={"pk": w["user_pk"]})
    if (
        params == ["page_id"]
        and name.split(":")[-1] in WALKED_PAGE_SCREENS
        and namespace == "wagtailadmin_pages"
    ):
        return reverse(name, kwargs={"page_id": w["poi"].pk})
    # add_subpage is not walked: with one page type allowed below it redirects to that type's form.
    if params == ["parent_page_id"] and name != "wagtailadmin_pages:add_subpage":
        return reverse(name, kwargs={"parent_page_id": w["tree"].pois.pk})
    if params == ["image_id"] and name.startswith("wagtailimages:"):
        return reverse(name, kwargs={"image_id": w["image"].pk})
    if params == ["app_name", "model_name"] and name == "wagtailsettings:edit":
        return reverse(name, kwargs={"app_name": "roland_sites", "model_name": "sitesettings"})
    return None


def outcome(response) -> str:
    """ "open" (the screen), "denied" (403, or Wagtail's redirect to the start page with its message),
    "sign-in" (sent to sign in), else the status code."""
    if response.status_code == 200:
        return "open"
    if response.status_code == 403:
        return "denied"
    if response.status_code == 302:
        target = response["Location"].split("?")[0]
        if target == reverse("wagtailadmin_home"):
            return "denied"
        if target == reverse("wagtailadmin_login"):
            return "sign-in"
        return f"302 {target}"
    return str(response.status_code)


def test_every_admin_url_is_in_the_table():
    names = [name for name, _route, _params in admin_urls() if not NOT_SCREENS.fullmatch(name)]
    assert len(names) > 150
    assert [name for name in names if allowed(name) is None] == []


@pytest.mark.parametrize("group", GROUP_NAMES)
def test_each_group_reaches_what_the_table_says(w, group, client, django_user_model):
    member = django_user_model.objects.create_user(f"mitglied-{len(group)}", "m@example.org", "pw")
    member.groups.add(Group.objects.get(name=group))
    w["user_pk"] = member.pk
    client.force_login(member)
    walked, wrong = 0, []
    for name, _route, params in admin_urls():
        if NOT_SCREENS.fullmatch(name) or (url := address(name, params, w)) is None:
            continue
        expected = "open" if group in allowed(name) else "denied"
        got = outcome(client.get(url))
        walked += 1
        if got != expected:
            wrong.append((name, url, expected, got))
    assert wrong == [], "\n".join(map(repr, wrong))
    assert walked > 120


def test_outside_every_group_the_admin_asks_to_sign_in(w, client, django_user_model):
    stranger = django_user_model.objects.create_user("fremd", "f@example.org", "pw")
    client.force_login(stranger)
    for name in (
        "wagtailadmin_home",
        "wagtailsnippets_tourism_category:list",
        "kiosks:index",
        "wagtailusers_users:index",
    ):
        assert outcome(client.get(reverse(name))) == "sign-in", name
