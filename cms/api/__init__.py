"""The typed public API, /api/v1/: one NinjaAPI, one OpenAPI 3.1 document, routers per app.

django-ninja because Wagtail 8's own v3 API is built on it: one schema style, pydantic validation,
OpenAPI 3.1 generated from the same type hints the views use.
"""

from django.http import HttpRequest, HttpResponse
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from cms.core.problems import ApiProblem, handle_api_problem, problem_response
from home.api import router as website_router
from search.api import router as search_router
from sites.api import router as kiosks_router
from tourism.api import events, news, pois

from . import catalog, changes, exports, preview, submissions
from .openapi import DocsPage, RolandAPI

api = RolandAPI(
    title="Roland API",
    version="1.0.0",
    description=(
        "Points of interest, events and news of the town of Haldensleben, in every configured language. "
        "Errors are application/problem+json (RFC 9457)."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    # Served from ninja's own static files (no CDN); no calls to Swagger's online validator.
    docs=DocsPage(settings={"validatorUrl": None}),
)


@api.exception_handler(ApiProblem)
def _api_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    return handle_api_problem(request, exc)


@api.exception_handler(NinjaValidationError)
def _validation_problem(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = []
    for error in exc.errors:
        # The last named part: ninja puts the schema argument before a list field ("params", "type",
        # 0) and the field alone otherwise ("limit").
        location = [
            part
            for part in error.get("loc", ())
            if isinstance(part, str) and part not in ("query", "path", "body")
        ]
        param = location[-1] if location else "request"
        errors.append({"param": param, "message": error.get("msg", "invalid value")})
    names = ", ".join(dict.fromkeys(error["param"] for error in errors))
    return problem_response(400, f"Invalid parameter(s): {names}", errors)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem_response(exc.status_code, str(exc))


# The order is the order of the OpenAPI document.
for router in (
    pois.router,
    events.router,
    news.router,
    website_router,
    preview.router,
    search_router,
    kiosks_router,
    changes.router,
    exports.router,
    catalog.router,
    submissions.router,
):
    api.add_router("/", router)
