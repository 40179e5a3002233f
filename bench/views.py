"""The stack's limit: a view that returns constant bytes through the same middleware and gunicorn."""

from django.http import HttpRequest, HttpResponse

CONSTANT = b'{"status":"ok","items":[]}'


def constant(request: HttpRequest) -> HttpResponse:
    return HttpResponse(CONSTANT, content_type="application/json")
