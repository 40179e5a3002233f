"""*Zur Freigabe einreichen* in wagtail-localize's translation editor (cms/translation/review.py), by the
office's own groups (sites/groups.py): a member of the Redaktion (may not publish) submits the
translation of a place; a member of the Freigabe approves it where Wagtail lists what awaits review,
and the API answers the place in English with the translator's text.

Also the page editor's message after a workflow action: what happened, not "wurde aktualisiert".
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import Translation

from cms.core.timezone import LOCAL_TZ
from cms.demo.translation import translate_with_strings
from sites.groups import EDITOR_GROUP, MODERATOR_GROUP
from tests.factories import SiteTree, publish
from tests.worlds import built_once, fresh

pytestmark = pytest.mark.django_db

TEASER = "Das alte Stadttor am Ende der Bülstringer Straße."
ENGLISH = {
    "Bülstringer Tor": "Bülstringer Gate",
    TEASER: "The old town gate at the end of Bülstringer Straße.",
}


def _build():
    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    for page, strings in ((tree.home, {}), (tree.pois, {"orte": "places"})):
        publish(translate_with_strings(page, english, strings, publish=False)[0])
    gate = tree.poi(title="Bülstringer Tor", slug="buelstringer-tor", teaser=TEASER)
    # "Diese Seite übersetzen": a synchronised translation, a draft copy of the German page.
    target, _missing = translate_with_strings(gate, english, {}, publish=False)
    news = tree.news_article(title="Markt am Samstag", slug="markt-am-samstag", teaser="Kurz gemeldet.")
    users = {}
    for name, group in (("redakteurin", EDITOR_GROUP), ("freigeberin", MODERATOR_GROUP)):
        users[name] = get_user_model().objects.create_user(name, f"{name}@example.org", "pw")
        users[name].groups.add(Group.objects.get(name=group))
    # May use the admin, but edit no page.
    guests = Group.objects.create(name="Gäste")
    guests.permissions.add(Permission.objects.get(codename="access_admin"))
    users["gast"] = get_user_model().objects.create_user("gast", "gast@example.org", "pw")
    users["gast"].groups.add(guests)
    return {"tree": tree, "gate": gate, "target": target, "news": news, **users}


world = built_once(_build)


@pytest.fixture
def data(world):
    return fresh(world)


def client_of(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    client.force_login(user)
    return client


def translate(page: Page, strings: dict[str, str]) -> None:
    """What the editor's *Speichern* keeps: strings in wagtail-localize's tables, not in the page."""
    record = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    po = record.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    record.import_po(po, tool_name="editor")


def every_string(page: Page) -> dict[str, str]:
    record = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    return {entry.msgid: ENGLISH.get(entry.msgid, f"EN {entry.msgid}") for entry in record.export_po()}


def editor_props(client: Client, page: Page) -> dict:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    found = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode())
    return json.loads(unescape(found.group(1)))


def denied(response) -> bool:
    """Wagtail's answer to PermissionDenied in the admin: back to the dashboard with a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def messages_of(response) -> list[str]:
    """The messages shown, as text (Wagtail renders each with its buttons)."""
    return [" ".join(strip_tags(str(message)).split()) for message in response.context["messages"]]


def submit(client: Client, page: Page):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "submit"}, follow=True)


def english_detail(client: Client, page: Page) -> dict:
    return client.get(f"/api/v1/pois/{page.pk}", {"locale": "en"}).json()


