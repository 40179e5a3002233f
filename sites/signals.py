"""Signal wiring only: content changes become webhook deliveries (sites.webhooks)."""

import logging

from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from . import webhooks
from .models.webhooks import WebhookEvent

logger = logging.getLogger(__name__)


def _notify(page: Page, event: str) -> None:
    # A webhook problem is logged, never passed on: publishing must not fail because of webhooks.
    # The savepoint keeps the publishing transaction usable should a query here fail.
    try:
        with transaction.atomic():
            webhooks.page_changed(page, event)
    except Exception:
        logger.exception("Webhook deliveries for page %s (%s) were not queued", page.pk, event)


def _on_published(sender, instance: Page, **kwargs) -> None:
    _notify(instance, WebhookEvent.PUBLISHED)


def _on_unpublished(sender, instance: Page, **kwargs) -> None:
    _notify(instance, WebhookEvent.UNPUBLISHED)


def _on_deleted(sender, instance: Page, **kwargs) -> None:
    # pre_delete: the payload (URL, site, locale) is built while the page still exists.
    _notify(instance, WebhookEvent.DELETED)


page_published.connect(_on_published, dispatch_uid="roland_webhooks_page_published")
page_unpublished.connect(_on_unpublished, dispatch_uid="roland_webhooks_page_unpublished")
pre_delete.connect(_on_deleted, sender=Page, dispatch_uid="roland_webhooks_page_deleted")
