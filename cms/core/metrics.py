"""Prometheus counters and histograms any part of Roland may add to; `/metrics` (cms.observability)
serves them with the figures read from the database at scrape time.

Counters live in the process that counts: a gunicorn worker, the task worker, an import command.
With PROMETHEUS_MULTIPROC_DIR set (the same folder for every process of a host, emptied when they
start; README, *Metrics*), prometheus_client keeps them in files there and each scrape sums every
process's; without it a scrape sees the answering process only. What is in the database anyway
(queue, webhook deliveries, kiosk screens) is read from there, the same whichever process answers.
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram

# Seconds: the API answers from cache in a few milliseconds, a cold export takes seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

request_latency = Histogram(
    "roland_http_request_duration_seconds",
    "Time to answer a request (until the response is handed to the server), per route.",
    ["route", "method"],
    buckets=LATENCY_BUCKETS,
)
requests = Counter(
    "roland_http_requests", "Requests answered, per route and status class.", ["route", "method", "status"]
)
answer_cache = Counter(
    "roland_answer_cache",
    "API answers by the server-side answer cache: hit, miss (stored now) or bypass (not storable).",
    ["result"],
)
rate_limited = Counter(
    "roland_rate_limit_rejections", "API requests refused with 429 by the rate limit.", ["caller"]
)
webhook_failures = Counter(
    "roland_webhook_attempt_failures",
    "Webhook delivery attempts that failed; final: no retry follows (given up or permanent).",
    ["final"],
)
import_failures = Counter(
    "roland_import_failures", "Imports of a source that failed (fetch, parse or store).", ["source"]
)


def count_answer_cache(result: str) -> None:
    answer_cache.labels(result=result).inc()


def count_rate_limited(keyed: bool) -> None:
    rate_limited.labels(caller="keyed" if keyed else "anonymous").inc()


def count_webhook_failure(final: bool) -> None:
    webhook_failures.labels(final="true" if final else "false").inc()


def count_import_failure(source: str) -> None:
    """One failed run of an import source (its slug: a bounded set of labels)."""
    import_failures.labels(source=source).inc()


def observe_request(route: str, method: str, status: int, seconds: float) -> None:
    request_latency.labels(route=route, method=method).observe(seconds)
    requests.labels(route=route, method=method, status=f"{status // 100}xx").inc()
