"""Brute-force protection for the admin sign-in and the password forms of restricted pages and collections.

django-axes counts failed attempts in the database (one `AccessAttempt` row per name, address and
browser, deleted once its lockout time has passed), so every worker process, SQLite and PostgreSQL
alike, sees the same counts without any cache. Each way of counting has a limit of its own (settings
`LOCKOUT_FAILURES_PER_*`): an account from one address, one address for everything it tries, and an
account from anywhere. A password form counts like an account named after its restriction
(`page-password:12`), but only per address: one visitor guessing must not lock out everyone else.

While locked, even the right password is refused; the lock ends `AXES_COOLOFF_TIME` after the last
failed attempt, or when someone with the permission lifts it in the admin (Reports → Sign-in lockouts).
"""

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_credentials
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.models import CollectionViewRestriction, PageViewRestriction

logger = logging.getLogger("roland.lockouts")

PAGE_FORM = "page-password"
COLLECTION_FORM = "collection-password"
# A colon never occurs in a user name (Django's username validator), so these cannot meet an account.
PASSWORD_FORMS = (PAGE_FORM, COLLECTION_FORM)


@dataclass(frozen=True)
class Limit:
    """One way of counting failures: by which fields, and how many lock."""

    kind: str
    parameters: tuple[str, ...]
    setting: str

    @property
    def failures(self) -> int:
        return getattr(settings, self.setting)


ACCOUNT_AND_ADDRESS = Limit(
    "account_address", ("username", "ip_address"), "LOCKOUT_FAILURES_PER_ACCOUNT_AND_ADDRESS"
)
ADDRESS = Limit("address", ("ip_address",), "LOCKOUT_FAILURES_PER_ADDRESS")
ACCOUNT = Limit("account", ("username",), "LOCKOUT_FAILURES_PER_ACCOUNT")
LIMITS = {limit.kind: limit for limit in (ACCOUNT_AND_ADDRESS, ADDRESS, ACCOUNT)}


def is_password_form(name: str | None) -> bool:
    return bool(name) and name.split(":", 1)[0] in PASSWORD_FORMS


def limits_for(name: str | None) -> tuple[Limit, ...]:
    """The limits that apply to attempts under this name (an account, or a password form)."""
    if is_password_form(name):
        return (ACCOUNT_AND_ADDRESS, ADDRESS)
    return (ACCOUNT_AND_ADDRESS, ADDRESS, ACCOUNT)


