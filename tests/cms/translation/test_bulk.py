"""Bulk translation: a job of many pages, run by the real task queue and worker code, against the
translator stand-in; then the review queue and Wagtail's bulk publish.

The drafts never go live by themselves (the API keeps answering in German, marked `is_fallback`); a
page whose strings the service refuses gets nothing and is listed as failed with the German reason,
the others go on; published through the review queue, the translations reach the API in English.
The API's answers are cached by content version, so an English answer after the publish also shows
that the publish pipeline ran.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation

from cms.demo.translation import translate_with_strings
from cms.translation import bulk, tasks
from cms.translation.models import BulkTranslationItem, BulkTranslationJob
from tests.factories import SiteTree, publish
from tests.worlds import built_once, fresh
from tourism.models import PointOfInterest

pytestmark = pytest.mark.django_db

PAGES = 20
TROUBLED = ("Zollhaus Nord", "Zollhaus Süd", "Zollhaus West")


def _build():
    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    # Published at once, not when the world's transaction ends: a publish run later from the revision
    # object made here would write back the parent's child count of before its children came.
    for page, strings in ((tree.home, {}), (tree.pois, {"orte": "places"})):
        publish(translate_with_strings(page, english, strings, publish=False)[0])
    pois = []
    for number in range(PAGES):
        title = TROUBLED[number] if number < len(TROUBLED) else f"Markt {number}"
        poi = tree.poi(
            title=title,
            slug=f"ort-{number}",
            teaser=f"Der Wochenmarkt ist jeden Samstag am Tor {number}.",
            live=False,
        )
        poi.body = [("paragraph", RichText(f"<p>Die Stadt und der Markt seit {1500 + number}.</p>"))]
        poi.save_revision().publish()
        pois.append(poi)
    event = tree.event(title="Stadtführung am Roland", slug="fuehrung")
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "pw")

    # Lotte translates events only; Emil edits everything but may not translate.
    translators = Group.objects.create(name="Übersetzung Termine")
    translators.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation"),
    )
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=translators, page=tree.events, permission=Permission.objects.get(codename=codename)
        )
    lotte = get_user_model().objects.create_user("lotte", "lotte@example.org", "pw")
    lotte.groups.add(translators)
    editors = Group.objects.create(name="Redaktion ohne Übersetzung")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=editors, page=tree.home, permission=Permission.objects.get(codename="change_page")
    )
    emil = get_user_model().objects.create_user("emil", "emil@example.org", "pw")
    emil.groups.add(editors)
    return {"tree": tree, "pois": pois, "event": event, "admin": admin, "lotte": lotte, "emil": emil}


world = built_once(_build)


@pytest.fixture
def data(world):
    return fresh(world)


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def start(user, pages, locales, django_capture_on_commit_callbacks, **options) -> BulkTranslationJob:
    with django_capture_on_commit_callbacks(execute=True):
        job = bulk.create_job(user, pages, locales, **options)
        tasks.queue(job)
    return job


def english_pois(english) -> list[PointOfInterest]:
    return list(PointOfInterest.objects.filter(locale=english).order_by("path"))


def reasons(job: BulkTranslationJob) -> list[tuple[str, str, str]]:
    return list(job.items.values_list("title", "status", "reason"))


def denied(response) -> bool:
    """Wagtail's answer to PermissionDenied in the admin: back to the dashboard with a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def api_pois(client) -> dict[str, dict]:
    items = client.get("/api/v1/pois", {"locale": "en", "limit": "50"}).json()["items"]
    return {item["slug"]: item for item in items}


