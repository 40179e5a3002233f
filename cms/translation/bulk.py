"""Bulk translation: many pages into further languages by machine, as drafts, in the background.

An editor picks pages (a section, or everything missing in a language) and the languages; `create_job`
records one job with an item per page and language (untranslated parent pages come along, parents
first), and the worker runs `run_job`. Each item goes the way "Diese Seite übersetzen" and
"Maschinell übersetzen" go by hand, through wagtail-localize's own records: the page's translation
source, every string asked of the configured engine (with the glossary, `cms.translation.translators`)
outside any transaction, then in one transaction the strings, the translation record and the
translated page saved as a draft (`save_target(publish=False)`; never published). A page whose
strings did not all come back, or whose draft cannot be saved, gets nothing and is listed as failed
with a German reason; the other pages go on. Publishing stays with the editors (the review queue,
`review_queue`), through Wagtail's publish and so through the publish pipeline.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue

from . import selectors
from .models import BulkTranslationItem, BulkTranslationJob
from .translators import TranslatorError

logger = logging.getLogger(__name__)

SUBMIT_PERMISSION = "wagtail_localize.submit_translation"


class JobRefused(Exception):
    """The request cannot become a job; `message` says why, in German, for the form."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ItemFailed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ItemSkipped(ItemFailed):
    pass


# --- who may ------------------------------------------------------------------------------------


def may_translate(user: AbstractBaseUser) -> bool:
    """Whoever may start translations by hand ("Diese Seite übersetzen") may start them in bulk."""
    return bool(user.is_active and user.has_perm(SUBMIT_PERMISSION))


def editable_pages(user: AbstractBaseUser) -> QuerySet[Page]:
    """The pages this user may edit (Wagtail's page permissions)."""
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])


def may_see_job(user: AbstractBaseUser, job: BulkTranslationJob) -> bool:
    return bool(user.is_active and (user.is_superuser or job.created_by_id == user.pk))


# --- making a job -------------------------------------------------------------------------------


def create_job(
    user: AbstractBaseUser,
    pages: Iterable[Page],
    target_locales: Iterable[Locale],
    *,
    include_descendants: bool = False,
) -> BulkTranslationJob:
    """Record a job for these pages (and their live subpages, if asked) into these languages.

    Pages the user may not edit are left out; a page's untranslated parents come along (a translation
    needs its parent translated first). Raises JobRefused with a German message when nothing is left
    to do or the request is not allowed. The caller queues the job (`cms.translation.tasks`).
    """
    if not may_translate(user):
        raise JobRefused(_("You may not start translations."))
    if get_machine_translator() is None:
        raise JobRefused(
            _("No machine translation service is set up (MACHINE_TRANSLATION); please ask the administrator.")
        )
    chosen = [page for page in pages if page.depth > 1]
    if not chosen:
        raise JobRefused(_("Please select at least one page."))
    source_locales = {page.locale_id for page in chosen}
    if len(source_locales) > 1:
        raise JobRefused(_("Please select pages of one language only."))
    source_locale = Locale.objects.get(pk=source_locales.pop())
    targets = sorted(
        {locale for locale in target_locales if locale.pk != source_locale.pk},
        key=lambda target: target.language_code,
    )
    if not targets:
        raise JobRefused(_("Please choose at least one language other than the language of the pages."))
    allowed = editable_pages(user)
    wanted = {page.pk: page for page in chosen}
    if include_descendants:
        for page in chosen:
            for descendant in Page.objects.descendant_of(page).filter(live=True, alias_of__isnull=True):
                wanted.setdefault(descendant.pk, descendant)
    allowed_ids = set(allowed.filter(pk__in=list(wanted)).values_list("pk", flat=True))
    pages_in = [page for page in wanted.values() if page.pk in allowed_ids]
    if not pages_in:
        raise JobRefused(_("You may not edit any of the selected pages."))

    rows: dict[tuple[int, int], Page] = {}
    for locale in targets:
        for page in pages_in:
            rows[(page.pk, locale.pk)] = page
            for ancestor in _untranslated_ancestors(page, locale):
                if ancestor.pk in allowed_ids or allowed.filter(pk=ancestor.pk).exists():
                    rows.setdefault((ancestor.pk, locale.pk), ancestor)
    with transaction.atomic():
        job = BulkTranslationJob.objects.create(
            created_by=user,
            source_locale=source_locale,
            engine=str(get_machine_translator().display_name),
        )
        job.target_locales.set(targets)
        BulkTranslationItem.objects.bulk_create(
            BulkTranslationItem(
                job=job,
                page_id=page_pk,
                title=page.title[:255],
                path=page.path,
                target_locale_id=locale_pk,
            )
            for (page_pk, locale_pk), page in sorted(rows.items(), key=lambda row: (row[0][1], row[1].path))
        )
    return job


def _untranslated_ancestors(page: Page, locale: Locale) -> list[Page]:
    """The live ancestors below the tree's root that have no translation in `locale`, top first."""
    return list(
        Page.objects.ancestor_of(page)
        .filter(depth__gt=1, live=True)
        .exclude(selectors.translated_in(locale))
        .order_by("path")
    )


