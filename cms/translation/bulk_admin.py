"""The admin's bulk translation: the page bulk action "Übersetzen …", "Fehlendes übersetzen", the job
page with its progress, and the review queue per language. Rules: `cms.translation.bulk`.

The job page refreshes itself with a meta refresh while the worker is at it (the admin's CSP allows
no inline scripts). The review queue publishes through Wagtail's own bulk action "Veröffentlichen"
(its confirmation, its permission check, its publish), so the publish pipeline runs as ever.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from . import bulk, tasks
from .models import BulkTranslationItem, BulkTranslationJob

REFRESH_SECONDS = 3


class TargetLocalesField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Locale) -> str:
        return obj.get_display_name()


class BulkTranslateForm(forms.Form):
    locales = TargetLocalesField(
        label=gettext_lazy("Into the languages"), queryset=Locale.objects.order_by("language_code")
    )
    include_descendants = forms.BooleanField(
        label=gettext_lazy("Include the published subpages"), required=False
    )


class TranslateBulkAction(PageBulkAction):
    """ "Übersetzen …" on the selected pages: choose languages, the worker makes the drafts."""

    display_name = gettext_lazy("Translate …")
    action_type = "roland_translate"
    aria_label = gettext_lazy("Translate the selected pages by machine")
    template_name = "roland_translation/bulk_translate.html"
    action_priority = 60
    form_class = BulkTranslateForm

    def dispatch(self, request, *args, **kwargs):
        if not bulk.may_translate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, page: Page) -> bool:
        return page.permissions_for_user(self.request.user).can_edit()

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        items, _without = self.get_actionable_objects()
        source_ids = {page.locale_id for page in items}
        form.fields["locales"].queryset = Locale.objects.exclude(pk__in=source_ids).order_by("language_code")
        return form

    def prepare_action(self, objects, objects_without_access):
        form = self.cleaned_form
        try:
            job = bulk.create_job(
                self.request.user,
                [page.specific_deferred for page in objects],
                form.cleaned_data["locales"],
                include_descendants=form.cleaned_data["include_descendants"],
            )
        except bulk.JobRefused as refused:
            form.add_error(None, refused.message)
            return self.form_invalid(form)
        tasks.queue(job)
        return redirect("roland_translation_job", job.pk)


class MissingForm(forms.Form):
    source = forms.ModelChoiceField(
        label=gettext_lazy("From the language"), queryset=Locale.objects.order_by("language_code")
    )
    target = forms.ModelChoiceField(
        label=gettext_lazy("Into the language"), queryset=Locale.objects.order_by("language_code")
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.label_from_instance = lambda locale: locale.get_display_name()

    def clean(self):
        data = super().clean()
        if data.get("source") and data.get("source") == data.get("target"):
            self.add_error("target", _("Please choose a language other than the source language."))
        return data


def missing_view(request: HttpRequest) -> HttpResponse:
    """ "Fehlendes übersetzen": every published page of one language without a translation in another."""
    if not bulk.may_translate(request.user):
        raise PermissionDenied
    locales = list(Locale.objects.order_by("language_code"))
    default = Locale.get_default()
    initial = {
        "source": default,
        "target": next((locale for locale in locales if locale.pk != default.pk), default),
    }
    data = request.POST if request.method == "POST" else (request.GET if "source" in request.GET else None)
    form = MissingForm(data, initial=initial)
    pages = None
    if form.is_bound and form.is_valid():
        pages = bulk.missing_pages(request.user, form.cleaned_data["source"], form.cleaned_data["target"])
        if request.method == "POST":
            try:
                job = bulk.create_job(request.user, list(pages.specific()), [form.cleaned_data["target"]])
            except bulk.JobRefused as refused:
                form.add_error(None, refused.message)
            else:
                tasks.queue(job)
                return redirect("roland_translation_job", job.pk)
    elif not form.is_bound:
        pages = bulk.missing_pages(request.user, initial["source"], initial["target"])
        form = MissingForm(initial=initial)
    return TemplateResponse(
        request,
        "roland_translation/missing.html",
        {
            "page_title": _("Translate what is missing"),
            "form": form,
            "count": pages.count() if pages is not None else None,
            "sample": list(pages[:10]) if pages is not None else [],
        },
    )


def jobs_view(request: HttpRequest) -> HttpResponse:
    if not bulk.may_translate(request.user):
        raise PermissionDenied
    jobs = BulkTranslationJob.objects.select_related("source_locale", "created_by")
    if not request.user.is_superuser:
        jobs = jobs.filter(created_by=request.user)
    rows = [(job, bulk.progress(job)) for job in jobs[:50]]
    return TemplateResponse(
        request, "roland_translation/jobs.html", {"page_title": _("Bulk translations"), "rows": rows}
    )


def job_view(request: HttpRequest, job_id: int) -> HttpResponse:
    job = get_object_or_404(
        BulkTranslationJob.objects.select_related("source_locale", "created_by"), pk=job_id
    )
    if not bulk.may_see_job(request.user, job):
        raise PermissionDenied
    progress = bulk.progress(job)
    items = job.items.select_related("target_locale", "translation")
    running = job.status != BulkTranslationJob.FINISHED
    return TemplateResponse(
        request,
        "roland_translation/job.html",
        {
            "page_title": _("Bulk translation #%(number)s") % {"number": job.pk},
            "job": job,
            "progress": progress,
            "items": items,
            "targets": list(job.target_locales.order_by("language_code")),
            "refresh": REFRESH_SECONDS if running else None,
            "statuses": dict(BulkTranslationItem.STATUSES),
        },
    )


def review_view(request: HttpRequest, language_code: str | None = None) -> HttpResponse:
    """The translation drafts of one language awaiting review, to open in the editor and publish."""
    if not bulk.may_translate(request.user):
        raise PermissionDenied
    others = list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))
    if language_code is None:
        if not others:
            raise Http404
        return redirect("roland_translation_review", others[0].language_code)
    locale = get_object_or_404(Locale, language_code=language_code)
    pages = list(bulk.review_queue(request.user, locale).specific(defer=True))
    records = {
        record.source.object_id: record
        for record in Translation.objects.filter(
            target_locale=locale, source__object_id__in=[page.translation_key for page in pages]
        ).select_related("source")
    }
    rows = []
    for page in pages:
        record = records.get(page.translation_key)
        total, translated = record.get_progress() if record else (0, 0)
        rows.append(
            {
                "page": page,
                "source": page.get_translations().filter(locale=record.source.locale_id).first()
                if record
                else None,
                "total": total,
                "translated": translated,
                "never_published": not page.live,
                "can_publish": page.permissions_for_user(request.user).can_publish(),
            }
        )
    return TemplateResponse(
        request,
        "roland_translation/review.html",
        {
            "page_title": _("Translations to review"),
            "locale": locale,
            "languages": others,
            "rows": rows,
            "publish_url": reverse("roland_translation_review_publish", args=[locale.language_code]),
        },
    )


def review_publish_view(request: HttpRequest, language_code: str) -> HttpResponse:
    """The ticked drafts to Wagtail's own bulk "Veröffentlichen" (its confirmation, its permission
    check, its publish), and back to the queue afterwards."""
    here = reverse("roland_translation_review", args=[language_code])
    ids = [value for value in request.GET.getlist("id") if value.isascii() and value.isdigit()]
    if not ids:
        messages.warning(request, _("Please tick the translations you have reviewed."))
        return redirect(here)
    query = urlencode([("id", value) for value in ids] + [("next", here)])
    return redirect(f"{reverse('wagtail_bulk_action', args=['wagtailcore', 'page', 'publish'])}?{query}")
