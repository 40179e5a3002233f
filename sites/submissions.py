"""The rules of an event submission: a draft Event in the workflow "Veranstaltung prüfen", its status
for the submitter, and the deletion of contact data.

The public form and the partner API both validate through `sites.submission_forms.SubmissionForm` and
hand its result to `submit_event`: one way in, whatever the channel. The draft is made the way every
page is made (a child of the events index, then a revision); it becomes public only when a moderator
approves it, and then through Wagtail's publish and so through the one publish pipeline.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import date, time, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    Site,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail.rich_text import RichText

from cms.core.slugs import slugify
from media.models import RolandImage
from tourism.models import Event, EventIndexPage, Organizer, PointOfInterest
from tourism.models.base import TEASER_MAX

from .models.submissions import Channel, EventSubmission, SubmissionContact

logger = logging.getLogger("roland.submissions")

WORKFLOW_NAME = "Veranstaltung prüfen"
TASK_NAME = "Veranstaltung freigeben"
COLLECTION_NAME = "Einreichungen (ungeprüft)"

# Markup of any kind: a tag, a comment, a processing instruction or an entity. Texts are plain.
_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_markup(text: str) -> bool:
    """HTML or control characters: texts are shown as they were typed, so markup is refused, not stripped."""
    return bool(_MARKUP.search(text) or _CONTROL.search(text))


class SubmissionRefused(Exception):
    """The site cannot take submissions now (no events index, no workflow): an operator's problem."""


@dataclass(frozen=True)
class EventData:
    """A valid submission, as the form cleaned it."""

    title: str
    description: str
    start_date: date
    start_time: time | None
    end_date: date | None
    end_time: time | None
    all_day: bool
    organizer_name: str
    email: str
    venue: PointOfInterest | None = None
    location_name: str = ""
    image: UploadedFile | None = None
    image_credit: str = ""
    image_alt: str = ""


@dataclass(frozen=True)
class Status:
    code: str  # submitted | published | rejected
    reason: str = ""

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.code])


STATUS_LABELS = {
    "submitted": _("submitted"),
    "published": _("published"),
    "rejected": _("rejected"),
}


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def events_index() -> EventIndexPage:
    """The events index of the default site in the default language: where submissions go."""
    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        raise SubmissionRefused("no default site")
    index = (
        EventIndexPage.objects.descendant_of(site.root_page, inclusive=True)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
        .first()
    )
    if index is None:
        raise SubmissionRefused("the default site has no events index")
    return index


