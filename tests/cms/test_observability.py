"""What operators see: a request id on every log line and in the answer, one access line per request,
and `/metrics` (only for the monitoring system), parsed as Prometheus parses it."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from cms.core.logs import JsonLogFormatter, RequestIdFilter
from cms.core.metrics import count_import_failure
from sites.api_keys import issue_key
from sites.models import ApiClient, KioskScreen, KioskStatus, WebhookDelivery, WebhookSubscription
from sites.tasks import deliver_webhook
from sites.webhooks import AttemptResult, record_attempt
from tests.processes import ROOT
from tests.worlds import tree_per_module

# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


TOKEN = "scrape-me-0123456789"


@pytest.fixture
def json_lines():
    """The root logger's output as the JSON format writes it (LOG_FORMAT=json), one dict a line."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonLogFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    levels = {name: logging.getLogger(name).level for name in ("", "roland.access")}
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def access_lines(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["logger"] == "roland.access"]


def test_an_incoming_request_id_is_kept_in_every_line_and_in_the_answer(client, tree, json_lines):
    response = client.get("/api/v1/nothing-here", HTTP_X_REQUEST_ID="lb-7f3a.42")
    assert response["X-Request-ID"] == "lb-7f3a.42"
    lines = json_lines()
    assert len(lines) >= 2  # Django's "Not Found" warning and the access line
    assert {line["request_id"] for line in lines} == {"lb-7f3a.42"}


@pytest.mark.parametrize("sent", [None, "", "two words", "x" * 200, "<script>", "ü-umlaut"])
def test_a_missing_or_odd_request_id_is_replaced_by_a_generated_one(client, db, sent, json_lines):
    headers = {} if sent is None else {"HTTP_X_REQUEST_ID": sent}
    response = client.get("/healthz", **headers)
    generated = response["X-Request-ID"]
    assert generated != sent and len(generated) == 32 and int(generated, 16) >= 0
    assert [line["request_id"] for line in access_lines(json_lines())] == [generated]


def test_the_access_line_names_route_status_duration_client_and_cache_path(client, tree, json_lines):
    api_client = ApiClient(name="Tourismusverband", rate_limit=1000)
    key = issue_key(api_client)
    api_client.save()
    tree.poi(title="Rathaus", slug="rathaus")
    first = client.get("/api/v1/pois", HTTP_AUTHORIZATION=f"Bearer {key}")
    second = client.get("/api/v1/pois", HTTP_AUTHORIZATION=f"Bearer {key}")
    anonymous = client.get(f"/api/v1/pois/{tree.pois.pk + 999}")
    assert (first.status_code, second.status_code, anonymous.status_code) == (200, 200, 404)
    lines = access_lines(json_lines())
    assert [(line["route"], line["status"], line["cache"], line["client"]) for line in lines] == [
        ("/api/v1/pois", 200, "miss", "Tourismusverband"),
        ("/api/v1/pois", 200, "hit", "Tourismusverband"),
        ("/api/v1/pois/<poi_id>", 404, "bypass", None),  # errors are not stored
    ]
    assert all(line["method"] == "GET" and line["duration_ms"] >= 0 for line in lines)
    assert lines[0]["message"].startswith("GET /api/v1/pois 200 ")


def test_json_logs_are_what_the_settings_configure_with_log_format_json():
    """The wiring: a process started with LOG_FORMAT=json writes JSON lines with a request id."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", DATABASE_URL="", LOG_FORMAT="json")
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "import logging; logging.getLogger('roland.x').warning('hallo')",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "hallo" and line["level"] == "WARNING" and line["logger"] == "roland.x"
    assert line["request_id"] == "-" and "time" in line


# --- /metrics ---------------------------------------------------------------------------------------


def scrape(client, **headers) -> dict[str, list]:
    """Every sample by metric family name, through prometheus_client's own parser."""
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    return {
        family.name: family.samples for family in text_string_to_metric_families(response.content.decode())
    }


def value(families: dict, family: str, sample: str, **labels) -> float:
    found = [
        s.value for s in families.get(family, []) if s.name == sample and labels.items() <= s.labels.items()
    ]
    return sum(found)


