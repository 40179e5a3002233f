"""What the monitoring system reads of the kiosk screens (cms.observability's `/metrics`)."""

from __future__ import annotations

from datetime import datetime

from django.apps import apps


def kiosk_last_seen() -> dict[str, datetime]:
    """When each active screen last reported, by slug; screens that never reported are left out.

    The screens' heartbeats are recorded in a status row per screen (`KioskStatus.last_seen`, the
    kiosk fleet work); until that model is installed there is nothing to report.
    """
    try:
        status = apps.get_model("roland_sites", "KioskStatus")
    except LookupError:
        return {}
    return dict(
        status.objects.filter(screen__is_active=True, last_seen__isnull=False).values_list(
            "screen__slug", "last_seen"
        )
    )
