"""What operators see of each request and of the whole: the request id, one access line, `/metrics`.

`RequestMiddleware` comes first in MIDDLEWARE, so it times and names everything after it, cached
API answers included (they never reach URL resolution: the route is resolved here for them). The
access line (logger `roland.access`) carries route, status, duration, the API client's name and
the answer cache's path; with LOG_FORMAT=json every field is a JSON key (cms.core.logs).

`/metrics` is for the monitoring system only: a 404 unless METRICS_TOKEN (sent as
`Authorization: Bearer …`) or METRICS_ALLOWED_NETWORKS is configured, and a 404 too for callers who
present neither, so the endpoint is not advertised.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
import time
from collections.abc import Callable, Iterator

from django.conf import settings
from django.core.signals import request_finished
from django.db.models import Case, Count, F, Min, Q, When
from django.db.models.functions import Greatest
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult, get_date_max
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from cms.api.delivery import CACHE_STATUS_HEADER
from cms.core import metrics
from cms.core.addresses import client_network
from cms.core.logs import bind_request_id, clear_request_id, request_id_from
from sites.models import KioskScreen, WebhookDelivery
from sites.models.webhooks import DeliveryStatus
from sites.monitoring import kiosk_last_seen

access_log = logging.getLogger("roland.access")
# Sent by the response's close(), after the server wrote the last byte (and Django logged a 4xx/5xx).
request_finished.connect(clear_request_id, dispatch_uid="roland-request-id")

REQUEST_ID_HEADER = "X-Request-ID"
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
UNMATCHED = "(unmatched)"


def route_of(request: HttpRequest) -> str:
    """The URL pattern that answers (a bounded label): `/api/v1/pois/<poi_id>`, or the view's name."""
    match = request.resolver_match
    if match is None:  # a cached answer, or an answer made before URL resolution
        urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
        key = (urlconf, request.path_info)
        route = _routes.get(key)
        if route is None:
            route = _resolved_route(request.path_info, urlconf)
            if len(_routes) >= ROUTE_MEMORY:
                _routes.clear()
            _routes[key] = route
        return route
    return _route_label(match)


# The label of a path the URL patterns resolve: a pure function of the path, so remembered (cached
# answers are resolved only here). Bounded (paths are the client's to choose); emptied when full.
ROUTE_MEMORY = 4096
_routes: dict[tuple[str, str], str] = {}


def _resolved_route(path: str, urlconf: str) -> str:
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return UNMATCHED
    return _route_label(match)


def _route_label(match) -> str:
    route = match.route or ""
    if route and not any(sign in route for sign in "^$(\\"):
        return "/" + route
    return match.view_name or UNMATCHED


class RequestMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        bind_request_id(request_id)  # cleared when the answer has been delivered (request_finished)
        started = time.perf_counter()
        response = self.get_response(request)
        duration = time.perf_counter() - started
        response[REQUEST_ID_HEADER] = request_id
        self._record(request, response, duration)
        return response

    def _record(self, request: HttpRequest, response: HttpResponse, duration: float) -> None:
        route = route_of(request)
        method = request.method if request.method in METHODS else "other"
        metrics.observe_request(route, method, response.status_code, duration)
        cache = response.get(CACHE_STATUS_HEADER, "")
        if cache:
            metrics.count_answer_cache(cache)
        client = getattr(request, "roland_client", None)
        access_log.info(
            "%s %s %s %.1f ms",
            request.method,
            request.get_full_path()[:500],
            response.status_code,
            duration * 1000,
            extra={
                "method": request.method,
                "path": request.path[:500],
                "route": route,
                "status": response.status_code,
                "duration_ms": round(duration * 1000, 1),
                "client": client.name if client is not None else None,
                "cache": cache or None,
                "streamed": response.streaming,
            },
        )


# --- /metrics -------------------------------------------------------------------------------------


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(item, strict=False) for item in settings.METRICS_ALLOWED_NETWORKS]


def may_scrape(request: HttpRequest) -> bool:
    """A caller with the token, or one from an allowed network; no one when neither is configured."""
    token = settings.METRICS_TOKEN
    authorization = request.headers.get("Authorization", "")
    if token and authorization[:7].lower() == "bearer ":
        return hmac.compare_digest(authorization[7:].strip().encode(), token.encode())
    network = client_network(request)
    if network is None:
        return False
    return any(
        network.version == allowed.version and network.subnet_of(allowed) for allowed in _allowed_networks()
    )


class DatabaseCollector(Collector):
    """Figures the database holds, read at each scrape: a handful of small aggregate queries."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = timezone.now()
        no_later_than_now = Q(run_after=get_date_max()) | Q(run_after__lte=now)
        waiting_since = Case(
            When(run_after=get_date_max(), then=F("enqueued_at")),
            default=Greatest(F("enqueued_at"), F("run_after")),
        )
        depth = GaugeMetricFamily(
            "roland_task_queue_depth", "Background tasks ready to run now, per queue.", labels=["queue"]
        )
        age = GaugeMetricFamily(
            "roland_task_queue_oldest_age_seconds",
            "How long the oldest task ready to run has waited, per queue (0 when none waits).",
            labels=["queue"],
        )
        rows = (
            DBTaskResult.objects.filter(no_later_than_now, status="READY")
            .values("queue_name")
            .annotate(count=Count("id"), oldest=Min(waiting_since))
        )
        for row in rows:
            depth.add_metric([row["queue_name"]], row["count"])
            age.add_metric([row["queue_name"]], max((now - row["oldest"]).total_seconds(), 0))
        yield depth
        yield age

        deliveries = GaugeMetricFamily(
            "roland_webhook_deliveries",
            "Webhook deliveries in the delivery log, per status (failed: given up).",
            labels=["status"],
        )
        counted = dict(
            WebhookDelivery.objects.values_list("status")
            .annotate(count=Count("id"))
            .values_list("status", "count")
        )
        for status in DeliveryStatus.values:
            deliveries.add_metric([status], counted.get(status, 0))
        yield deliveries

        screens = GaugeMetricFamily(
            "roland_kiosk_screens", "Kiosk screens, active or not.", labels=["active"]
        )
        active = dict(KioskScreen.objects.values_list("is_active").annotate(count=Count("id")))
        for state in (True, False):
            screens.add_metric(["true" if state else "false"], active.get(state, 0))
        yield screens
        seen = GaugeMetricFamily(
            "roland_kiosk_screen_last_seen_timestamp_seconds",
            "When each active screen last reported (Unix time); alert on time() minus this.",
            labels=["screen"],
        )
        for slug, moment in sorted(kiosk_last_seen().items()):
            seen.add_metric([slug], moment.timestamp())
        yield seen


_database_collector = DatabaseCollector()


def _scrape() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        registry.register(_ProcessMetrics())
    registry.register(_database_collector)
    return generate_latest(registry)


class _ProcessMetrics(Collector):
    """This process's own metrics (the default registry) inside the per-scrape registry."""

    def collect(self):
        return REGISTRY.collect()


@never_cache
@require_GET
def metrics_view(request: HttpRequest) -> HttpResponse:
    if not may_scrape(request):
        raise Http404
    return HttpResponse(_scrape(), content_type=CONTENT_TYPE_LATEST)