def test_twenty_pages_become_twenty_drafts_with_progress_and_nothing_published(
    data, english, use_translator, standin, run_tasks, django_capture_on_commit_callbacks, admin_client
):
    use_translator("libretranslate")
    job = start(data["admin"], data["pois"], [english], django_capture_on_commit_callbacks)
    assert bulk.progress(job).counts == {"total": 20, "done": 0, "skipped": 0, "failed": 0, "pending": 20}
    assert english_pois(english) == []  # the request only queues: the worker makes the drafts
    page = admin_client.get(reverse("roland_translation_job", args=[job.pk]))
    assert '<meta http-equiv="refresh" content="3">' in page.content.decode()
    assert "0 von 20 bearbeitet" in page.content.decode()

    run_tasks()

    job.refresh_from_db()
    assert job.status == BulkTranslationJob.FINISHED
    assert bulk.progress(job).counts == {"total": 20, "done": 20, "skipped": 0, "failed": 0, "pending": 0}
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    drafts = english_pois(english)
    assert len(drafts) == PAGES
    assert not any(draft.live for draft in drafts)
    assert all(draft.live_revision_id is None for draft in drafts)
    # Every string machine-translated (the stand-in's "[EN] "), in the drafts themselves.
    latest = drafts[5].get_latest_revision_as_object()
    assert latest.teaser == "[EN] The weekly market is every Saturday at the Gate 5."
    assert latest.body[0].value.source == "<p>[EN] The town and the market since 1505.</p>"
    assert not StringTranslation.objects.filter(
        locale=english, context__object_id__in=[poi.translation_key for poi in data["pois"]]
    ).exclude(translation_type="machine")
    assert {item.translation_id for item in job.items.all()} == {draft.pk for draft in drafts}

    # The API still answers in German, marked as a fallback.
    answered = api_pois(admin_client)
    assert len(answered) == PAGES
    assert all(item["locale"] == "de" and item["is_fallback"] for item in answered.values())

    page = admin_client.get(reverse("roland_translation_job", args=[job.pk])).content.decode()
    assert "http-equiv" not in page
    assert "20 von 20 bearbeitet: 20 Entwürfe angelegt, 0 übersprungen, 0 fehlgeschlagen." in page
    assert '<progress id="bulk-progress" class="w-w-full" max="20" value="20">' in page
    queue = admin_client.get(reverse("roland_translation_review", args=["en"])).content.decode()
    assert queue.count('name="id"') == PAGES
    assert "Entwurf, nie veröffentlicht" in queue


@pytest.mark.parametrize(
    ("engine", "status", "reason"),
    [
        (
            "libretranslate",
            500,
            "LibreTranslate hat selbst ein Problem (HTTP 500); bitte versuchen Sie es später noch einmal.",
        ),
        ("deepl", 456, "Das Übersetzungskontingent von DeepL ist aufgebraucht (HTTP 456)."),
    ],
)
def test_a_failing_service_fails_those_pages_with_a_german_reason_and_drafts_the_others(
    data,
    english,
    use_translator,
    standin,
    run_tasks,
    django_capture_on_commit_callbacks,
    engine,
    status,
    reason,
):
    use_translator(engine, key="stand-in-key")
    standin.fail, standin.fail_when = status, "Zollhaus"
    job = start(data["admin"], data["pois"], [english], django_capture_on_commit_callbacks)
    run_tasks()

    assert bulk.progress(job).counts == {"total": 20, "done": 17, "skipped": 0, "failed": 3, "pending": 0}
    failed = job.items.filter(status=BulkTranslationItem.FAILED)
    assert sorted(item.title for item in failed) == sorted(TROUBLED)
    assert {item.reason for item in failed} == {reason}
    # Nothing half-way: no page, no translation record, no string for the failed ones.
    troubled = [poi for poi in data["pois"] if poi.title in TROUBLED]
    for poi in troubled:
        assert poi.get_translation_or_none(english) is None
        assert not Translation.objects.filter(
            source__object_id=poi.translation_key, target_locale=english
        ).exists()
        assert not StringTranslation.objects.filter(
            context__object_id=poi.translation_key, locale=english
        ).exists()
    assert len(english_pois(english)) == 17


