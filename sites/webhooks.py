"""Webhooks: which receivers hear of a content change, what they get, and how it reaches them.

Publishing only writes delivery rows and queues a task (after the commit); the HTTP request is made
by the background worker (sites.tasks), so a slow or broken receiver never slows or fails a publish.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.core import metrics, outbound, registry
from cms.core.context import public_url as page_public_url
from cms.core.visibility import SiteFacts, site_facts, visible_pages

from .models.webhooks import DeliveryStatus, WebhookDelivery, WebhookEvent, WebhookSubscription

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Roland-Signature"
USER_AGENT = "Roland-Webhooks/1"


# A webhook URL that must not be called: not plain http(s), unresolvable, or inside a private network.
UnsafeTarget = outbound.UnsafeTarget


# --- what is sent ------------------------------------------------------------------------------


def item_type(page: Page) -> str:
    return registry.type_name(page.specific_class)


def public_url(page: Page, facts: SiteFacts) -> str:
    """The page on the public website, by the API's own rule (cms.core.context.public_url).

    Without a configured website URL the API's own base URL stands in, as the API does with the host.
    """
    return page_public_url(page, facts, facts.website_url or settings.WAGTAILAPI_BASE_URL.rstrip("/"))


def api_url(page: Page) -> str:
    """The item's detail in /api/v1/, or in Wagtail's stock v2 API for pages that /api/v1/ has no detail for."""
    return settings.WAGTAILAPI_BASE_URL.rstrip("/") + registry.detail_location(page.specific_class, page.pk)


def _in_public_tree(page: Page, facts: SiteFacts) -> bool:
    """Inside the site and not under a view restriction: the part of the tree the API can ever show."""
    in_site = any(page.path.startswith(path) for path, _url in facts.root_paths.values())
    return in_site and not any(page.path.startswith(path) for path in facts.restricted_paths)


def page_payload(page: Page, event: str, occurred_at: datetime | None = None) -> dict[str, Any] | None:
    """The body receivers get for an event on a page, or None when the public never sees that page.

    A publish counts only when the page is now visible by the one visibility rule (cms.core.visibility);
    unpublish and delete only for pages in the public part of a site, and delete only for live pages,
    so receivers never learn of drafts, aliases or restricted content.
    """
    if page.depth <= 1 or page.alias_of_id is not None:
        return None
    site = page.get_site()
    if site is None:
        return None
    facts = site_facts(site)
    if event == WebhookEvent.PUBLISHED:
        if not visible_pages(Page.objects.filter(pk=page.pk), site).exists():
            return None
    elif not _in_public_tree(page, facts):
        return None
    elif event == WebhookEvent.DELETED and not Page.objects.filter(pk=page.pk, live=True).exists():
        # Read from the row: Wagtail's own pre_delete handler may already have unpublished the
        # instance in memory.
        return None
    codes = {locale.pk: code for code, locale in facts.locales.items()}
    occurred_at = occurred_at or timezone.now()
    return {
        "event": str(event),
        "type": str(item_type(page)),
        "id": page.pk,
        "locale": codes.get(page.locale_id) or page.locale.language_code,
        "url": public_url(page, facts),
        "api_url": api_url(page),
        "occurred_at": occurred_at.astimezone(ZoneInfo(settings.TIME_ZONE)).isoformat(timespec="seconds"),
    }


def encode_payload(payload: dict[str, Any]) -> str:
    """Compact JSON with sorted keys: the exact text that is stored, signed and sent."""
    return json.dumps(payload, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def sign(body: bytes, secret: str) -> str:
    """The X-Roland-Signature value: receivers recompute it over the raw body they received."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


# --- who gets it -------------------------------------------------------------------------------


def matching_subscriptions(event: str, type_name: str) -> list[WebhookSubscription]:
    """Active subscriptions for this event and content type (few rows: filtered here, portable to SQLite)."""
    return [sub for sub in WebhookSubscription.objects.filter(is_active=True) if sub.wants(event, type_name)]


def page_changed(page: Page, event: str) -> None:
    """Called from the page signals: capture the payload now (a deleted page is gone after the commit)
    and queue the deliveries once the change is committed; a rolled-back change sends nothing."""
    subscriptions = matching_subscriptions(event, item_type(page))
    if not subscriptions:
        return  # the usual case costs one query
    payload = page_payload(page, event)
    if payload is not None:
        transaction.on_commit(
            partial(queue_deliveries, payload, [sub.pk for sub in subscriptions]), robust=True
        )


def queue_deliveries(payload: dict[str, Any], subscription_ids: list[int]) -> list[WebhookDelivery]:
    """One delivery row and one queued task per subscription; no HTTP here."""
    if payload["event"] == WebhookEvent.UNPUBLISHED and not Page.objects.filter(pk=payload["id"]).exists():
        # Wagtail unpublishes a live page as it deletes it; the "deleted" delivery says it all.
        return []
    body = encode_payload(payload)
    deliveries = []
    with transaction.atomic():
        for subscription in WebhookSubscription.objects.filter(pk__in=subscription_ids, is_active=True):
            delivery = WebhookDelivery.objects.create(
                subscription=subscription,
                event=payload["event"],
                item_type=payload["type"],
                object_id=payload["id"],
                locale=payload["locale"],
                payload=body,
            )
            enqueue_attempt(delivery)
            deliveries.append(delivery)
    return deliveries


