"""The fleet in the admin: status columns on *Kiosk-Bildschirme*, what a screen shows now (edit view),
the dashboard panel of silent screens, and the proof-of-play report with its CSV export.

Every rule (colours, current/behind, totals) is in `sites.fleet`; these only show its answers.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView

from cms.core.timezone import LOCAL_TZ

from . import fleet
from .models import KioskAlert, KioskScreen

COLOUR_LABELS = {
    "green": gettext_lazy("online"),
    "amber": gettext_lazy("late"),
    "red": gettext_lazy("silent"),
    "grey": gettext_lazy("never reported"),
    "off": gettext_lazy("switched off"),
}
FEED_LABELS = {
    "current": gettext_lazy("current"),
    "behind": gettext_lazy("behind"),
    "unknown": gettext_lazy("unknown"),
}
REPORT_DAYS = 7


class LastSeenColumn(Column):
    cell_template_name = "kiosks/fleet/last_seen_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        status = fleet.status_of(instance)
        colour = fleet.status_colour(instance, status, timezone.now())
        context.update({"status": status, "colour": colour, "colour_label": COLOUR_LABELS[colour]})
        return context


class FeedVersionColumn(Column):
    cell_template_name = "kiosks/fleet/feed_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        state = fleet.feed_state(instance)
        context.update(
            {"state": state, "state_label": FEED_LABELS[state], "status": fleet.status_of(instance)}
        )
        return context


class FleetIndexView(IndexView):
    """The screens with their status and feed facts in the list's one query."""

    def get_base_queryset(self):
        return fleet.with_fleet_facts(super().get_base_queryset())


class ShownPanel(Panel):
    """What the screen shows now: the player rendered from the feed version it last reported."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "kiosks/fleet/shown_panel.html"

        def is_shown(self) -> bool:
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None) -> dict:
            context = super().get_context_data(parent_context)
            screen = fleet.with_fleet_facts(KioskScreen.objects.filter(pk=self.instance.pk)).first()
            status = fleet.status_of(screen)
            colour = fleet.status_colour(screen, status, timezone.now())
            context.update(
                {
                    "screen": screen,
                    "status": status,
                    "colour": colour,
                    "colour_label": COLOUR_LABELS[colour],
                    "state_label": FEED_LABELS[fleet.feed_state(screen)],
                    "kept": fleet.shown_version(screen) is not None,
                    "shown_url": f"/kiosks/{screen.slug}/shown/",
                }
            )
            return context


class FleetDashboardPanel(Component):
    """Silent screens and the latest alerts, on the admin's start page of those who see the screens."""

    name = "kiosk_fleet"
    template_name = "kiosks/fleet/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        now = timezone.now()
        screens = KioskScreen.objects.filter(is_active=True).select_related("fleet_status")
        silent = []
        for screen in screens:
            status = fleet.status_of(screen)
            if fleet.status_colour(screen, status, now) == "red":
                silent.append((screen, status))
        context.update(
            {
                "silent": silent,
                "alerts": list(KioskAlert.objects.select_related("screen")[:5]),
                "request": parent_context.get("request"),
            }
        )
        return context


def report_range(request: HttpRequest) -> tuple[date, date, dict]:
    """The report's days from ?from=&to= (Berlin days; the last week by default), with German errors."""
    today = timezone.now().astimezone(LOCAL_TZ).date()
    errors = {}
    start, end = today - timedelta(days=REPORT_DAYS - 1), today
    for name in ("from", "to"):
        raw = request.GET.get(name, "").strip()
        if not raw:
            continue
        try:
            parsed = parse_date(raw) if len(raw) == 10 else None
        except ValueError:
            parsed = None
        if parsed is None:
            errors[name] = _("Enter a date such as 2026-12-01.")
        elif name == "from":
            start = parsed
        else:
            end = parsed
    if not errors and start > end:
        errors["to"] = _("The end must not be before the start.")
    if not errors and (end - start).days > 366:
        errors["to"] = _("At most one year at a time.")
    return start, end, errors


def plays_view(request: HttpRequest) -> HttpResponse:
    """Reports → Proof of play: per screen and per item; `?format=csv` for the stored rows."""
    if not fleet.may_watch(request.user):
        raise PermissionDenied
    start, end, errors = report_range(request)
    slug = request.GET.get("screen", "")
    screen = KioskScreen.objects.filter(slug=slug).first() if slug else None
    if slug and screen is None:
        errors["screen"] = _("There is no such screen.")
    if not errors and request.GET.get("format") == "csv":
        response = HttpResponse(fleet.plays_csv(start, end, screen), content_type="text/csv; charset=utf-8")
        name = f"abspielnachweis-{screen.slug + '-' if screen else ''}{start}-{end}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    by_screen = by_item = []
    if not errors:
        by_screen = fleet.plays_by_screen(start, end, screen)
        by_item = fleet.plays_by_item(start, end, screen)
    query = request.GET.copy()
    query["format"] = "csv"
    return TemplateResponse(
        request,
        "kiosks/fleet/plays.html",
        {
            "page_title": _("Proof of play"),
            "header_icon": "desktop",
            "start": start,
            "end": end,
            "errors": errors,
            "screen": screen,
            "screens": KioskScreen.objects.order_by("name"),
            "by_screen": by_screen,
            "by_item": by_item,
            "csv_query": query.urlencode(),
        },
        status=400 if errors else 200,
    )