def test_reviewed_drafts_are_published_in_bulk_and_answer_in_english(
    data, english, use_translator, run_tasks, django_capture_on_commit_callbacks, admin_client
):
    use_translator("libretranslate")
    job = start(data["admin"], data["pois"][:6], [english], django_capture_on_commit_callbacks)
    run_tasks()
    assert bulk.progress(job).done == 6
    assert all(item["is_fallback"] for item in api_pois(admin_client).values())
    reviewed = english_pois(english)[:4]

    # The queue's button hands the ticked ones to Wagtail's own bulk "Veröffentlichen".
    response = admin_client.get(
        reverse("roland_translation_review_publish", args=["en"]), {"id": [page.pk for page in reviewed]}
    )
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    query = parse_qs(target.query)
    assert query["id"] == [str(page.pk) for page in reviewed]
    assert query["next"] == [reverse("roland_translation_review", args=["en"])]
    confirm = admin_client.get(response["Location"])
    assert "Ja, veröffentlichen" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(response["Location"], {})
    assert done.status_code == 302 and done["Location"] == reverse("roland_translation_review", args=["en"])

    answered = api_pois(admin_client)
    published = {page.slug for page in reviewed}
    for slug, item in answered.items():
        if slug in published:
            assert (item["locale"], item["is_fallback"]) == ("en", False)
            assert item["teaser"].startswith("[EN] ")
        else:
            assert (item["locale"], item["is_fallback"]) == ("de", True)
    queue = admin_client.get(reverse("roland_translation_review", args=["en"])).content.decode()
    assert queue.count('name="id"') == 2


def test_a_translation_made_by_hand_goes_live_with_its_strings(
    data, english, admin_client, django_capture_on_commit_callbacks
):
    """Strings saved in wagtail-localize's editor stay apart from the page until a publish writes them
    in: the queue's bulk publish must publish them, not the German copy made when it was started."""
    source = data["pois"][10]
    target, _missing = translate_with_strings(source, english, {}, publish=False)  # started: a copy
    translation = Translation.objects.get(source__object_id=source.translation_key, target_locale=english)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = {source.title: "Market 10"}.get(entry.msgid, "")
    translation.import_po(po, tool_name="editor")  # what the editor's "Speichern" keeps: strings only
    assert PointOfInterest.objects.get(pk=target.pk).get_latest_revision_as_object().title == "Markt 10"

    publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(f"{publish}?id={target.pk}", {}).status_code == 302
    item = api_pois(admin_client)[source.slug]
    assert (item["locale"], item["is_fallback"], item["title"]) == ("en", False, "Market 10")


def test_nothing_ticked_goes_back_to_the_queue_with_a_message(admin_client):
    response = admin_client.get(reverse("roland_translation_review_publish", args=["en"]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("roland_translation_review", args=["en"])
    assert "Bitte haken Sie die geprüften Übersetzungen an." in response.content.decode()


def test_untranslated_parents_come_along_parents_first(
    data, english, use_translator, run_tasks, django_capture_on_commit_callbacks
):
    use_translator("dummy")
    job = start(data["admin"], [data["event"]], [english], django_capture_on_commit_callbacks)
    assert [item.title for item in job.items.all()] == ["Veranstaltungen", "Stadtführung am Roland"]
    run_tasks()
    assert bulk.progress(job).done == 2, reasons(job)
    draft = data["event"].get_translation(english)
    assert draft.get_parent().specific.translation_key == data["tree"].events.translation_key
    assert not draft.live and not draft.get_parent().live


def test_pages_with_a_translation_are_skipped(
    data, english, use_translator, run_tasks, django_capture_on_commit_callbacks
):
    use_translator("dummy")
    first = start(data["admin"], data["pois"][:2], [english], django_capture_on_commit_callbacks)
    run_tasks()
    again = start(data["admin"], data["pois"][:3], [english], django_capture_on_commit_callbacks)
    run_tasks()
    assert bulk.progress(first).done == 2
    assert bulk.progress(again).counts == {"total": 3, "done": 1, "skipped": 2, "failed": 0, "pending": 0}
    assert {item.reason for item in again.items.filter(status="skipped")} == {
        "Die Seite hat schon eine Übersetzung in dieser Sprache."
    }


def test_translate_what_is_missing(
    data, english, use_translator, admin_client, run_tasks, django_capture_on_commit_callbacks
):
    use_translator("dummy")
    de = Locale.objects.get(language_code="de")
    missing = bulk.missing_pages(data["admin"], de, english)
    # home and places have English versions; the rest (index pages included) does not.
    titles = set(missing.values_list("title", flat=True))
    assert titles >= {poi.title for poi in data["pois"]} | {
        "Veranstaltungen",
        "Aktuelles",
        "Stadtführung am Roland",
    }
    assert not titles & {"Haldensleben", "Sehenswürdigkeiten"}
    count = missing.count()
    form = admin_client.get(reverse("roland_translation_missing"), {"source": de.pk, "target": english.pk})
    assert f"{count} Seiten haben keine Übersetzung." in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("roland_translation_missing"), {"source": de.pk, "target": english.pk}
        )
    job = BulkTranslationJob.objects.get()
    assert response["Location"] == reverse("roland_translation_job", args=[job.pk])
    assert job.items.count() == count
    run_tasks()
    assert bulk.progress(job).done == count, reasons(job)
    assert bulk.missing_pages(data["admin"], de, english).count() == 0


def test_the_bulk_action_in_the_page_listing(
    data, english, use_translator, admin_client, django_capture_on_commit_callbacks
):
    use_translator("dummy")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "roland_translate"])
    ids = [("id", str(page.pk)) for page in data["pois"][:3]]
    form = admin_client.get(url, ids)
    text = form.content.decode()
    assert "Maschinell übersetzen" in text and "Übersetzen starten" in text
    assert f'value="{english.pk}"' in text and "Deutsch" not in form.context["form"]["locales"].as_widget()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"{url}?id={data['tree'].pois.pk}", {"locales": [english.pk], "include_descendants": "on"}
        )
    job = BulkTranslationJob.objects.get()
    assert response["Location"] == reverse("roland_translation_job", args=[job.pk])
    # The index page has its translation already: skipped when the worker comes to it.
    assert job.items.count() == PAGES + 1
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    refused = admin_client.post(f"{url}?id={data['pois'][0].pk}", {"locales": [], "include_descendants": ""})
    assert refused.status_code == 200, refused
    assert "Dieses Feld muss ausgefüllt werden." in refused.content.decode()
    assert BulkTranslationJob.objects.count() == 1


