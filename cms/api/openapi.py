"""What every operation shares, written into the OpenAPI document once: keys, limits, validators.

The delivery layer (cms.api.delivery) answers these for every operation, so the document says so
for every operation: optional partner keys (anonymous use is allowed), 401 and 429 problems, 304 on
revalidation, and the rate-limit and caching headers. The one write (POST /submissions/events)
requires a key and is never cached.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from ninja import NinjaAPI, Swagger

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
SECURITY_SCHEMES = {
    "partnerKey": {
        "type": "http",
        "scheme": "bearer",
        "description": "A partner API key (Authorization: Bearer <key>). Optional: anonymous use has a lower rate limit.",
    },
    "partnerKeyHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": "The same partner key, in its own header.",
    },
}
# Anonymous, or either form of the key.
SECURITY: list[dict[str, list]] = [{}, {"partnerKey": []}, {"partnerKeyHeader": []}]
# Writes need a key in either form.
KEYED: list[dict[str, list]] = [{"partnerKey": []}, {"partnerKeyHeader": []}]


def _header(description: str, schema_type: str = "integer") -> dict[str, Any]:
    return {"description": description, "schema": {"type": schema_type}}


RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": _header("Requests allowed per window (one minute)."),
    "RateLimit-Remaining": _header("Requests left in this window."),
    "RateLimit-Reset": _header("Seconds until the window starts afresh."),
}
CACHE_HEADERS = {
    "ETag": _header("Strong validator of this answer; send it back in If-None-Match.", "string"),
    "Last-Modified": _header("When this answer's content last changed.", "string"),
    "Cache-Control": _header("public (private with a key), max-age and stale-while-revalidate.", "string"),
}


def _problem(description: str, extra_headers: dict | None = None) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {**RATE_LIMIT_HEADERS, **(extra_headers or {})},
        "content": {"application/problem+json": {"schema": PROBLEM_REF}},
    }


def describe_delivery(schema: dict[str, Any]) -> dict[str, Any]:
    schema.setdefault("components", {}).setdefault("securitySchemes", {}).update(SECURITY_SCHEMES)
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            if method != "get":
                _describe_write(operation)
                continue
            operation["security"] = SECURITY
            responses = operation.setdefault("responses", {})
            for status, response in responses.items():
                if str(status).startswith("2"):  # (an operation's own description of a header stays)
                    response["headers"] = {
                        **RATE_LIMIT_HEADERS,
                        **CACHE_HEADERS,
                        **response.get("headers", {}),
                    }
            responses.setdefault(
                304, {"description": "Not modified: the If-None-Match / If-Modified-Since answer is current."}
            )
            responses.setdefault(401, _problem("The API key is unknown or revoked."))
            responses.setdefault(
                429,
                _problem(
                    "Over the rate limit.",
                    {"Retry-After": _header("Seconds to wait before the next request.")},
                ),
            )
    return schema


def _describe_write(operation: dict[str, Any]) -> None:
    """A write (the submissions): a key is required, nothing is cached, the same limits apply."""
    operation["security"] = KEYED
    responses = operation.setdefault("responses", {})
    for status, response in responses.items():
        if str(status).startswith("2"):
            response["headers"] = {**RATE_LIMIT_HEADERS, **response.get("headers", {})}
    responses.setdefault(401, _problem("No API key, or one unknown or revoked."))
    responses.setdefault(
        429,
        _problem(
            "Over the rate limit.", {"Retry-After": _header("Seconds to wait before the next request.")}
        ),
    )


class RolandAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: dict | None = None):
        return describe_delivery(super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params))


class DocsPage(Swagger):
    """Swagger UI from ninja's static files, never kept by a cache: its scripts carry this request's
    CSP nonce (cms/templates/ninja/swagger.html), which a stored copy would not match."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        response = super().render_page(request, api, **kwargs)
        add_never_cache_headers(response)
        return response
