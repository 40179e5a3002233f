"""What the monitoring system reads of the kiosk screens (cms.observability's `/metrics`)."""

from __future__ import annotations

from datetime import datetime

from .models import KioskStatus


def kiosk_last_seen() -> dict[str, datetime]:
    """When each active screen last reported (its heartbeats, sites.fleet), by slug; screens that
    never reported are left out."""
    return dict(
        KioskStatus.objects.filter(screen__is_active=True, last_seen__isnull=False).values_list(
            "screen__slug", "last_seen"
        )
    )
