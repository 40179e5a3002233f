"""Event submissions by local organisers: the public form, the partner API, moderation and the status link.

What a submitter and a moderator notice: field-by-field errors in the submitter's language, nothing
stored until the form is valid, a draft nobody outside the admin sees, the workflow «Veranstaltung
prüfen» with the moderators told, a status link that follows the moderation, and contact data that
stays out of every answer and goes after the retention period.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Collection, WorkflowState

from cms import scheduling
from media.models import RolandImage
from sites.api_keys import issue_key
from sites.groups import MODERATOR_GROUP
from sites.models import ApiClient, EventSubmission, SubmissionContact
from sites.submissions import COLLECTION_NAME, WORKFLOW_NAME
from tests.factories import SiteTree, image_bytes
from tests.worlds import built_once, fresh
from tourism.models import Event

pytestmark = pytest.mark.django_db

EMAIL = "vereinsvorstand@example.org"
FORM = "/submit/event/"


def build() -> dict:
    tree = SiteTree()
    poi = tree.poi(title="Kulturfabrik")
    moderators = Group.objects.get(name=MODERATOR_GROUP)
    from django.contrib.auth import get_user_model

    moderator = get_user_model().objects.create_user(
        "moderatorin", "moderatorin@example.org", "pw", is_staff=False
    )
    moderator.groups.add(moderators)
    partner = ApiClient(name="Eventportal", may_submit_events=True)
    partner_key = issue_key(partner)
    partner.save()
    reader = ApiClient(name="Nur lesen")
    reader_key = issue_key(reader)
    reader.save()
    return {
        "tree": tree,
        "poi": poi,
        "moderator": moderator,
        "partner_key": partner_key,
        "reader_key": reader_key,
    }


world = built_once(build)


@pytest.fixture
def w(world):
    return {
        **world,
        "tree": fresh(world["tree"]),
        "poi": fresh(world["poi"]),
        "moderator": fresh(world["moderator"]),
    }


def valid(w, **changes) -> dict:
    start = timezone.localdate() + timedelta(days=10)
    data = {
        "title": "Herbstkonzert des Posaunenchors",
        "start_date": start.isoformat(),
        "start_time": "19:30",
        "end_date": "",
        "end_time": "21:00",
        "venue": str(w["poi"].pk),
        "location_name": "",
        "description": "Der Posaunenchor spielt Werke von Bach bis Gershwin.\n\nEintritt frei, Spenden erbeten.",
        "image_credit": "",
        "image_alt": "",
        "organizer_name": "Posaunenchor St. Marien",
        "email": EMAIL,
        "website": "",
    }
    data.update(changes)
    return data


def stored() -> tuple[int, int, int, int]:
    return (
        Event.objects.count(),
        EventSubmission.objects.count(),
        SubmissionContact.objects.count(),
        RolandImage.objects.count(),
    )


def submit(client, w, lang="de", **changes):
    return client.post(f"{FORM}?lang={lang}", valid(w, **changes))


def token_of(response) -> str:
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"].split("/submit/status/")[1].split("/")[0]


# --- the form ---------------------------------------------------------------------------------


def test_the_form_speaks_german_by_default_and_english_when_asked(client, w):
    german = client.get(FORM)
    assert german.status_code == 200 and german["Content-Language"] == "de"
    page = german.content.decode()
    assert '<html lang="de">' in page
    assert "Veranstaltung einreichen" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert "Kulturfabrik" in page  # the places to choose from
    assert "nach 30 Tagen" in page  # the form says when the e-mail address goes
    assert "<script" not in page and "http" not in page.split("<main", 1)[1].split("</form>")[0].replace(
        "http://testserver", ""
    )
    english = client.get(FORM, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert english["Content-Language"] == "en" and "Submit an event" in english.content.decode()
    assert "Submit an event" in client.get(f"{FORM}?lang=en").content.decode()


def test_a_valid_submission_becomes_a_draft_in_moderation_and_moderators_are_told(client, w, mailoutbox):
    before = stored()
    response = submit(client, w)
    token = token_of(response)
    after = stored()
    assert after[:3] == (before[0] + 1, before[1] + 1, before[2] + 1)

    submission = EventSubmission.objects.get()
    event = submission.event
    assert not event.live and event.get_parent().pk == w["tree"].events.pk
    assert event.venue_id == w["poi"].pk and event.start_time.strftime("%H:%M") == "19:30"
    assert "Bach bis Gershwin" in event.teaser
    assert event.body[0].block_type == "paragraph"
    assert submission.contact.email == EMAIL and EMAIL not in json.dumps(event.body.get_prep_value())
    assert token not in json.dumps(list(EventSubmission.objects.values()), default=str)  # only its digest

    state = WorkflowState.objects.get(object_id=str(event.pk))
    assert state.workflow.name == WORKFLOW_NAME and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [message.to for message in mailoutbox] == [["moderatorin@example.org"]]
    assert event.title in mailoutbox[0].subject + mailoutbox[0].body

    status = client.get(response["Location"])
    assert status.status_code == 200
    assert 'data-status="submitted">eingereicht<' in status.content.decode()
    assert status["Referrer-Policy"] == "no-referrer"


def test_invalid_fields_are_named_in_the_submitters_language_and_nothing_is_stored(client, w):
    before = stored()
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = submit(client, w, title="", start_date=past, email="kein-mail", venue="", location_name="")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dieses Feld muss ausgefüllt werden." in page  # the title
    assert "Das Datum liegt in der Vergangenheit." in page
    assert "Bitte eine gültige E-Mail-Adresse eingeben." in page
    assert "Wählen Sie einen Ort aus der Liste oder geben Sie ihn hier ein." in page
    assert 'aria-invalid="true"' in page and 'aria-describedby="id_title_error"' in page
    assert 'value="Posaunenchor St. Marien"' in page  # what was typed is kept
    assert stored() == before

    english = submit(client, w, lang="en", start_date=past)
    assert english.status_code == 400 and "The date lies in the past." in english.content.decode()
    assert stored() == before


def test_html_in_a_text_is_refused_on_its_field(client, w):
    before = stored()
    response = submit(client, w, description="Konzert mit <script>alert(1)</script> und mehr Text dazu.")
    assert response.status_code == 400
    assert "ohne HTML" in response.content.decode()
    assert stored() == before


def test_the_honeypot_answers_as_if_all_was_well_and_stores_nothing(client, w, mailoutbox):
    before = stored()
    response = submit(client, w, website="http://spam.example")
    assert response.status_code == 200 and "Vielen Dank" in response.content.decode()
    assert stored() == before and mailoutbox == []


def test_submissions_per_address_are_rate_limited(client, w, settings):
    settings.SUBMISSION_RATE_LIMIT = 2
    assert submit(client, w).status_code == 302
    assert submit(client, w, title="").status_code == 400  # invalid attempts count too
    before = stored()
    limited = submit(client, w)
    assert limited.status_code == 429 and int(limited["Retry-After"]) >= 1
    assert "Zu viele Einreichungen" in limited.content.decode()
    assert stored() == before
    # Another address is not affected.
    assert client.post(f"{FORM}?lang=de", valid(w), REMOTE_ADDR="192.0.2.77").status_code == 302


def test_the_form_needs_its_csrf_token(w):
    from django.test import Client

    before = stored()
    assert Client(enforce_csrf_checks=True).post(FORM, valid(w)).status_code == 403
    assert stored() == before


def test_an_image_needs_a_credit_is_validated_like_uploads_and_waits_hidden(client, w):
    before = stored()
    picture = SimpleUploadedFile("plakat.jpg", image_bytes(), content_type="image/jpeg")
    response = client.post(f"{FORM}?lang=de", {**valid(w), "image": picture})
    assert response.status_code == 400 and "Fotografen oder die Quelle" in response.content.decode()
    not_an_image = SimpleUploadedFile("plakat.jpg", b"<svg onload=alert(1)>", content_type="image/jpeg")
    response = client.post(f"{FORM}?lang=de", {**valid(w, image_credit="Foto: Chor"), "image": not_an_image})
    assert response.status_code == 400
    assert stored() == before

    picture = SimpleUploadedFile("plakat.jpg", image_bytes(), content_type="image/jpeg")
    token_of(client.post(f"{FORM}?lang=de", {**valid(w, image_credit="Foto: Chor"), "image": picture}))
    image = EventSubmission.objects.get().event.image
    assert image.credit == "Foto: Chor" and image.collection.name == COLLECTION_NAME
    assert client.get(f"/api/wagtail/v2/images/{image.pk}/").status_code == 404


def test_a_request_body_over_the_limit_is_refused_before_it_is_read(client, w, settings):
    settings.SUBMISSION_MAX_REQUEST_BYTES = 1000
    before = stored()
    picture = SimpleUploadedFile("plakat.jpg", image_bytes(), content_type="image/jpeg")
    response = client.post(f"{FORM}?lang=de", {**valid(w, image_credit="Foto"), "image": picture})
    assert response.status_code == 413 and "zu groß" in response.content.decode()
    # Refused before anything reads the body: not even the CSRF check (which parses the form) ran.
    from django.test import Client

    picture.seek(0)
    unchecked = Client(enforce_csrf_checks=True).post(f"{FORM}?lang=de", {**valid(w), "image": picture})
    assert unchecked.status_code == 413
    assert stored() == before


# --- the partner API --------------------------------------------------------------------------


def api_body(w, **changes) -> dict:
    start = timezone.localdate() + timedelta(days=20)
    body = {
        "title": "Lesung in der Stadtbibliothek",
        "start_date": start.isoformat(),
        "start_time": "18:00",
        "location_name": "Stadtbibliothek, Hagenstraße 1",
        "description": "Eine Autorin liest aus ihrem neuen Roman über die Börde.",
        "organizer_name": "Freundeskreis der Bibliothek",
        "contact_email": EMAIL,
    }
    body.update(changes)
    return body


def post_api(client, body, key=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    return client.post(
        "/api/v1/submissions/events", json.dumps(body), content_type="application/json", **headers
    )


def test_the_api_needs_a_key_that_may_submit(client, w):
    before = stored()
    assert post_api(client, api_body(w)).status_code == 401
    assert post_api(client, api_body(w), key="rol_not-a-key-at-all").status_code == 401
    forbidden = post_api(client, api_body(w), key=w["reader_key"])
    assert forbidden.status_code == 403 and forbidden["Content-Type"] == "application/problem+json"
    assert stored() == before


def test_the_api_submits_through_the_same_service(client, w, mailoutbox):
    response = post_api(client, api_body(w), key=w["partner_key"])
    assert response.status_code == 202, response.content
    answer = response.json()
    assert answer["status"] == "submitted" and "/submit/status/" in answer["status_url"]
    submission = EventSubmission.objects.get()
    assert submission.channel == "api" and submission.api_client_name == "Eventportal"
    assert submission.event.location_name == "Stadtbibliothek, Hagenstraße 1" and not submission.event.live
    assert WorkflowState.objects.get(object_id=str(submission.event_id)).workflow.name == WORKFLOW_NAME
    assert len(mailoutbox) == 1
    assert EMAIL not in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "param"),
    [
        ({"start_date": "morgen"}, "start_date"),
        ({"contact_email": "nicht-gültig"}, "contact_email"),
        ({"description": "<b>fett</b> und noch mehr Text dazu"}, "description"),
        ({"location_name": ""}, "location_name"),
        ({"title": "x" * 300}, "title"),
    ],
)
def test_bad_api_input_is_a_400_naming_the_field(client, w, changes, param):
    before = stored()
    response = post_api(client, api_body(w, **changes), key=w["partner_key"])
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert param in [error["param"] for error in response.json()["errors"]]
    assert stored() == before


# --- moderation and the status link -----------------------------------------------------------

PUBLIC = (
    "/api/v1/events?from=2020-01-01&to=2020-12-31",
    "/api/v1/events",
    "/api/v1/events.ics",
    "/api/v1/search?q=Posaunenchor",
    "/api/v1/changes",
    "/api/v1/export/events.ndjson",
    "/api/wagtail/v2/pages/?type=tourism.Event",
)


def public_answers(client) -> str:
    answers = []
    for path in PUBLIC:
        response = client.get(path)
        assert response.status_code in (200, 400), (path, response.status_code)
        answers.append(b"".join(response.streaming_content) if response.streaming else response.content)
    return b"\n".join(answers).decode()


def test_a_draft_is_never_public_until_approved_and_the_status_follows(client, w):
    response = submit(client, w)
    status_url = response["Location"]
    event = EventSubmission.objects.get().event
    detail = client.get(f"/api/v1/events/{event.pk}")
    assert detail.status_code == 404
    assert "Posaunenchor" not in public_answers(client)

    state = WorkflowState.objects.get(object_id=str(event.pk))
    state.current_task_state.specific.task.specific.on_action(
        state.current_task_state, w["moderator"], "approve"
    )
    event.refresh_from_db()
    assert event.live
    assert "veröffentlicht" in client.get(status_url).content.decode()
    answers = public_answers(client)
    assert "Herbstkonzert des Posaunenchors" in answers
    detail = client.get(f"/api/v1/events/{event.pk}")
    assert detail.status_code == 200
    assert EMAIL not in answers + detail.content.decode()


def test_a_published_submissions_image_leaves_the_waiting_collection(client, w):
    picture = SimpleUploadedFile("plakat.jpg", image_bytes(), content_type="image/jpeg")
    token_of(client.post(f"{FORM}?lang=de", {**valid(w, image_credit="Foto: Chor"), "image": picture}))
    event = EventSubmission.objects.get().event
    state = WorkflowState.objects.get(object_id=str(event.pk))
    state.current_task_state.task.specific.on_action(state.current_task_state, w["moderator"], "approve")
    image = RolandImage.objects.get(pk=event.image_id)
    assert image.collection_id == Collection.get_first_root_node().pk
    assert client.get(f"/api/v1/events/{event.pk}").json()["image"] is not None


def test_a_rejection_shows_the_moderators_reason(client, w):
    response = submit(client, w, lang="en")
    event = EventSubmission.objects.get().event
    state = WorkflowState.objects.get(object_id=str(event.pk))
    state.current_task_state.task.specific.on_action(
        state.current_task_state, w["moderator"], "reject", comment="Bitte den Eintrittspreis nennen."
    )
    page = client.get(response["Location"].replace("lang=en", "lang=de")).content.decode()
    assert 'data-status="rejected">abgelehnt<' in page
    assert "Bitte den Eintrittspreis nennen." in page
    assert not Event.objects.get(pk=event.pk).live
    assert "rejected" in client.get(response["Location"]).content.decode()


def test_an_unknown_token_finds_nothing(client, w):
    response = client.get("/submit/status/erfunden-und-falsch/")
    assert response.status_code == 404


def test_the_dashboard_lists_pending_submissions(client, w, admin_client):
    submit(client, w)
    page = admin_client.get("/admin/").content.decode()
    assert "Eingereichte Veranstaltungen zur Prüfung (1)" in page
    assert "Herbstkonzert des Posaunenchors" in page and "Posaunenchor St. Marien" in page
    assert f"mailto:{EMAIL}" in page  # the moderators may ask; only the admin shows it


def test_the_dashboard_panel_costs_the_same_queries_for_one_or_many(
    client, w, admin_client, django_assert_max_num_queries
):
    from sites.submissions import pending_submissions

    for number in range(4):
        token_of(submit(client, w, title=f"Chorprobe {number}", email=f"chor{number}@example.org"))
    with django_assert_max_num_queries(2):
        pending = pending_submissions()
        assert sorted(item.contact.email for item in pending) == [f"chor{n}@example.org" for n in range(4)]
        assert all(item.event.title.startswith("Chorprobe") for item in pending)


# --- contact data -----------------------------------------------------------------------------


def test_contacts_are_deleted_after_the_retention_by_the_daily_job(client, w, settings):
    settings.SUBMISSION_CONTACT_RETENTION_DAYS = 30
    token_of(submit(client, w))
    token_of(submit(client, w, title="Adventssingen am Roland", email="andere@example.org"))
    old, _new = SubmissionContact.objects.order_by("pk")
    SubmissionContact.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    job = next(job for job in scheduling.default_jobs() if job.name == "delete_submission_contacts")
    assert job.run() == {"deleted": 1}
    assert list(SubmissionContact.objects.values_list("email", flat=True)) == ["andere@example.org"]
    assert EventSubmission.objects.count() == 2  # the submissions and their status links stay


@pytest.mark.parametrize(
    ("action", "comment", "shown"),
    [("approve", "", "veröffentlicht"), ("reject", "Der Termin ist schon eingetragen.", "abgelehnt")],
)
def test_a_moderator_decides_in_the_admin_and_the_status_link_follows(client, w, action, comment, shown):
    from django.test import Client
    from django.urls import reverse

    status_url = submit(client, w)["Location"]
    event = EventSubmission.objects.get().event
    task_state = WorkflowState.objects.get(object_id=str(event.pk)).current_task_state
    moderator = Client()
    moderator.force_login(w["moderator"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[event.pk, action, task_state.pk])
    assert moderator.post(url, {"comment": comment}).status_code == 302
    page = client.get(status_url).content.decode()
    assert f">{shown}<" in page
    assert comment in page
    assert Event.objects.get(pk=event.pk).live is (action == "approve")


@pytest.mark.parametrize("path", [FORM, "/submit/status/unknown/"])
def test_a_language_the_pages_are_not_in_is_a_problem_naming_lang(client, w, path):
    response = client.get(path, {"lang": "fr"})
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert [error["param"] for error in response.json()["errors"]] == ["lang"]
