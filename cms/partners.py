"""/partners/: what a partner needs to read Roland's data, on one page in German and English.

How to get a key, the limits, the licence and whom to name, the formats, the sync loop (bulk export
once, then the change feed), webhooks and preview. Everything on it comes from the running
configuration (site settings, rate limits, the content-type registry), so it cannot drift from what
the API does. Plain HTML with the site's own stylesheet: no scripts, nothing from another origin.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation

from cms.core import registry
from cms.core.i18n import page_language
from cms.core.problems import ApiProblem, handle_api_problem
from cms.core.visibility import find_site, site_facts
from sites.services import data_publisher


def partners(request: HttpRequest) -> HttpResponse:
    try:
        code = page_language(request)
    except ApiProblem as problem:
        return handle_api_problem(request, problem)
    site = find_site(request)
    publisher = data_publisher(site)
    base = request.build_absolute_uri("/").rstrip("/")
    collections = [
        {
            "name": content_type.name,
            "collection": content_type.collection,
            "feeds": content_type.feeds,
            "label": content_type.plural_label,
        }
        for content_type in registry.types()
    ]
    context = {
        "code": code,
        "other": "en" if code == "de" else "de",
        "site_name": site.site_name or publisher.name,
        "publisher": publisher,
        "licence": publisher.licence,
        "base": base,
        "collections": collections,
        "languages": list(site_facts(site).locales),
        "anonymous_limit": settings.API_RATE_LIMIT_ANONYMOUS,
        "keyed_limit": settings.API_RATE_LIMIT_KEYED,
        "retention_days": settings.CHANGES_RETENTION_DAYS,
    }
    with translation.override(code):
        response = TemplateResponse(request, f"cms/partners/partners.{code}.html", context)
        response.render()
    response["Content-Language"] = code
    response["Vary"] = "Accept-Language"
    return response
