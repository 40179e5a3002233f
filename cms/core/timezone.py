"""The site's time zone, from settings.TIME_ZONE: wall-clock rules (opening hours, event dates,
kiosk hours, `open_at`) are read in it."""

from zoneinfo import ZoneInfo

from django.conf import settings

LOCAL_TZ = ZoneInfo(settings.TIME_ZONE)
