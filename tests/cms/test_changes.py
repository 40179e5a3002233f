"""GET /api/v1/changes: partners sync by it, so every way in and out of public view is one right entry.

The world (a site with German and English trees) is built once; each test starts from the feed's
current cursor and asserts exactly the entries its change produced.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.core import changes
from cms.core.models import ChangeEntry, ChangeHead
from cms.demo.translation import translate_with_strings
from cms.scheduling import Scheduler, publish_scheduled
from home.models import HomePage
from sites.api_keys import issue_key
from sites.models import ApiClient
from tests.cms.test_scheduled import reach_go_live, schedule
from tests.factories import SiteTree, add_page
from tests.worlds import built_once, fresh
from tourism.models import PointOfInterest, PointOfInterestIndexPage

pytestmark = pytest.mark.django_db

FEED = "/api/v1/changes"


def build_world() -> SiteTree:
    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    translate_with_strings(tree.home, english, {})
    translate_with_strings(tree.pois, english, {"orte": "places"})
    return tree


world = built_once(build_world)


@pytest.fixture
def tree(world) -> SiteTree:
    return fresh(world)


def feed(client, **params) -> dict:
    response = client.get(FEED, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def current_cursor(client) -> str:
    """The cursor after everything so far (paging through whatever is there)."""
    answer = feed(client, limit=1000)
    while answer["has_more"]:
        answer = feed(client, since=answer["next_cursor"], limit=1000)
    return answer["next_cursor"]


def after(client, cursor: str, **params) -> list[tuple[str, int, str, str]]:
    """(action, id, type, locale) of every entry after the cursor."""
    answer = feed(client, since=cursor, limit=1000, **params)
    assert not answer["has_more"]
    return [(item["action"], item["id"], item["type"], item["locale"]) for item in answer["items"]]


def publish_again(page) -> None:
    page.save_revision().publish()


def translate(page, strings: dict[str, str], on_commit):
    """The English translation, published (wagtail-localize publishes it once the change commits)."""
    with on_commit(execute=True):
        english, _missing = translate_with_strings(page, Locale.objects.get(language_code="en"), strings)
    return fresh(english)


# --- each path in and out of public view ---------------------------------------------------------


def test_publishing_a_new_item_is_one_upsert_with_its_detail_url(client, tree):
    cursor = current_cursor(client)
    poi = tree.poi(title="Reitender Roland", slug="roland")

    answer = feed(client, since=cursor)
    assert answer["has_more"] is False
    [item] = answer["items"]
    assert (item["action"], item["type"], item["id"], item["locale"]) == ("upsert", "poi", poi.pk, "de")
    assert item["api_url"] == f"http://testserver/api/v1/pois/{poi.pk}"
    assert item["changed_at"].endswith(("+01:00", "+02:00"))  # Europe/Berlin, with its offset
    assert client.get(item["api_url"]).status_code == 200
    assert after(client, answer["next_cursor"]) == []


def test_each_kind_of_item_names_its_type_and_detail(client, tree):
    cursor = current_cursor(client)
    event = tree.event(title="Stadtführung", slug="fuehrung")
    news = tree.news_article(title="Neues WLAN", slug="wlan")
    items = feed(client, since=cursor)["items"]
    assert [(item["type"], item["id"]) for item in items] == [("event", event.pk), ("news", news.pk)]
    assert [item["api_url"].removeprefix("http://testserver") for item in items] == [
        f"/api/v1/events/{event.pk}",
        f"/api/v1/news/{news.pk}",
    ]


def test_editing_a_visible_item_is_an_upsert_and_a_draft_is_nothing(client, tree):
    poi = tree.poi(slug="roland")
    cursor = current_cursor(client)

    poi.title = "Der Roland (Entwurf)"
    poi.save_revision()  # a draft: nothing public changed
    assert after(client, cursor) == []

    publish_again(poi)
    assert after(client, cursor) == [("upsert", poi.pk, "poi", "de")]


def test_a_draft_never_published_and_deleted_leaves_no_trace(client, tree):
    cursor = current_cursor(client)
    draft = tree.poi(slug="entwurf", live=False)
    Page.objects.get(pk=draft.pk).delete()
    assert after(client, cursor) == []


def test_unpublishing_is_one_delete(client, tree):
    poi = tree.poi(slug="roland")
    cursor = current_cursor(client)
    poi.unpublish()
    assert after(client, cursor) == [("delete", poi.pk, "poi", "de")]
    publish_again(fresh(poi))
    assert after(client, cursor) == [("delete", poi.pk, "poi", "de"), ("upsert", poi.pk, "poi", "de")]


def test_deleting_is_one_delete(client, tree):
    poi = tree.poi(slug="roland")
    cursor = current_cursor(client)
    Page.objects.get(pk=poi.pk).delete()
    [item] = feed(client, since=cursor)["items"]
    assert (item["action"], item["id"], item["type"], item["locale"]) == ("delete", poi.pk, "poi", "de")
    assert client.get(item["api_url"]).status_code == 404


def test_deleting_a_section_deletes_each_public_item_in_it_once(client, tree):
    shown, hidden = tree.poi(slug="a"), tree.poi(slug="b")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    draft = tree.poi(slug="c", live=False)
    cursor = current_cursor(client)
    Page.objects.get(pk=tree.pois.pk).delete()  # the index and everything under it
    assert after(client, cursor) == [("delete", shown.pk, "poi", "de")]
    assert draft.pk not in {entry[1] for entry in after(client, cursor)}


def test_a_restriction_is_a_delete_and_lifting_it_an_upsert(client, tree):
    poi = tree.poi(slug="roland")
    cursor = current_cursor(client)

    restriction = PageViewRestriction.objects.create(
        page=poi, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert after(client, cursor) == [("delete", poi.pk, "poi", "de")]
    publish_again(fresh(poi))  # published while restricted: still not public
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()  # another kind of restriction: still not public
    assert after(client, cursor) == [("delete", poi.pk, "poi", "de")]

    restriction.delete()
    assert after(client, cursor) == [("delete", poi.pk, "poi", "de"), ("upsert", poi.pk, "poi", "de")]


def test_restricting_a_section_deletes_every_public_item_under_it(client, tree):
    first, second = tree.poi(slug="a"), tree.poi(slug="b")
    draft = tree.poi(slug="c", live=False)
    cursor = current_cursor(client)
    PageViewRestriction.objects.create(page=tree.pois, restriction_type=PageViewRestriction.LOGIN)
    assert after(client, cursor) == [("delete", first.pk, "poi", "de"), ("delete", second.pk, "poi", "de")]
    assert draft.pk  # a draft under it was never public: no entry


def test_expiry_by_the_scheduled_job_is_one_delete(client, tree):
    news = tree.news_article(slug="baustelle", expire_at=timezone.now() + timedelta(hours=1))
    cursor = current_cursor(client)
    Page.objects.filter(pk=news.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    assert publish_scheduled().unpublished == 1
    assert after(client, cursor) == [("delete", news.pk, "news", "de")]


def test_scheduled_go_live_is_one_upsert_when_it_goes_live_not_before(client, tree):
    poi = tree.poi(slug="ausstellung", live=False)
    cursor = current_cursor(client)
    revision = schedule(poi, timezone.now() + timedelta(hours=2))  # not public yet
    assert publish_scheduled().published == 0
    assert after(client, cursor) == []

    reach_go_live(revision)
    assert publish_scheduled().published == 1
    assert after(client, cursor) == [("upsert", poi.pk, "poi", "de")]


def test_moving_out_of_the_site_is_a_delete_and_back_an_upsert(client, tree):
    poi = tree.poi(slug="roland")
    cursor = current_cursor(client)
    Page.objects.get(pk=poi.pk).move(tree.home.get_parent(), pos="last-child")  # outside every site
    assert after(client, cursor) == [("delete", poi.pk, "poi", "de")]

    Page.objects.get(pk=poi.pk).move(fresh(tree.pois), pos="last-child")
    assert after(client, cursor) == [("delete", poi.pk, "poi", "de"), ("upsert", poi.pk, "poi", "de")]


def test_moving_inside_the_site_changes_its_url_and_reordering_changes_nothing(client, tree):
    first, second = tree.poi(slug="a"), tree.poi(slug="b")
    cursor = current_cursor(client)
    Page.objects.get(pk=second.pk).move(Page.objects.get(pk=first.pk), pos="left")  # same parent
    assert after(client, cursor) == []

    Page.objects.get(pk=first.pk).move(fresh(tree.news), pos="last-child")  # a new URL
    assert after(client, cursor) == [("upsert", first.pk, "poi", "de")]


def test_moving_under_a_restriction_is_a_delete(client, tree):
    poi = tree.poi(slug="roland")
    section = tree.poi(slug="intern")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    cursor = current_cursor(client)
    Page.objects.get(pk=poi.pk).move(Page.objects.get(pk=section.pk), pos="last-child")
    assert after(client, cursor) == [("delete", poi.pk, "poi", "de")]


def test_a_translation_published_and_withdrawn_is_an_entry_of_its_language(
    client, tree, django_capture_on_commit_callbacks
):
    poi = tree.poi(title="Schloss", slug="schloss")
    cursor = current_cursor(client)
    english = translate(poi, {"Schloss": "Castle"}, django_capture_on_commit_callbacks)
    # The German detail lists its translations: it changed too.
    assert after(client, cursor) == [("upsert", english.pk, "poi", "en"), ("upsert", poi.pk, "poi", "de")]
    assert after(client, cursor, locale="de") == [("upsert", poi.pk, "poi", "de")]

    english.unpublish()
    assert after(client, cursor)[2:] == [("delete", english.pk, "poi", "en"), ("upsert", poi.pk, "poi", "de")]
    Page.objects.get(pk=english.pk).delete()  # gone for good: said already, and shown nowhere
    assert len(after(client, cursor)) == 4


def test_a_new_site_root_takes_its_items_out(client, tree):
    poi = tree.poi(slug="roland")
    cursor = current_cursor(client)
    site = Site.objects.get(is_default_site=True)
    site.root_page = tree.news
    site.save()
    assert ("delete", poi.pk, "poi", "de") in after(client, cursor)
    assert all(action == "delete" for action, *_rest in after(client, cursor))


def test_each_site_has_its_own_feed(client, tree, settings):
    settings.ALLOWED_HOSTS = ["testserver", "museum.example.org"]
    other_home = HomePage(title="Museum", slug="museum-home", locale=Locale.objects.get(language_code="de"))
    Page.get_first_root_node().add_child(instance=other_home)
    Site.objects.create(hostname="museum.example.org", root_page=other_home)
    index = add_page(other_home, PointOfInterestIndexPage(title="Räume", slug="raeume"))
    ours = current_cursor(client)
    room = add_page(
        index,
        PointOfInterest(title="Saal", slug="saal", teaser="Ein Saal.", latitude="52.29", longitude="11.41"),
    )
    poi = tree.poi(slug="roland")

    assert after(client, ours) == [("upsert", poi.pk, "poi", "de")]
    theirs = client.get(FEED, HTTP_HOST="museum.example.org").json()["items"]
    assert [(item["id"], item["api_url"]) for item in theirs] == [
        (room.pk, f"http://museum.example.org/api/v1/pois/{room.pk}")
    ]


def test_the_daily_upkeep_announces_what_was_written_around_the_pipeline(client, tree):
    poi = tree.poi(slug="roland")
    hidden = tree.poi(slug="versteckt")
    cursor = current_cursor(client)
    Page.objects.filter(pk=hidden.pk).update(live=False)  # a direct write: no signal, no entry
    assert after(client, cursor) == []

    assert "keep_change_feed" in Scheduler("worker-a").run_pending()
    assert after(client, cursor) == [("delete", hidden.pk, "poi", "de")]
    assert poi.pk not in {entry[1] for entry in after(client, cursor)}


# --- paging, filters, since ----------------------------------------------------------------------


def test_paging_by_cursor_has_no_gaps_and_no_repeats(client, tree):
    cursor = current_cursor(client)
    made = [tree.poi(slug=f"ort-{n}").pk for n in range(4)] + [
        tree.event(slug=f"termin-{n}").pk for n in range(3)
    ]
    seen, pages = [], 0
    while True:
        answer = feed(client, since=cursor, limit=3)
        seen += [item["id"] for item in answer["items"]]
        cursor, pages = answer["next_cursor"], pages + 1
        if not answer["has_more"]:
            break
    assert seen == made and pages == 3
    assert feed(client, since=cursor)["items"] == []


def test_type_and_locale_filters(client, tree, django_capture_on_commit_callbacks):
    cursor = current_cursor(client)
    poi = tree.poi(title="Schloss", slug="schloss")
    event = tree.event(slug="fest")
    english = translate(poi, {}, django_capture_on_commit_callbacks)
    assert [entry[1] for entry in after(client, cursor, type="event")] == [event.pk]
    assert [entry[1] for entry in after(client, cursor, type=["poi", "event"])] == [
        poi.pk,
        event.pk,
        english.pk,
        poi.pk,  # the German detail lists the new translation
    ]
    assert [entry[1] for entry in after(client, cursor, locale="en")] == [english.pk]
    # A filtered page moves the cursor past what it skipped.
    answer = feed(client, since=cursor, type="event")
    assert feed(client, since=answer["next_cursor"])["items"] == []


def test_since_a_datetime_or_date_gives_the_changes_from_then_on(client, tree):
    early, late = tree.poi(slug="frueh"), tree.poi(slug="spaet")
    moment = timezone.now() - timedelta(days=2)
    ChangeEntry.objects.filter(item_id=early.pk).update(changed_at=moment - timedelta(hours=1))
    ChangeEntry.objects.filter(item_id=late.pk).update(changed_at=moment + timedelta(hours=1))

    items = feed(client, since=moment.isoformat())["items"]
    assert [item["id"] for item in items] == [late.pk]
    # The local midnight after the late change: past it nothing changed, at any hour the test runs.
    day = timezone.localtime(moment + timedelta(hours=1)).date() + timedelta(days=1)
    assert feed(client, since=day.isoformat())["items"] == []
    everything = feed(client, since=(moment - timedelta(days=1)).date().isoformat())["items"]
    assert [item["id"] for item in everything][-2:] == [early.pk, late.pk]


# --- retention -----------------------------------------------------------------------------------


def assert_gone(response) -> None:
    assert response.status_code == 410, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 410 and "re-sync" in body["detail"]
    assert [error["param"] for error in body["errors"]] == ["since"]


def test_pruning_takes_what_is_older_than_the_retention_and_its_cursors_are_410(client, tree):
    cursor = current_cursor(client)
    old = tree.poi(slug="alt")
    ChangeEntry.objects.filter(item_id=old.pk).update(changed_at=timezone.now() - timedelta(days=91))
    newer_cursor = current_cursor(client)
    new = tree.poi(slug="neu")

    assert changes.prune() == 1
    assert_gone(client.get(FEED, {"since": cursor}))
    assert_gone(client.get(FEED, {"since": (timezone.now() - timedelta(days=91)).isoformat()}))
    assert after(client, newer_cursor) == [("upsert", new.pk, "poi", "de")]
    assert feed(client)["items"][0]["id"] == new.pk  # without `since`: from the oldest kept
    assert changes.prune() == 0


def test_a_cursor_behind_by_more_than_the_retention_is_410_before_pruning(client, tree, settings):
    cursor = current_cursor(client)
    old = tree.poi(slug="alt")
    ChangeEntry.objects.filter(item_id=old.pk).update(changed_at=timezone.now() - timedelta(days=8))
    assert feed(client, since=cursor)["items"]
    settings.CHANGES_RETENTION_DAYS = 7
    assert_gone(client.get(FEED, {"since": cursor}))
    assert_gone(client.get(FEED, {"since": (timezone.now() - timedelta(days=8)).isoformat()}))


def test_a_quiet_feed_keeps_an_old_cursor_valid(client, tree):
    tree.poi(slug="alt")
    cursor = current_cursor(client)
    ChangeEntry.objects.update(changed_at=timezone.now() - timedelta(days=200))
    assert feed(client, since=cursor) == {"items": [], "next_cursor": cursor, "has_more": False}


def test_a_cursor_of_another_database_is_410(client, tree):
    head = ChangeHead.objects.get()
    assert_gone(client.get(FEED, {"since": changes.encode_cursor(head.last_sequence + 1000)}))


# --- bad input, access, caching ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("since", "kein-cursor!"),
        ("since", "MTIz"),  # base64 of digits without the cursor's mark
        ("since", "2026-13-40"),
        ("since", "2026-01-01Tspäter"),
        ("type", "tour"),
        ("locale", "xx"),
        ("limit", "0"),
        ("limit", "1001"),
        ("limit", "viele"),
        ("cursor", "abc"),
    ],
)
def test_bad_parameters_are_400_naming_them(client, tree, param, value):
    response = client.get(FEED, {param: value})
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert param in [error["param"] for error in response.json()["errors"]]


def test_keys_work_as_on_every_list_and_a_bad_one_is_401(client, tree):
    partner = ApiClient(name="Landesdatenhub")
    key = issue_key(partner)
    partner.save()
    assert client.get(FEED, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    assert client.get(FEED, HTTP_X_API_KEY="falsch").status_code == 401


def test_answers_are_revalidated_never_kept_by_the_server(client, tree):
    cursor = current_cursor(client)
    first = client.get(FEED, {"since": cursor})
    assert first["Cache-Control"] == "no-cache" and first["X-Roland-Cache"] == "bypass"
    assert client.get(FEED, {"since": cursor}, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    poi = tree.poi(slug="roland")
    assert after(client, cursor) == [("upsert", poi.pk, "poi", "de")]
