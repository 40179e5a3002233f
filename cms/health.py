"""Liveness and readiness probes for the container platform."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """The process answers; says nothing about its dependencies."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> HttpResponse:
    """Ready when the database answers a query; 503 otherwise, so traffic goes elsewhere."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return JsonResponse(
            {"status": "unavailable", "checks": {"database": {"ok": False, "error": exc.__class__.__name__}}},
            status=503,
        )
    return JsonResponse({"status": "ok", "checks": {"database": {"ok": True}}})