def submission_workflow(index: Page) -> Workflow:
    """The workflow made by the data migration, assigned to the events index (the index may be newer)."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        raise SubmissionRefused(f"the workflow «{WORKFLOW_NAME}» is missing or inactive")
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def submissions_collection() -> Collection:
    """Submitted images wait here, visible to signed-in editors only, until their event is published."""
    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def _teaser(description: str) -> str:
    flat = " ".join(description.split())
    if len(flat) <= TEASER_MAX:
        return flat
    cut = flat[: TEASER_MAX - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _paragraphs(description: str) -> list[tuple[str, RichText]]:
    blocks = []
    for paragraph in re.split(r"\n\s*\n", description.strip()):
        lines = [html.escape(line.strip()) for line in paragraph.splitlines() if line.strip()]
        if lines:
            blocks.append(("paragraph", RichText("<p>" + "<br/>".join(lines) + "</p>")))
    return blocks


def _unique_slug(index: Page, title: str) -> str:
    base = (slugify(title) or "veranstaltung")[:60].strip("-") or "veranstaltung"
    while True:
        slug = f"{base}-{secrets.token_hex(3)}"
        if not index.get_children().filter(slug=slug).exists():
            return slug


@transaction.atomic
def submit_event(
    data: EventData, *, language: str, channel: str, api_client_name: str = ""
) -> tuple[EventSubmission, str]:
    """Store a valid submission as a draft in moderation; returns it and the status link's token.

    One transaction: a failure anywhere (the image, the page, the workflow) leaves nothing behind.
    The token is returned once and only its digest is kept.
    """
    index = events_index()
    workflow = submission_workflow(index)
    image = None
    if data.image is not None:
        image = RolandImage(
            title=data.title[:255],
            file=data.image,
            alt_text=(data.image_alt or data.title)[:400],
            credit=data.image_credit[:255],
            collection=submissions_collection(),
        )
        image.save()
    event = Event(
        title=data.title,
        slug=_unique_slug(index, data.title),
        teaser=_teaser(data.description),
        body=_paragraphs(data.description),
        start_date=data.start_date,
        start_time=None if data.all_day else data.start_time,
        end_date=data.end_date,
        end_time=None if data.all_day else data.end_time,
        all_day=data.all_day,
        venue=data.venue,
        location_name="" if data.venue else data.location_name,
        organizer=Organizer.objects.filter(name__iexact=data.organizer_name).first(),
        image=image,
        locale=index.locale,
        live=False,
        has_unpublished_changes=True,
    )
    index.add_child(instance=event)
    event.save_revision(log_action=True)
    token = secrets.token_urlsafe(32)
    submission = EventSubmission.objects.create(
        token_hash=token_digest(token),
        event=event,
        organizer_name=data.organizer_name,
        language=language,
        channel=channel,
        api_client_name=api_client_name if channel == Channel.API else "",
    )
    SubmissionContact.objects.create(submission=submission, email=data.email)
    # Wagtail notifies the task's group (the moderators) by e-mail as the task starts.
    workflow.start(event, user=None)
    logger.info(
        "Event submission %s: draft event %s «%s» in moderation", submission.pk, event.pk, event.title
    )
    return submission, token


def find_submission(token: str) -> EventSubmission | None:
    if not token or len(token) > 100:
        return None
    return EventSubmission.objects.select_related("event").filter(token_hash=token_digest(token)).first()


def submission_status(submission: EventSubmission) -> Status:
    """What the submitter sees: published while the event is live; rejected (with the moderator's
    comment) when the last moderation ended in a rejection or the draft was deleted; else submitted."""
    event = submission.event
    if event is None:
        return Status("rejected")
    if event.live:
        return Status("published")
    state = (
        WorkflowState.objects.filter(base_content_type=event.get_base_content_type(), object_id=str(event.pk))
        .order_by("-created_at", "-pk")
        .first()
    )
    if state is None or state.status == WorkflowState.STATUS_IN_PROGRESS:
        return Status("submitted")
    rejection = (
        TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
        .order_by("-finished_at", "-pk")
        .first()
    )
    if rejection is not None:
        return Status("rejected", rejection.get_comment())
    return Status("submitted")


def pending_submissions(limit: int = 10) -> list[EventSubmission]:
    """Submissions whose draft is still in moderation, newest first, with the submitter's contact
    (the admin dashboard's panel: moderators may have questions). Two queries, whatever the number."""
    in_progress = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=ContentType.objects.get_for_model(Page),
    )
    ids = [int(pk) for pk in in_progress.values_list("object_id", flat=True)]
    return list(
        EventSubmission.objects.select_related("event", "contact")
        .filter(event_id__in=ids, event__live=False)
        .order_by("-submitted_at", "-pk")[:limit]
    )


def release_image(event: Event) -> None:
    """A published submission's image leaves the restricted collection it waited in."""
    image = event.image
    if image is None or image.collection.name != COLLECTION_NAME:
        return
    image.collection = Collection.get_first_root_node()
    image.save(update_fields=["collection"])


def delete_old_contacts(now=None) -> int:
    """Delete submitters' contact data older than SUBMISSION_CONTACT_RETENTION_DAYS (a daily job)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SUBMISSION_CONTACT_RETENTION_DAYS)
    deleted, _rows = SubmissionContact.objects.filter(created_at__lt=cutoff).delete()
    return deleted