def redeliver(delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a logged delivery again as a new delivery with the same body (signed with today's secret)."""
    with transaction.atomic():
        again = WebhookDelivery.objects.create(
            subscription=delivery.subscription,
            event=delivery.event,
            item_type=delivery.item_type,
            object_id=delivery.object_id,
            locale=delivery.locale,
            payload=delivery.payload,
        )
        enqueue_attempt(again)
    return again


def enqueue_attempt(delivery: WebhookDelivery, run_after: datetime | None = None) -> None:
    # The task module calls back into this one (attempt_delivery); enqueuing imports it on use.
    from .tasks import deliver_webhook

    task = deliver_webhook.using(run_after=run_after) if run_after else deliver_webhook
    task.enqueue(delivery.pk)


# --- where it may go ---------------------------------------------------------------------------


def check_target(url: str) -> None:
    """Raise UnsafeTarget unless the URL is plain http(s) and every address its host resolves to is public.

    Private, loopback, link-local (cloud metadata), reserved and multicast targets are refused unless
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS is true, so a subscription cannot probe the internal network.
    Checked on save; `send` checks again before every attempt (DNS answers change) and connects to
    the address it checked (cms.core.outbound).
    """
    outbound.check(url, allow_private=settings.WEBHOOK_ALLOW_PRIVATE_TARGETS)


# --- one attempt and its retries ---------------------------------------------------------------


@dataclass(frozen=True)
class AttemptResult:
    ok: bool
    status_code: int | None = None
    error: str = ""
    permanent: bool = False  # no point retrying (a refused target)


def send(delivery: WebhookDelivery) -> AttemptResult:
    """POST the stored body once to the checked address: a timeout, no redirects, no answer body read,
    success only on a 2xx answer."""
    subscription = delivery.subscription
    body = delivery.payload.encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: sign(body, subscription.secret),
        "X-Roland-Event": delivery.event,
        "X-Roland-Delivery": str(delivery.pk),
    }
    try:
        response = outbound.request(
            "POST",
            subscription.url,
            body=body,
            headers=headers,
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
            allow_private=settings.WEBHOOK_ALLOW_PRIVATE_TARGETS,
        )
    except outbound.UnsafeTarget as error:
        return AttemptResult(ok=False, error=_short(f"Refused target: {error}"), permanent=True)
    except outbound.FetchFailed as error:
        return AttemptResult(ok=False, error=_short(str(error)))
    status = response.status
    if 200 <= status < 300:
        return AttemptResult(ok=True, status_code=status)
    return AttemptResult(ok=False, status_code=status, error=f"HTTP {status}")


def _short(text: str) -> str:
    return text if len(text) <= 300 else text[:299] + "…"


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff after the n-th failed attempt: base, 2×base, 4×base … plus up to 10 % jitter,
    so receivers coming back after an outage are not hit by every queued delivery at once."""
    seconds = settings.WEBHOOK_BACKOFF_SECONDS * 2 ** (attempts - 1)
    return timedelta(seconds=seconds * (1 + random.uniform(0, settings.WEBHOOK_BACKOFF_JITTER)))


def record_attempt(
    delivery: WebhookDelivery, result: AttemptResult, now: datetime | None = None
) -> datetime | None:
    """Write the outcome to the delivery log; return when to try again (None: finished)."""
    now = now or timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.last_status_code = result.status_code
    delivery.last_error = result.error
    delivery.next_attempt_at = None
    if result.ok:
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.delivered_at = now
    elif result.permanent or delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
        metrics.count_webhook_failure(final=True)
        logger.warning(
            "Webhook delivery %s to %s failed after %s attempt(s): %s",
            delivery.pk,
            delivery.subscription.url,
            delivery.attempts,
            result.error,
        )
    else:
        delivery.status = DeliveryStatus.RETRYING
        metrics.count_webhook_failure(final=False)
        delivery.next_attempt_at = now + retry_delay(delivery.attempts)
    delivery.save(
        update_fields=[
            "attempts",
            "last_attempt_at",
            "last_status_code",
            "last_error",
            "next_attempt_at",
            "status",
            "delivered_at",
        ]
    )
    return delivery.next_attempt_at


def attempt_delivery(delivery_id: int) -> str:
    """Make one attempt at a delivery and, when it failed, queue the next one at the backoff time."""
    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.is_finished:
        return "skipped"
    if not delivery.subscription.is_active:
        result = AttemptResult(ok=False, error="Subscription is inactive.", permanent=True)
    else:
        result = send(delivery)
    with transaction.atomic():
        retry_at = record_attempt(delivery, result)
        if retry_at is not None:
            enqueue_attempt(delivery, run_after=retry_at)
    return delivery.status