def test_without_a_service_the_request_is_refused(data, english, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    with pytest.raises(bulk.JobRefused, match="Übersetzungsdienst"):
        bulk.create_job(data["admin"], data["pois"], [english])


def test_permissions(data, english, use_translator, client, run_tasks, django_capture_on_commit_callbacks):
    use_translator("dummy")
    lotte, emil = data["lotte"], data["emil"]
    # Lotte may translate, but only the events: the places are not hers.
    with pytest.raises(bulk.JobRefused, match="keine der ausgewählten Seiten bearbeiten"):
        bulk.create_job(lotte, data["pois"], [english])
    assert bulk.missing_pages(lotte, Locale.objects.get(language_code="de"), english).count() == 2
    client.force_login(lotte)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "roland_translate"])
    listing = client.get(url, [("id", str(page.pk)) for page in data["pois"][:2]]).content.decode()
    assert "Sie dürfen diese Seiten nicht bearbeiten" in listing
    client.post(f"{url}?id={data['pois'][0].pk}", {"locales": [english.pk]})
    assert not BulkTranslationJob.objects.exists()

    # The admin's drafts are not in her queue, nor is his job hers to see.
    job = start(data["admin"], data["pois"][:3], [english], django_capture_on_commit_callbacks)
    run_tasks()
    assert denied(client.get(reverse("roland_translation_job", args=[job.pk])))
    assert 'name="id"' not in client.get(reverse("roland_translation_review", args=["en"])).content.decode()
    assert list(bulk.review_queue(lotte, english)) == []
    # Wagtail's bulk publish refuses what she may not publish.
    draft = data["pois"][0].get_translation(english)
    publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{publish}?id={draft.pk}", {})
    assert not Page.objects.get(pk=draft.pk).live

    # Emil edits everything but may not translate: none of it is open to him.
    client.force_login(emil)
    for path in (
        reverse("roland_translation_missing"),
        reverse("roland_translation_jobs"),
        reverse("roland_translation_review", args=["en"]),
        f"{url}?id={data['pois'][0].pk}",
    ):
        assert denied(client.get(path)), path
    with pytest.raises(bulk.JobRefused):
        bulk.create_job(emil, data["pois"], [english])
