"""The office's panels on the admin start page: what needs looking at this week, each row a link to
the page where it is fixed. The queries are `tourism.selectors` (a few rows and a count each)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from . import selectors


class OfficePanel(Component):
    """One list of the dashboard: a heading, rows with a link each, how many in all, and a calm line
    when there is nothing to do."""

    template_name = "tourism/dashboard/panel.html"
    heading = ""
    empty = ""

    def rows(self) -> tuple[list[dict], int]:
        raise NotImplementedError

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict:
        rows, total = self.rows()
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "empty": self.empty,
            "rows": rows,
            "total": total,
            "more": max(total - len(rows), 0),
        }


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


class UpcomingEventsPanel(OfficePanel):
    name = "office_upcoming_events"
    order = 120
    heading = _("Events in the next seven days")
    empty = _("No events in the next seven days.")

    def rows(self) -> tuple[list[dict], int]:
        found = selectors.occurrences_this_week(timezone.now())
        rows = [
            {
                "page": o.event,
                "when": _local(o.start)
                if not o.all_day
                else timezone.localtime(o.start).strftime("%d.%m.%Y"),
            }
            for o in found.rows
        ]
        return rows, found.total


class CancelledEventsPanel(OfficePanel):
    name = "office_cancelled_events"
    order = 121
    heading = _("Cancelled upcoming events")
    empty = _("No upcoming event is cancelled.")

    def rows(self) -> tuple[list[dict], int]:
        found = selectors.cancelled_upcoming_events(timezone.now())
        rows = [
            {
                "page": e,
                "when": (timezone.localtime(e.next_start) if e.next_start else e.start_date).strftime(
                    "%d.%m.%Y"
                ),
                "note": e.status_note,
            }
            for e in found.rows
        ]
        return rows, found.total


class ScheduledPagesPanel(OfficePanel):
    name = "office_scheduled_pages"
    order = 122
    heading = _("Going live or expiring within 14 days")
    empty = _("No page goes live or expires within the next 14 days.")

    def rows(self) -> tuple[list[dict], int]:
        going, leaving = selectors.pages_scheduled_soon(timezone.now())
        both = sorted([*going.rows, *leaving.rows], key=lambda s: (s.at, s.page.pk))[
            : selectors.DASHBOARD_ROWS
        ]
        rows = [
            {
                "page": s.page,
                "when": _local(s.at),
                "note": _("goes live") if s.goes_live else _("expires"),
            }
            for s in both
        ]
        return rows, going.total + leaving.total


class PlacesWithoutHoursPanel(OfficePanel):
    name = "office_places_without_hours"
    order = 123
    heading = _("Places without opening hours")
    empty = _("Every place has opening hours or a note on them.")

    def rows(self) -> tuple[list[dict], int]:
        found = selectors.places_without_opening_hours()
        return [{"page": p, "when": "", "note": ""} for p in found.rows], found.total


# Orders 124–129 are left for the translation overview's panels (missing translations, alt texts).
OFFICE_PANELS = (UpcomingEventsPanel, CancelledEventsPanel, ScheduledPagesPanel, PlacesWithoutHoursPanel)
