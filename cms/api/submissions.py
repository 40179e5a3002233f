"""POST /api/v1/submissions/events: partners' way into the same submission as the public form.

A key is required and must be allowed to submit (ApiClient.may_submit_events): no key is a 401, a
key without the right a 403 (a wrong key never gets here: cms.api.delivery answers 401). The body is
validated by the form's own rules (sites.submission_forms) and errors name the JSON field.
"""

from __future__ import annotations

from datetime import date, time

from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from ninja import Router, Status

from cms.core.i18n import PAGE_LANGUAGES, language_request
from cms.core.problems import ApiProblem, Problem, problem_response
from cms.core.schema import Schema
from cms.core.visibility import find_site
from sites import submissions as services
from sites.models.submissions import Channel
from sites.submission_forms import SubmissionForm

from . import access

router = Router(tags=["Submissions"])


class EventSubmissionIn(Schema):
    title: str
    start_date: date
    start_time: time | None = None
    end_date: date | None = None
    end_time: time | None = None
    all_day: bool = False
    venue_id: int | None = None
    location_name: str = ""
    description: str
    organizer_name: str
    contact_email: str


class EventSubmissionOut(Schema):
    status: str
    status_url: str


FIELD_NAMES = {"venue": "venue_id", "email": "contact_email"}


@router.post(
    "/submissions/events",
    response={202: EventSubmissionOut, 400: Problem, 403: Problem},
    summary="Submit an event for moderation (partner key required)",
)
def submit_event_api(request: HttpRequest, payload: EventSubmissionIn):
    """The event becomes a draft in the moderation workflow; the answer's status_url tells how it fares.
    The contact address is for the moderators only and is deleted after the retention period."""
    caller = access.identify(request)  # a wrong key never gets here (cms.api.delivery: 401)
    if caller.client is None:
        raise ApiProblem(
            401,
            "Submissions need a partner API key.",
            headers={"WWW-Authenticate": 'Bearer realm="roland"'},
        )
    if not caller.client.may_submit_events:
        raise ApiProblem(403, "This API key may not submit events.")
    lang = language_request(request, PAGE_LANGUAGES, None).code
    data = payload.dict()
    fields = {
        **{name: value for name, value in data.items() if name not in ("venue_id", "contact_email")},
        "venue": data["venue_id"],
        "email": data["contact_email"],
    }
    form_data = {name: _as_text(value) for name, value in fields.items() if value is not None}
    if not fields["all_day"]:
        form_data.pop("all_day", None)
    with translation.override(lang):
        form = SubmissionForm(form_data, site=find_site(request))
        if not form.is_valid():
            errors = [
                {"param": FIELD_NAMES.get(name, name), "message": str(message)}
                for name, messages in form.errors.items()
                if name not in ("image", "image_credit", "image_alt", "website")
                for message in messages
            ]
            names = ", ".join(dict.fromkeys(error["param"] for error in errors))
            return problem_response(400, f"Invalid parameter(s): {names}", errors)
        try:
            _submission, token = services.submit_event(
                form.event_data(), language=lang, channel=Channel.API, api_client_name=caller.client.name
            )
        except services.SubmissionRefused as error:
            raise ApiProblem(503, f"Submissions cannot be accepted now: {error}.") from error
        url = request.build_absolute_uri(reverse("submission-status", args=[token]))
    return Status(202, {"status": "submitted", "status_url": url})


def _as_text(value) -> str:
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)