def missing_pages(user: AbstractBaseUser, source_locale: Locale, target_locale: Locale) -> QuerySet[Page]:
    """The live pages of `source_locale` without a translation in `target_locale` this user may edit."""
    return selectors.pages_without_translation(source_locale, target_locale).filter(
        pk__in=editable_pages(user).values("pk")
    )


# --- running a job ------------------------------------------------------------------------------


def run_job(job_id: int) -> dict[str, int]:
    """Work through the job's waiting items (what the worker's task does); the counts at the end.

    Items already done stay done, so a job cut short (a stopped worker) goes on where it was when run
    again. Reasons are written in the site's language, whatever language the worker runs in.
    """
    job = BulkTranslationJob.objects.select_related("created_by", "source_locale").get(pk=job_id)
    BulkTranslationJob.objects.filter(pk=job.pk).update(
        status=BulkTranslationJob.RUNNING, started_at=job.started_at or timezone.now()
    )
    translator = get_machine_translator()
    with translation.override(settings.LANGUAGE_CODE):
        for item in job.items.filter(status=BulkTranslationItem.PENDING).select_related("target_locale"):
            _run_item(job, item, translator)
    BulkTranslationJob.objects.filter(pk=job.pk).update(
        status=BulkTranslationJob.FINISHED, finished_at=timezone.now()
    )
    return progress(job).counts


def end_stopped_job(job_id: int) -> None:
    """The job's task failed as a whole (its worker stopped on it again and again, or an error outside
    any one page): the pages still waiting are failed with the reason and the job is finished, so its
    page stops saying "läuft" and the office can start the rest again."""
    with translation.override(settings.LANGUAGE_CODE):
        reason = _("The translation stopped before this page (the worker's log has the details).")
    BulkTranslationItem.objects.filter(job_id=job_id, status=BulkTranslationItem.PENDING).update(
        status=BulkTranslationItem.FAILED, reason=reason, finished_at=timezone.now()
    )
    BulkTranslationJob.objects.filter(pk=job_id).exclude(status=BulkTranslationJob.FINISHED).update(
        status=BulkTranslationJob.FINISHED, finished_at=timezone.now()
    )


def _run_item(job: BulkTranslationJob, item: BulkTranslationItem, translator) -> None:
    status, reason, made = BulkTranslationItem.DONE, "", None
    try:
        made = translate_page(item.page_id, item.target_locale, translator, job.created_by)
    except ItemSkipped as skipped:
        status, reason = BulkTranslationItem.SKIPPED, skipped.reason
    except ItemFailed as failed:
        status, reason = BulkTranslationItem.FAILED, failed.reason
    except Exception as error:  # one page's surprise must not stop the others
        logger.exception(
            "bulk translation %s: page %s into %s failed", job.pk, item.page_id, item.target_locale
        )
        status = BulkTranslationItem.FAILED
        reason = _("An unexpected error occurred (%(error)s); the worker's log has the details.") % {
            "error": type(error).__name__
        }
    BulkTranslationItem.objects.filter(pk=item.pk).update(
        status=status,
        reason=reason,
        translation=made,
        finished_at=timezone.now(),
    )


