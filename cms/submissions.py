"""The HTTP side of event submissions: the public form, the status page, POST /api/v1/submissions/events.

Here in the assembly because the form shares the API's rate limiter (cms.api.access) and the API
route its key check; the rules (validation, the draft, the workflow, the status) are the
submissions app's. Both ways in end in `sites.submissions.submit_event`.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from cms.core.addresses import client_address
from cms.core.i18n import page_language
from cms.core.problems import ApiProblem, handle_api_problem
from cms.core.visibility import find_site
from sites import submissions as services
from sites.models.submissions import Channel
from sites.submission_forms import SubmissionForm

from .api import access


def _over_limit(request: HttpRequest) -> access.Quota | None:
    """Every submission attempt counts against the sender's address (valid or not)."""
    caller = access.Caller(f"submit:{client_address(request)}", settings.SUBMISSION_RATE_LIMIT)
    quota = access.take(caller)
    return quota if quota.exceeded else None


def _too_large(request: HttpRequest) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > settings.SUBMISSION_MAX_REQUEST_BYTES


def _page(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    response = render(request, template, context, status=status)
    response["Content-Language"] = context["lang"]
    patch_vary_headers(response, ["Accept-Language"])
    return response


@never_cache
@csrf_exempt  # checked by _form, after the size and the rate limit: those must not read the body first
@require_http_methods(["GET", "POST"])
def submit_event_form(request: HttpRequest) -> HttpResponse:
    try:
        lang = page_language(request)
    except ApiProblem as problem:
        return handle_api_problem(request, problem)
    with translation.override(lang):
        context = {
            "lang": lang,
            "other_lang": "en" if lang == "de" else "de",
            "retention_days": settings.SUBMISSION_CONTACT_RETENTION_DAYS,
        }
        site = find_site(request)
        if request.method == "POST":
            if _too_large(request):
                context["form"] = SubmissionForm(site=site)
                context["problem"] = _("The submission is too large. Please choose a smaller image.")
                return _page(request, "submissions/event_form.html", context, status=413)
            quota = _over_limit(request)
            if quota is not None:
                context["form"] = SubmissionForm(site=site)
                context["problem"] = _(
                    "Too many submissions from your address. Please try again in a minute."
                )
                response = _page(request, "submissions/event_form.html", context, status=429)
                response["Retry-After"] = str(quota.reset)
                return response
        return _form(request, lang, context, site)


@csrf_protect
def _form(request: HttpRequest, lang: str, context: dict, site) -> HttpResponse:
    if request.method == "GET":
        context["form"] = SubmissionForm(site=site)
        return _page(request, "submissions/event_form.html", context)
    form = SubmissionForm(request.POST, request.FILES, site=site)
    if form.is_spam:
        return _page(request, "submissions/received.html", context)
    if not form.is_valid():
        context["form"] = form
        return _page(request, "submissions/event_form.html", context, status=400)
    try:
        _submission, token = services.submit_event(form.event_data(), language=lang, channel=Channel.FORM)
    except services.SubmissionRefused:
        context["form"] = form
        context["problem"] = _("Submissions cannot be accepted at the moment. Please try again later.")
        return _page(request, "submissions/event_form.html", context, status=503)
    return redirect(f"{reverse('submission-status', args=[token])}?lang={lang}&new=1")


@never_cache
@require_http_methods(["GET"])
def submission_status(request: HttpRequest, token: str) -> HttpResponse:
    try:
        lang = page_language(request)
    except ApiProblem as problem:
        return handle_api_problem(request, problem)
    with translation.override(lang):
        context = {"lang": lang, "other_lang": "en" if lang == "de" else "de"}
        submission = services.find_submission(token)
        if submission is None:
            return _page(request, "submissions/status.html", context, status=404)
        status = services.submission_status(submission)
        context.update(
            status=status,
            label=status.label,
            title=submission.event.title if submission.event else "",
            new=request.GET.get("new") == "1",
            link=request.build_absolute_uri(reverse("submission-status", args=[token])),
        )
        response = _page(request, "submissions/status.html", context)
    response["Referrer-Policy"] = "no-referrer"  # the token is the address
    response["X-Robots-Tag"] = "noindex"
    return response