def test_the_redaktion_submits_and_the_freigabe_approves_with_the_translators_text(
    data, django_capture_on_commit_callbacks
):
    target, redaktion, freigabe = (
        data["target"],
        client_of(data["redakteurin"]),
        client_of(data["freigeberin"]),
    )
    props = editor_props(redaktion, target)
    # wagtail-localize's footer takes the last action it builds as its main one: the publish
    # button it is offered, which editor_submit.js turns into *Zur Freigabe einreichen*.
    assert props["perms"]["canPublish"] is True and props["perms"]["canDelete"] is True
    assert props["rolandSubmit"] == {
        "action": "submit",
        "label": "Zur Freigabe einreichen",
        "busyLabel": "Wird zur Freigabe eingereicht …",
    }
    assert "rolandSubmit" not in editor_props(freigabe, target)  # a publisher keeps "Veröffentlichen in …"

    translate(target, every_string(target))
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(redaktion, target)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=[target.get_parent().pk])
    assert messages_of(response) == [
        "Übersetzung „Bülstringer Gate“ wurde zur Freigabe eingereicht. Bearbeiten"
    ]
    state = WorkflowState.objects.get(object_id=str(target.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.requested_by == data["redakteurin"] and state.workflow.name == "Freigabe"
    assert state.current_task_state.revision.as_object().title == "Bülstringer Gate"
    # Submitted is not published: the API still answers in German, as the fallback.
    detail = english_detail(redaktion, data["gate"])
    assert (detail["locale"], detail["is_fallback"]) == ("de", True)

    # The Freigabe finds it where Wagtail lists what awaits its review, and approves it there.
    dashboard = freigabe.get(reverse("wagtailadmin_home")).content.decode()
    awaiting = dashboard[dashboard.index('id="awaiting-review-section"') :]
    assert "Ihre Überprüfung steht aus" in awaiting and "Bülstringer Gate" in awaiting.split("</table>")[0]
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[target.pk, "approve", state.current_task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert freigabe.post(approve, {}).status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    detail = english_detail(freigabe, target)
    assert (detail["id"], detail["locale"], detail["is_fallback"]) == (target.pk, "en", False)
    assert (detail["title"], detail["teaser"]) == ("Bülstringer Gate", ENGLISH[TEASER])


def test_an_incomplete_translation_is_not_submitted_and_says_what_is_missing(data):
    target, redaktion = data["target"], client_of(data["redakteurin"])
    strings = every_string(target)
    translate(target, {"Bülstringer Tor": "Bülstringer Gate"})
    revisions = target.revisions.count()
    response = submit(redaktion, target)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[target.pk])
    assert messages_of(response) == [
        f"Übersetzung „Bülstringer Gate“ ist noch nicht vollständig: {len(strings) - 1} von {len(strings)} "
        "Texten sind noch nicht übersetzt. Bitte übersetzen Sie alle, bevor Sie sie zur Freigabe einreichen."
    ]
    assert not WorkflowState.objects.filter(object_id=str(target.pk)).exists()
    assert target.revisions.count() == revisions  # nothing written


def test_the_redaktion_cannot_publish_and_others_cannot_submit(data):
    target = data["target"]
    translate(target, every_string(target))
    edit = reverse("wagtailadmin_pages:edit", args=[target.pk])
    # wagtail-localize's own publish stays refused to the Redaktion.
    assert denied(client_of(data["redakteurin"]).post(edit, {"action": "publish"}))
    # Without the right to edit the page, nothing is submitted (Wagtail refuses before any hook).
    assert denied(client_of(data["gast"]).post(edit, {"action": "submit"}))
    assert not WorkflowState.objects.filter(object_id=str(target.pk)).exists()
    target.refresh_from_db()
    assert not target.live
    assert english_detail(Client(), data["gate"])["is_fallback"] is True


def test_submitting_again_while_in_review_restarts_it_on_the_new_strings(data):
    target, redaktion = data["target"], client_of(data["redakteurin"])
    strings = every_string(target)
    translate(target, strings)
    submit(redaktion, target)
    translate(target, {**strings, "Bülstringer Tor": "Buelstringer Gate"})
    response = submit(redaktion, target)
    assert messages_of(response) == [
        "Übersetzung „Buelstringer Gate“ wurde zur Freigabe eingereicht. Bearbeiten"
    ]
    states = WorkflowState.objects.filter(object_id=str(target.pk))
    assert sorted(states.values_list("status", flat=True)) == ["cancelled", "in_progress"]
    running = states.get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert running.current_task_state.revision.as_object().title == "Buelstringer Gate"


# --- the page editor's message after a workflow action ------------------------------------------


def news_form(news) -> dict:
    return nested_form_data(
        {
            "title": news.title,
            "slug": news.slug,
            "date": news.date.isoformat(),
            "teaser": news.teaser,
            "body": streamfield([]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "categories": [],
            "tags": "",
        }
    )


TOMORROW = (datetime.now(LOCAL_TZ) + timedelta(days=1)).replace(hour=9, minute=30, second=0, microsecond=0)


@pytest.mark.parametrize(
    ("action", "go_live_at", "said", "live"),
    [
        ("approve", None, "„Markt am Samstag“ wurde freigegeben und veröffentlicht.", True),
        (
            "approve",
            TOMORROW,
            f"„Markt am Samstag“ wurde freigegeben und wird am {date_format(TOMORROW, 'DATETIME_FORMAT')} "
            "veröffentlicht.",
            False,
        ),
        ("reject", None, "Für „Markt am Samstag“ wurden Änderungen angefordert.", False),
    ],
)
def test_the_page_editor_says_what_a_workflow_action_did(
    data, action, go_live_at, said, live, django_capture_on_commit_callbacks
):
    news = data["news"]
    news.go_live_at = go_live_at
    revision = news.save_revision(user=data["redakteurin"])
    news.get_workflow().start(news, data["redakteurin"])
    form = news_form(revision.as_object())
    form.update({"action-workflow-action": "true", "workflow-action-name": action})
    if go_live_at:
        form["go_live_at"] = go_live_at.strftime("%Y-%m-%d %H:%M")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(data["freigeberin"]).post(
            reverse("wagtailadmin_pages:edit", args=[news.pk]), form, follow=True
        )
    assert messages_of(response) == [said]
    news.refresh_from_db()
    assert news.has_unpublished_changes is not live
