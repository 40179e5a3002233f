"""Webhooks: a real receiver on 127.0.0.1 checks what arrives; the real task queue and worker send it.

Publishing only queues deliveries; `run_tasks` then plays the worker. Retries are queued with a
`run_after` in the future, so "time passes" by making those queued tasks due, never by sleeping.
"""

import hashlib
import hmac
import json
import socket
from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sites import webhooks
from sites.models import WebhookDelivery, WebhookSubscription
from sites.models.webhooks import DeliveryStatus
from tests.receivers import Network, Receiver, Resolver
from tests.worlds import tree_per_module

# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


SECRET = "test-secret-0123456789-abcdefghij"
TASK_PATH = "sites.tasks.deliver_webhook"


@pytest.fixture
def receiver(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    server = Receiver()
    yield server
    server.close()


def subscribe(url: str, **fields) -> WebhookSubscription:
    fields.setdefault("name", "Stadtwebsite")
    return WebhookSubscription.objects.create(url=url, secret=SECRET, **fields)


def make_due() -> int:
    """Let the clock reach the retries: queued deliveries become due now."""
    return DBTaskResult.objects.filter(status="READY", task_path=TASK_PATH).update(run_after=timezone.now())


def queued_retry() -> DBTaskResult:
    return DBTaskResult.objects.get(status="READY", task_path=TASK_PATH)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- what arrives -----------------------------------------------------------------------------


def test_publish_posts_signed_json_that_the_receiver_can_verify(
    tree, receiver, run_tasks, django_capture_on_commit_callbacks
):
    subscribe(receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        poi = tree.poi()
    assert receiver.requests == []  # publishing itself sends nothing

    run_tasks()

    [request] = receiver.requests
    headers, body = request["headers"], request["body"]
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Roland-Signature"], expected)
    assert headers["Content-Type"] == "application/json"
    assert headers["User-Agent"] == "Roland-Webhooks/1"
    assert headers["X-Roland-Event"] == "published"
    delivery = WebhookDelivery.objects.get()
    assert headers["X-Roland-Delivery"] == str(delivery.pk)

    payload = json.loads(body)
    assert set(payload) == {"event", "type", "id", "locale", "url", "api_url", "occurred_at"}
    assert payload["event"] == "published"
    assert payload["type"] == "poi"
    assert payload["id"] == poi.pk
    assert payload["locale"] == "de"
    assert payload["url"] == f"http://testserver/orte/{poi.slug}/"
    assert payload["api_url"] == f"http://testserver/api/v1/pois/{poi.pk}"
    assert datetime.fromisoformat(payload["occurred_at"]).utcoffset() is not None
    assert body.decode() == delivery.payload  # the stored text is exactly what was signed and sent

    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert (delivery.attempts, delivery.last_status_code, delivery.last_error) == (1, 200, "")
    assert delivery.delivered_at is not None and delivery.next_attempt_at is None


def test_unpublish_and_delete_are_sent_with_the_url_of_the_gone_page(
    tree, receiver, run_tasks, django_capture_on_commit_callbacks
):
    event = tree.event()
    news = tree.news_article()
    subscribe(receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()
    news_pk, news_slug = news.pk, news.slug
    with django_capture_on_commit_callbacks(execute=True):
        news.delete()

    run_tasks()

    sent = [json.loads(request["body"]) for request in receiver.requests]
    assert sorted((p["event"], p["type"], p["id"]) for p in sent) == [
        ("deleted", "news", news_pk),
        ("unpublished", "event", event.pk),
    ]
    deleted = next(p for p in sent if p["event"] == "deleted")
    assert deleted["url"] == f"http://testserver/aktuelles/{news_slug}/"
    assert deleted["api_url"] == f"http://testserver/api/v1/news/{news_pk}"
    assert {r["headers"]["X-Roland-Event"] for r in receiver.requests} == {"unpublished", "deleted"}


def test_pages_without_a_typed_endpoint_point_to_the_stock_api(tree):
    payload = webhooks.page_payload(tree.events, "published")
    assert payload["type"] == "page"
    assert payload["api_url"] == f"http://testserver/api/wagtail/v2/pages/{tree.events.pk}/"
    assert payload["url"] == "http://testserver/termine/"


def test_drafts_and_never_published_pages_are_not_announced(tree, django_capture_on_commit_callbacks):
    subscribe("http://127.0.0.1:9/hook")
    with django_capture_on_commit_callbacks(execute=True):
        draft = tree.poi(live=False)
        draft.delete()
    assert not WebhookDelivery.objects.exists()


def test_subscriptions_get_only_their_events_and_content_types(tree, django_capture_on_commit_callbacks):
    pois_published = subscribe("http://127.0.0.1:9/a", event_types=["published"], content_types=["poi"])
    deletions = subscribe("http://127.0.0.1:9/b", event_types=["deleted"])
    inactive = subscribe("http://127.0.0.1:9/c", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        poi = tree.poi()
        news = tree.news_article()
    news_pk = news.pk
    with django_capture_on_commit_callbacks(execute=True):
        news.delete()

    def received(subscription):
        return list(subscription.deliveries.order_by("pk").values_list("event", "item_type", "object_id"))

    assert received(pois_published) == [("published", "poi", poi.pk)]
    assert received(deletions) == [("deleted", "news", news_pk)]
    assert received(inactive) == []
    assert DBTaskResult.objects.filter(task_path=TASK_PATH).count() == 2


# --- retries ----------------------------------------------------------------------------------


def test_a_failing_receiver_gets_retries_with_exponential_backoff_then_the_delivery_fails(
    tree, receiver, run_tasks, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_MAX_ATTEMPTS = 6
    settings.WEBHOOK_BACKOFF_SECONDS = 30
    receiver.status = 500
    subscribe(receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        tree.poi()

    run_tasks()
    for attempt, base_delay in enumerate([30, 60, 120, 240, 480], start=1):
        delivery = WebhookDelivery.objects.get()
        assert delivery.status == DeliveryStatus.RETRYING
        assert (delivery.attempts, delivery.last_status_code, delivery.last_error) == (
            attempt,
            500,
            "HTTP 500",
        )
        delay = (delivery.next_attempt_at - delivery.last_attempt_at).total_seconds()
        assert base_delay <= delay <= base_delay * 1.1  # backoff plus at most 10 % jitter
        assert queued_retry().run_after == delivery.next_attempt_at

        run_tasks()  # not due yet: nothing happens
        assert len(receiver.requests) == attempt

        make_due()
        run_tasks()

    delivery = WebhookDelivery.objects.get()
    assert len(receiver.requests) == 6
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 6 and delivery.next_attempt_at is None
    assert not DBTaskResult.objects.filter(status="READY", task_path=TASK_PATH).exists()
    # Every attempt sent the same signed body.
    assert len({request["body"] for request in receiver.requests}) == 1


def test_a_receiver_slower_than_the_timeout_counts_as_a_failed_attempt_and_is_retried(
    tree, receiver, run_tasks, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.2
    receiver.delay = 1.0
    subscribe(receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        tree.poi()

    run_tasks()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.attempts == 1 and delivery.last_status_code is None
    assert "Timeout" in delivery.last_error and "Traceback" not in delivery.last_error

    receiver.delay = 0
    make_due()
    run_tasks()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.attempts == 2 and delivery.last_status_code == 200


def test_publishing_with_dead_and_slow_receivers_succeeds_without_calling_them(
    tree, receiver, run_tasks, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.2
    receiver.delay = 1.0
    subscribe(receiver.url, name="slow")
    dead = subscribe(f"http://127.0.0.1:{closed_port()}/hook", name="dead")
    with django_capture_on_commit_callbacks(execute=True):
        event = tree.event()

    event.refresh_from_db()
    assert event.live
    assert receiver.requests == []
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {DeliveryStatus.PENDING}
    assert DBTaskResult.objects.filter(status="READY", task_path=TASK_PATH).count() == 2

    run_tasks()
    assert len(receiver.requests) == 1
    failed_to_connect = dead.deliveries.get()
    assert failed_to_connect.status == DeliveryStatus.RETRYING
    assert failed_to_connect.last_error.startswith("ConnectionError")


# --- where deliveries may go ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.5/hook",
        "http://127.0.0.1:8000/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://localhost/hook",  # a name that resolves to 127.0.0.1
    ],
)
def test_private_network_targets_are_refused_on_save(db, settings, url):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    subscription = WebhookSubscription(name="Intern", url=url)
    with pytest.raises(ValidationError) as excinfo:
        subscription.full_clean()
    assert list(excinfo.value.message_dict) == ["url"]
    with pytest.raises(webhooks.UnsafeTarget):
        webhooks.check_target(url)


def test_only_http_and_https_are_accepted(db, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    with pytest.raises(ValidationError) as excinfo:
        WebhookSubscription(name="FTP", url="ftp://example.org/hook").full_clean()
    assert list(excinfo.value.message_dict) == ["url"]
    with pytest.raises(webhooks.UnsafeTarget):
        webhooks.check_target("ftp://example.org/hook")


def test_public_and_explicitly_allowed_private_targets_are_accepted(db, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    subscription = WebhookSubscription(name="Partner", url="https://8.8.8.8/hook")  # no DNS lookup
    subscription.full_clean()
    assert len(subscription.secret) >= 32  # generated
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    WebhookSubscription(name="Intern", url="http://10.0.0.5/hook").full_clean()


def test_a_private_target_is_refused_again_at_delivery_time(
    tree, receiver, run_tasks, settings, django_capture_on_commit_callbacks
):
    subscribe(receiver.url)  # saved while allowed (or DNS pointed elsewhere then)
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    with django_capture_on_commit_callbacks(execute=True):
        tree.poi()

    run_tasks()
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.last_error.startswith("Refused target")
    assert not DBTaskResult.objects.filter(status="READY", task_path=TASK_PATH).exists()


def test_the_backslash_payload_is_refused_at_delivery_time_and_never_reaches_loopback(
    tree, receiver, run_tasks, settings, django_capture_on_commit_callbacks
):
    """Issue 16: the old check read the host as 8.8.8.8, the client then POSTed to 127.0.0.1."""
    subscribe(f"http://127.0.0.1:{receiver.port}\\@8.8.8.8/")  # stored before the check existed
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    with django_capture_on_commit_callbacks(execute=True):
        tree.poi()

    run_tasks()
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.last_error.startswith("Refused target")


def test_a_dns_answer_changed_after_the_check_cannot_send_the_delivery_to_loopback(
    tree, receiver, run_tasks, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """Rebinding: public on the first lookup, 127.0.0.1 on the next; only the first one counts."""
    resolver = Resolver(monkeypatch, {"rebind.example": [["8.8.8.8"], ["127.0.0.1"]]})
    network = Network(monkeypatch)
    subscribe(f"http://rebind.example:{receiver.port}/hook")
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    with django_capture_on_commit_callbacks(execute=True):
        tree.poi()

    run_tasks()
    assert receiver.requests == []
    assert resolver.lookups == ["rebind.example"]
    assert network.connections == [("8.8.8.8", receiver.port)]
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.last_error.startswith("ConnectionError") and "8.8.8.8" in delivery.last_error


def test_a_redirect_fails_the_attempt_and_is_not_followed(
    tree, receiver, run_tasks, django_capture_on_commit_callbacks
):
    elsewhere = Receiver()
    try:
        receiver.status = 307
        receiver.reply_headers = {"Location": elsewhere.url}
        subscribe(receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            tree.poi()

        run_tasks()
        assert len(receiver.requests) == 1 and elsewhere.requests == []
        delivery = WebhookDelivery.objects.get()
        assert delivery.status == DeliveryStatus.RETRYING
        assert (delivery.last_status_code, delivery.last_error) == (307, "HTTP 307")
    finally:
        elsewhere.close()


# --- admin ------------------------------------------------------------------------------------


def test_admin_manages_subscriptions_and_reads_the_delivery_log(
    tree, admin_client, receiver, run_tasks, django_capture_on_commit_callbacks
):
    assert admin_client.get("/admin/webhooks/").status_code == 200
    assert admin_client.get("/admin/webhooks/new/").status_code == 200
    response = admin_client.post(
        "/admin/webhooks/new/",
        {
            "name": "Partner-App",
            "url": receiver.url,
            "secret": SECRET,
            "event_types": ["published", "deleted"],
            "content_types": ["poi", "event"],
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    subscription = WebhookSubscription.objects.get()
    assert "Partner-App" in admin_client.get("/admin/webhooks/?q=Partner").content.decode()
    assert subscription.event_types == ["published", "deleted"]
    assert subscription.content_types == ["poi", "event"]
    edit = admin_client.get(f"/admin/webhooks/edit/{subscription.pk}/")
    assert edit.status_code == 200 and SECRET in edit.content.decode()  # to copy to the receiver

    receiver.status = 500
    with django_capture_on_commit_callbacks(execute=True):
        tree.poi()
    run_tasks()
    delivery = WebhookDelivery.objects.get()

    log = admin_client.get("/admin/webhook-deliveries/")
    assert log.status_code == 200 and "HTTP 500" in log.content.decode()
    for query in (f"?subscription={subscription.pk}", "?status=retrying", "?status=succeeded"):
        assert admin_client.get(f"/admin/webhook-deliveries/{query}").status_code == 200
    assert admin_client.get(f"/admin/webhook-deliveries/inspect/{delivery.pk}/").status_code == 200
    assert admin_client.get(f"/admin/webhook-deliveries/edit/{delivery.pk}/").status_code == 404

    assert admin_client.get(f"/admin/webhook-deliveries/redeliver/{delivery.pk}/").status_code == 200
    response = admin_client.post(f"/admin/webhook-deliveries/redeliver/{delivery.pk}/")
    assert response.status_code == 302
    again = WebhookDelivery.objects.exclude(pk=delivery.pk).get()
    assert again.payload == delivery.payload and again.status == DeliveryStatus.PENDING


INVALID_URL = "Gib eine gültige URL ein."  # Django's own message, for what is no URL at all
PRIVATE_NET = "zeigt in ein privates Netz"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:8099\\@8.8.8.8/", "Backslashes"),
        ("http://8.8.8.8@127.0.0.1/", "Benutzernamen"),
        ("http://user:pw@example.org/", "Benutzernamen"),
        ("http://127.1/", INVALID_URL),
        ("http://0x7f000001/", INVALID_URL),
        ("http://2130706433/", INVALID_URL),
        ("http://[::ffff:127.0.0.1]/", PRIVATE_NET),
        ("http://[::1]/", PRIVATE_NET),
        ("http://169.254.169.254/latest/meta-data/", PRIVATE_NET),
        ("http://localhost/hook", PRIVATE_NET),
        ("file:///etc/passwd", INVALID_URL),
        ("gopher://example.org:70/_x", INVALID_URL),
        ("http://example.org/\tx", INVALID_URL),
        ("http://exam\nple.org/", INVALID_URL),
    ],
)
def test_the_admin_form_refuses_unsafe_urls_with_a_german_message_on_the_url_field(
    admin_client, settings, url, message
):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    response = admin_client.post(
        "/admin/webhooks/new/",
        {
            "name": "Partner-App",
            "url": url,
            "secret": SECRET,
            "event_types": ["published"],
            "content_types": ["poi"],
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert not WebhookSubscription.objects.exists()
    form = response.context["form"]
    assert list(form.errors) == ["url"]
    assert any(message in error for error in form.errors["url"]), form.errors["url"]