def lockout_parameters(request_or_attempt, credentials: dict | None = None) -> list[list[str]]:
    """AXES_LOCKOUT_PARAMETERS: the fields each limit counts by, in the order of `limits_for`."""
    if credentials:
        name = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        name = getattr(request_or_attempt, "username", None)  # an AccessAttempt
        if name is None and hasattr(request_or_attempt, "POST"):
            name = request_or_attempt.POST.get(settings.AXES_USERNAME_FORM_FIELD)
    return [list(limit.parameters) for limit in limits_for(name)]


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, with a limit of its own for each way of counting.

    Axes locks when `get_failures` reaches AXES_FAILURE_LIMIT (1 here): this returns how many of
    the limits are used up, rather than one count measured against one limit.
    """

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        limits = limits_for(get_client_username(request, credentials))
        used_up = 0
        for attempts, limit in zip(self.get_user_attempts(request, credentials), limits, strict=True):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            used_up += failures >= limit.failures
        return used_up


def lockout_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_message(name: str | None = None) -> str:
    """What the locked-out person reads: for an account, or for a password form (`name`)."""
    if is_password_form(name):
        text = gettext(
            "Too many wrong passwords: this form is blocked for %(minutes)s minutes. Please try again later."
        )
    else:
        text = gettext(
            "Too many failed sign-in attempts: signing in is blocked for %(minutes)s minutes. Please try "
            "again later, or ask an administrator to lift the lockout."
        )
    return text % {"minutes": lockout_minutes()}


class LoginForm(WagtailLoginForm):
    """The admin's sign-in form, which says so when the sign-in is locked (WAGTAILADMIN_USER_LOGIN_FORM)."""

    def clean(self) -> dict:
        try:
            return super().clean()
        except ValidationError:
            # Set by axes while authenticating: this attempt reached a limit, or came while locked.
            if getattr(self.request, "axes_locked_out", False):
                raise ValidationError(lockout_message(), code="locked_out") from None
            raise


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: 429 Too Many Requests, on the sign-in screen with its message when there is one."""
    if original_response is not None and original_response.status_code == 429:
        return original_response  # already the lockout answer (a password form)
    match = getattr(request, "resolver_match", None)
    if original_response is not None and match is not None and match.url_name == "wagtailadmin_login":
        response = original_response  # the sign-in page, its form showing lockout_message()
        response.status_code = 429
    else:
        name = (credentials or {}).get(settings.AXES_USERNAME_FORM_FIELD)
        response = render(request, "lockouts/locked.html", {"message": lockout_message(name)}, status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response


def guard_password_form(view: Callable[..., HttpResponse], form: str) -> Callable[..., HttpResponse]:
    """Wagtail's password form view (pages or collections), with its failures counted per address.

    Wagtail redirects after the right password and shows the form again after a wrong one; while
    locked, the password is not even checked.
    """

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST":
            return view(request, *args, **kwargs)
        restriction = kwargs.get("page_view_restriction_id", kwargs.get("restriction_id"))
        credentials = get_credentials(f"{form}:{restriction}")
        if AxesProxyHandler.is_locked(request, credentials):
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            return lockout_response(request, None, credentials)
        response = view(request, *args, **kwargs)
        if response.status_code != 302:
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            if request.axes_locked_out:
                return lockout_response(request, None, credentials)
        return response

    return guarded


@dataclass(frozen=True)
class Lockout:
    """A limit used up: what is locked (an account, an address, or both together), until when."""

    kind: str
    username: str | None
    ip_address: str | None
    failures: int
    until: datetime

    @property
    def limit(self) -> Limit:
        return LIMITS[self.kind]

    @property
    def label(self) -> str:
        """The account's name, or which password form was tried."""
        if self.username is None:
            return ""
        form, _, restriction = self.username.partition(":")
        if form == PAGE_FORM:
            page = PageViewRestriction.objects.filter(pk=restriction).select_related("page").first()
            title = page.page.title if page else restriction
            return gettext("Password of the page “%(title)s”") % {"title": title}
        if form == COLLECTION_FORM:
            collection = (
                CollectionViewRestriction.objects.filter(pk=restriction).select_related("collection").first()
            )
            name = collection.collection.name if collection else restriction
            return gettext("Password of the collection “%(name)s”") % {"name": name}
        return self.username


def current_lockouts(now: datetime | None = None) -> list[Lockout]:
    """Every limit used up at the moment, the newest first."""
    now = now or timezone.now()
    cooloff = settings.AXES_COOLOFF_TIME
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=now - cooloff)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    )
    groups: dict[tuple, list] = defaultdict(lambda: [0, None])
    for row in rows:
        for limit in limits_for(row["username"]):
            key = (
                limit.kind,
                row["username"] if "username" in limit.parameters else None,
                row["ip_address"] if "ip_address" in limit.parameters else None,
            )
            group = groups[key]
            group[0] += row["failures"]
            group[1] = max(group[1] or row["last"], row["last"])
    lockouts = [
        Lockout(kind, username, address, failures, last + cooloff)
        for (kind, username, address), (failures, last) in groups.items()
        if failures >= LIMITS[kind].failures
    ]
    return sorted(lockouts, key=lambda lockout: lockout.until, reverse=True)


def unlock(kind: str, username: str | None, ip_address: str | None) -> int:
    """Lift one lockout: forget the failures it counted. Returns how many records were removed."""
    limit = LIMITS.get(kind)
    if limit is None:
        raise ValueError(f"unknown lockout kind {kind!r}")
    fields = {
        "username": username if "username" in limit.parameters else None,
        "ip_address": ip_address if "ip_address" in limit.parameters else None,
    }
    if any(not fields[name] for name in limit.parameters):
        raise ValueError(f"a lockout of kind {kind!r} needs {', '.join(limit.parameters)}")
    removed = AxesProxyHandler.reset_attempts(**fields)
    logger.info("Lockout lifted (%s, %s, %s): %d records removed", kind, username, ip_address, removed)
    return removed
