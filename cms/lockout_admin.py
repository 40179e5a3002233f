"""Reports → Sign-in lockouts: the lockouts in force, each with an "Unlock" button (rules: cms.lockouts).

Wagtail's editors never see Django's admin, where django-axes keeps its own screens; this is the
admin's way to let someone in again before the lockout ends by itself.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from .lockouts import current_lockouts, lockout_minutes, unlock

# Wagtail shows it in the group editor (cms.wagtail_hooks); superusers have it anyway.
UNLOCK_PERMISSION = "axes.delete_accessattempt"

KIND_LABELS = {
    "account_address": gettext_lazy("Account from one address"),
    "address": gettext_lazy("Address"),
    "account": gettext_lazy("Account"),
}


def can_unlock(user) -> bool:
    return user.has_perm(UNLOCK_PERMISSION)


@require_http_methods(["GET", "POST"])
def lockouts_view(request: HttpRequest) -> HttpResponse:
    if not can_unlock(request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            unlock(
                request.POST.get("kind", ""),
                request.POST.get("username") or None,
                request.POST.get("ip_address") or None,
            )
        except ValueError:
            messages.error(request, _("This lockout could not be identified."))
        else:
            messages.success(request, _("The lockout was lifted."))
        return redirect("roland_lockouts")
    lockouts = current_lockouts()
    return TemplateResponse(
        request,
        "lockouts/index.html",
        {
            "page_title": _("Sign-in lockouts"),
            "header_icon": "lock",
            "rows": [(lockout, KIND_LABELS[lockout.kind]) for lockout in lockouts],
            "limits": {
                "account_address": settings.LOCKOUT_FAILURES_PER_ACCOUNT_AND_ADDRESS,
                "address": settings.LOCKOUT_FAILURES_PER_ADDRESS,
                "account": settings.LOCKOUT_FAILURES_PER_ACCOUNT,
                "minutes": lockout_minutes(),
            },
        },
    )
