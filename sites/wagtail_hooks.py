"""Admin screens of the channels: partner API clients (and webhook subscriptions below)."""

from wagtail.snippets.models import register_snippet

from .views import ApiClientViewSet

register_snippet(ApiClientViewSet)
