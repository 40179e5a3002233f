"""The channels' configuration: site settings, partner API clients, webhook subscriptions, kiosk screens."""

from .api_clients import ApiClient
from .kiosks import KioskScreen, Orientation
from .settings import SiteSettings, validate_origins
from .webhooks import WebhookDelivery, WebhookSubscription

__all__ = [
    "ApiClient",
    "KioskScreen",
    "Orientation",
    "SiteSettings",
    "WebhookDelivery",
    "WebhookSubscription",
    "validate_origins",
]