def translate_page(
    page_id: int | None,
    locale: Locale,
    translator: BaseMachineTranslator | None,
    user: AbstractBaseUser | None,
) -> Page:
    """Make the machine-translated draft of one page in `locale`; the draft.

    Raises ItemSkipped (it has a translation already) or ItemFailed with a German reason; on either
    nothing of the translation is written (only wagtail-localize's record of the source's strings).
    """
    page = Page.objects.filter(pk=page_id).first() if page_id else None
    if page is None:
        raise ItemFailed(_("The page no longer exists."))
    page = page.specific
    if page.get_translations().filter(locale=locale, alias_of__isnull=True).exists():
        raise ItemSkipped(_("The page has a translation in this language already."))
    if not page.live:
        raise ItemSkipped(_("The page is not published; only published pages are translated in bulk."))
    parent = page.get_parent()
    if (
        parent.depth > 1
        and not Page.objects.filter(
            translation_key=parent.translation_key, locale=locale, alias_of__isnull=True
        ).exists()
    ):
        raise ItemFailed(
            _("The parent page “%(title)s” has no translation in this language yet.")
            % {"title": parent.title}
        )
    if user is None or not user.is_active:
        raise ItemFailed(_("The person who started the translation can no longer sign in."))
    if not editable_pages(user).filter(pk=page.pk).exists():
        raise ItemFailed(_("The person who started the translation may no longer edit this page."))
    if translator is None:
        raise ItemFailed(_("No machine translation service is set up (MACHINE_TRANSLATION)."))
    if not translator.can_translate(page.locale, locale):
        raise ItemFailed(
            _("%(name)s cannot translate from %(source)s into %(target)s.")
            % {
                "name": translator.display_name,
                "source": page.locale.get_display_name(),
                "target": locale.get_display_name(),
            }
        )

    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(page)
    wanted = _untranslated_strings(source, locale)
    answers = {}
    if wanted:
        try:
            answers = translator.translate(source.locale, locale, list(wanted))
        except TranslatorError as error:
            logger.warning("bulk translation of page %s into %s: %s", page.pk, locale, error.detail)
            raise ItemFailed(error.message) from None
    if any(answers.get(string) is None or answers[string].data is None for string in wanted):
        raise ItemFailed(
            _("%(name)s did not translate every text of the page; nothing was saved.")
            % {"name": translator.display_name}
        )
    try:
        with transaction.atomic():
            for string, places in wanted.items():
                for string_id, context_id in places:
                    StringTranslation.objects.get_or_create(
                        translation_of_id=string_id,
                        locale=locale,
                        context_id=context_id,
                        defaults={
                            "data": answers[string].data,
                            "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                            "tool_name": str(translator.display_name),
                            "last_translated_by": user,
                        },
                    )
            # What "Diese Seite übersetzen" does (wagtail_localize.operations.TranslationCreator):
            # related objects (categories) first, then the page, here kept a draft whatever the settings.
            creator = TranslationCreator(user, [locale])
            creator.seen_objects.add(page.translation_key)
            for related in source.relatedobjectsegment_set.all():
                creator.create_translations(
                    related.object.get_instance(page.locale), include_related_objects=False
                )
            mode = getattr(
                page,
                "localize_default_translation_mode",
                getattr(settings, "WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE", "synced"),
            )
            record, _created = Translation.objects.update_or_create(
                source=source, target_locale=locale, defaults={"enabled": mode == "synced"}
            )
            record.save_target(user=user, publish=False)
    except ValidationError as error:
        raise ItemFailed(
            _("The translated draft could not be saved: %(errors)s") % {"errors": "; ".join(error.messages)}
        ) from None
    return page.get_translation(locale)


def _untranslated_strings(
    source: TranslationSource, locale: Locale
) -> dict[StringValue, list[tuple[int, int]]]:
    """The source's strings without a translation in `locale`, each with the places it stands."""
    done = set(
        StringTranslation.objects.filter(locale=locale, context__object_id=source.object_id).values_list(
            "translation_of_id", "context_id"
        )
    )
    wanted: dict[StringValue, list[tuple[int, int]]] = defaultdict(list)
    for segment in StringSegment.objects.filter(source=source).select_related("string").order_by("order"):
        if (segment.string_id, segment.context_id) in done:
            continue
        wanted[segment.string.as_value()].append((segment.string_id, segment.context_id))
    return dict(wanted)


# --- what it came to ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    total: int
    done: int
    skipped: int
    failed: int

    @property
    def pending(self) -> int:
        return self.total - self.done - self.skipped - self.failed

    @property
    def finished(self) -> int:
        return self.total - self.pending

    @property
    def counts(self) -> dict[str, int]:
        return {
            "total": self.total,
            "done": self.done,
            "skipped": self.skipped,
            "failed": self.failed,
            "pending": self.pending,
        }


def progress(job: BulkTranslationJob) -> Progress:
    counts = job.items.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=BulkTranslationItem.DONE)),
        skipped=Count("pk", filter=Q(status=BulkTranslationItem.SKIPPED)),
        failed=Count("pk", filter=Q(status=BulkTranslationItem.FAILED)),
    )
    return Progress(**counts)


# --- the review queue ---------------------------------------------------------------------------


def review_queue(user: AbstractBaseUser, locale: Locale) -> QuerySet[Page]:
    """Translations in `locale` with a draft not yet published (never published, or changed since),
    made by bulk or by hand, that this user may edit; parents first."""
    sources = TranslationSource.objects.filter(translations__target_locale=locale).values("object_id")
    return (
        Page.objects.filter(locale=locale, translation_key__in=sources, alias_of__isnull=True)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .filter(pk__in=editable_pages(user).values("pk"))
        .order_by("path")
    )


def write_strings_into_drafts(pages: Iterable[Page], user: AbstractBaseUser | None) -> int:
    """Before a bulk publish, and before *Zur Freigabe einreichen* (`review.submit_translation`):
    each translation's draft made from the strings its translator holds.

    wagtail-localize keeps strings translated in its editor apart from the page until its own
    publish writes them in; Wagtail's bulk publish (the review queue's, the page listing's) takes the
    latest revision, for a translation made by hand the copy of its source made when it was
    submitted: the reviewer ticked English and German went live. Each page's latest revision is
    read again in place, for the publish that follows. Returns how many drafts were written.
    """
    written = 0
    for page in pages:
        record = (
            Translation.objects.filter(
                source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
            )
            .select_related("source")
            .first()
        )
        if record is None:  # not a translation, or no longer synchronised: its draft is the editor's
            continue
        record.save_target(user=user, publish=False)
        page.refresh_from_db(fields=["latest_revision", "draft_title", "has_unpublished_changes"])
        written += 1
    return written
