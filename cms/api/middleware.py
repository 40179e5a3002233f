"""API-wide HTTP behaviour that ninja does not cover: problem+json for 404 and 405, language headers."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from cms.core.problems import PROBLEM_JSON, problem_response

API_PREFIX = "/api/"


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX):
            return response
        content_type = response.get("Content-Type", "")
        if response.status_code == 301 and request.path.startswith("/api/v1/"):
            # APPEND_SLASH would send clients to Wagtail's page tree: an unknown API path is a 404.
            return problem_response(404, f"No API resource at {request.path[:200]}.")
        if (
            response.status_code == 404
            and not content_type.startswith(PROBLEM_JSON)
            and "json" not in content_type
        ):
            return problem_response(404, f"No API resource at {request.path[:200]}.")
        if response.status_code == 405 and not content_type.startswith(PROBLEM_JSON):
            allowed = response.get("Allow", "GET")
            return problem_response(
                405, f"{request.method} is not allowed here; use {allowed}.", headers={"Allow": allowed}
            )
        locale = getattr(request, "roland_locale", None)
        if locale and request.path.startswith("/api/v1/"):
            response["Content-Language"] = locale
            patch_vary_headers(response, ["Accept-Language"])
        return response
