"""RFC 5545 calendars of events, built with the icalendar package.

One VEVENT per event (not per occurrence): DTSTART/DTEND in Europe/Berlin with a VTIMEZONE, the
RRULE with EXDATE/RDATE, a UID that stays the same across exports, STATUS:CANCELLED when cancelled.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.http import HttpResponse
from icalendar import Calendar, vRecur
from icalendar import Event as VEvent

from cms.core.timezone import LOCAL_TZ

if TYPE_CHECKING:
    from cms.core.context import ApiContext

    from ..models import Event

ICS = "text/calendar; charset=utf-8"
STATUS = {
    "cancelled": "CANCELLED",
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "moved_online": "CONFIRMED",
}


def event_uid(event: Event, host: str) -> str:
    """Stable per language version: the translation key ties the versions of one event together."""
    return f"{event.translation_key}-{event.locale.language_code}@{host}"


def vevent(event: Event, ctx: ApiContext, venue) -> VEvent:
    """The event's VEVENT; `venue` is its visible venue in the answer's language (None: hidden or none)."""
    dates = event.dates()
    component = VEvent()
    component.add("uid", event_uid(event, ctx.request.get_host().split(":")[0]))
    component.add("summary", event.title)
    if event.teaser:
        component.add("description", event.teaser)
    component.add("url", ctx.public_url(event))
    component.add("dtstamp", (event.last_published_at or ctx.now).astimezone(LOCAL_TZ).replace(microsecond=0))
    if event.last_published_at:
        component.add("last-modified", event.last_published_at.astimezone(LOCAL_TZ).replace(microsecond=0))
    if dates.all_day:
        component.add("dtstart", dates.start_date)
        component.add("dtend", dates.end_date + timedelta(days=1))
    else:
        start = datetime.combine(dates.start_date, dates.start_time or time(0), tzinfo=LOCAL_TZ)
        component.add("dtstart", start)
        end_wall = dates.local_end
        component.add("dtend", end_wall.replace(tzinfo=LOCAL_TZ))
    if dates.rule:
        component.add("rrule", vRecur.from_ical(dates.rule))
    for day in dates.exdates:
        if dates.all_day:
            component.add("exdate", day)
        else:
            component.add("exdate", datetime.combine(day, dates.start_time or time(0), tzinfo=LOCAL_TZ))
    for day, at in dates.rdates:
        if dates.all_day:
            component.add("rdate", day)
        else:
            component.add("rdate", datetime.combine(day, at or dates.start_time or time(0), tzinfo=LOCAL_TZ))
    component.add("status", STATUS.get(event.status, "TENTATIVE"))
    location = event_location_text(event, venue)
    if location:
        component.add("location", location)
    categories = [category.name for category in event.categories.all()]
    if categories:
        component.add("categories", categories)
    return component


def event_location_text(event: Event, venue) -> str:
    """The venue's name and address, else the event's own place. `venue` is the visible venue as the
    event list shows it (tourism.items.events.venue_translations), never `event.venue` itself, which may
    be a draft or restricted page."""
    if venue is not None:
        parts = [venue.title, venue.street, f"{venue.postal_code} {venue.locality}".strip()]
    else:
        parts = [event.location_name, event.street, f"{event.postal_code} {event.locality}".strip()]
    return ", ".join(part for part in parts if part)


def calendar_response(events: list[Event], ctx: ApiContext, name: str, venues: dict) -> HttpResponse:
    """The calendar; `venues` maps a venue's translation key to its visible version to show."""
    calendar = Calendar()
    calendar.add("prodid", "-//Roland CMS//Haldensleben//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    for event in events:
        venue = venues.get(event.venue.translation_key) if event.venue_id else None
        calendar.add_component(vevent(event, ctx, venue))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type=ICS)
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response
