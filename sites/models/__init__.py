"""The channels' configuration: site settings, partner API clients, webhook subscriptions, kiosk screens."""

from .api_clients import ApiClient
from .fleet import AlertKind, KioskAlert, KioskFeedVersion, KioskHeartbeat, KioskPlayTotal, KioskStatus
from .kiosks import KioskScreen, Orientation
from .settings import SiteSettings, validate_origins
from .webhooks import WebhookDelivery, WebhookSubscription

__all__ = [
    "AlertKind",
    "ApiClient",
    "KioskAlert",
    "KioskFeedVersion",
    "KioskHeartbeat",
    "KioskPlayTotal",
    "KioskScreen",
    "KioskStatus",
    "Orientation",
    "SiteSettings",
    "WebhookDelivery",
    "WebhookSubscription",
    "validate_origins",
]