@pytest.fixture
def metrics_token(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_NETWORKS = []


def test_metrics_are_not_served_when_neither_token_nor_networks_are_configured(client, db, settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = []
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


def test_metrics_need_the_token_or_an_allowed_network(client, db, settings, metrics_token):
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 200
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = ["10.1.0.0/16", "2001:db8::/32"]
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="2001:db8:5::1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="10.2.0.1").status_code == 404
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404


def test_latency_per_route_and_the_answer_cache_hits_and_misses(client, tree, metrics_token):
    tree.poi(title="Rathaus", slug="rathaus")
    before = scrape(client)
    for _ in range(3):
        assert client.get("/api/v1/pois").status_code == 200
    after = scrape(client)
    histogram = "roland_http_request_duration_seconds"
    count = f"{histogram}_count"
    assert (
        value(after, histogram, count, route="/api/v1/pois")
        - value(before, histogram, count, route="/api/v1/pois")
        == 3
    )
    assert value(after, histogram, f"{histogram}_bucket", route="/api/v1/pois", le="+Inf") >= 3
    cache = "roland_answer_cache"
    assert (
        value(after, cache, f"{cache}_total", result="miss")
        - value(before, cache, f"{cache}_total", result="miss")
        == 1
    )
    assert (
        value(after, cache, f"{cache}_total", result="hit")
        - value(before, cache, f"{cache}_total", result="hit")
        == 2
    )


def test_rate_limit_rejections_are_counted(client, db, settings, metrics_token):
    settings.API_RATE_LIMIT_ANONYMOUS = 1
    name = "roland_rate_limit_rejections"
    before = value(scrape(client), name, f"{name}_total", caller="anonymous")
    statuses = [client.get("/api/v1/locales").status_code for _ in range(3)]
    assert statuses == [200, 429, 429]
    assert value(scrape(client), name, f"{name}_total", caller="anonymous") - before == 2


def test_task_queue_webhook_failures_imports_and_kiosks(client, db, metrics_token):
    subscription = WebhookSubscription.objects.create(url="https://partner.example/hook", secret="s" * 32)
    deliveries = [
        WebhookDelivery.objects.create(
            subscription=subscription, event="publish", item_type="poi", object_id=n
        )
        for n in (1, 2)
    ]
    for delivery in deliveries:
        deliver_webhook.enqueue(delivery.pk)
    markt = KioskScreen.objects.create(name="Markt", slug="markt", latitude="52.29", longitude="11.41")
    seen = timezone.now().replace(microsecond=0) - timedelta(minutes=3)
    KioskStatus.objects.create(screen=markt, last_seen=seen)
    KioskScreen.objects.create(name="Neu", slug="neu", latitude="52.29", longitude="11.41")  # never reported
    before = scrape(client)
    record_attempt(deliveries[0], AttemptResult(ok=False, status_code=500, error="HTTP 500"))
    record_attempt(deliveries[1], AttemptResult(ok=False, error="refused", permanent=True))
    count_import_failure("stadtkalender")
    after = scrape(client)

    assert value(after, "roland_task_queue_depth", "roland_task_queue_depth", queue="default") == 2
    age = value(after, "roland_task_queue_oldest_age_seconds", "roland_task_queue_oldest_age_seconds")
    assert 0 <= age < 3600
    failures = "roland_webhook_attempt_failures"
    for final in ("true", "false"):
        assert (
            value(after, failures, f"{failures}_total", final=final)
            - value(before, failures, f"{failures}_total", final=final)
            == 1
        )
    assert value(after, "roland_webhook_deliveries", "roland_webhook_deliveries", status="failed") == 1
    assert value(after, "roland_webhook_deliveries", "roland_webhook_deliveries", status="retrying") == 1
    imports = "roland_import_failures"
    assert (
        value(after, imports, f"{imports}_total", source="stadtkalender")
        - value(before, imports, f"{imports}_total", source="stadtkalender")
        == 1
    )
    assert value(after, "roland_kiosk_screens", "roland_kiosk_screens", active="true") == 2
    last_seen = "roland_kiosk_screen_last_seen_timestamp_seconds"
    assert value(after, last_seen, last_seen, screen="markt") == seen.timestamp()
    assert not [sample for sample in after[last_seen] if sample.labels.get("screen") == "neu"]
