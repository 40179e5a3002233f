"""RFC 9457 problem details: the one error format of /api/v1/."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse

from cms.core.schema import Schema

PROBLEM_JSON = "application/problem+json"


class ParamError(Schema):
    param: str
    message: str


class Problem(Schema):
    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    errors: list[ParamError] = []


class ApiProblem(Exception):
    """Raised anywhere in the API to answer with a problem document."""

    def __init__(
        self, status: int, detail: str = "", errors: list[dict[str, str]] | None = None, headers=None
    ):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}


def bad_param(param: str, message: str) -> ApiProblem:
    return ApiProblem(400, f"Invalid parameter '{param}': {message}", [{"param": param, "message": message}])


def not_found(detail: str = "Not found.") -> ApiProblem:
    return ApiProblem(404, detail)


def problem_response(
    status: int,
    detail: str = "",
    errors: list[dict[str, Any]] | None = None,
    headers: dict | None = None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """A problem document; `extra` members beside the standard ones (RFC 9457 allows extensions)."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "errors": errors or [],
    }
    body.update({name: value for name, value in (extra or {}).items() if name not in body})
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def handle_api_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    return problem_response(exc.status, exc.detail, exc.errors, exc.headers)


PROBLEM_RESPONSES = {400: Problem, 404: Problem}
