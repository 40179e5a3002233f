"""The channels' configuration: site settings, partner API clients, webhook subscriptions, kiosk screens and their notices."""

from .api_clients import ApiClient
from .fleet import AlertKind, KioskAlert, KioskFeedVersion, KioskHeartbeat, KioskPlayTotal, KioskStatus
from .kiosks import KioskScreen, Orientation
from .notices import (
    KIOSK_GROUP,
    KioskHours,
    KioskNotice,
    KioskNoticeConfirmation,
    ScheduleContent,
    ScheduleDay,
    Severity,
    Target,
)
from .settings import SiteSettings, validate_origins
from .submissions import Channel, EventSubmission, SubmissionContact
from .webhooks import WebhookDelivery, WebhookSubscription

__all__ = [
    "KIOSK_GROUP",
    "AlertKind",
    "ApiClient",
    "Channel",
    "EventSubmission",
    "KioskAlert",
    "KioskFeedVersion",
    "KioskHeartbeat",
    "KioskHours",
    "KioskNotice",
    "KioskNoticeConfirmation",
    "KioskPlayTotal",
    "KioskScreen",
    "KioskStatus",
    "Orientation",
    "ScheduleContent",
    "ScheduleDay",
    "Severity",
    "SiteSettings",
    "SubmissionContact",
    "Target",
    "WebhookDelivery",
    "WebhookSubscription",
    "validate_origins",
]
