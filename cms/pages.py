"""What a page URL answers. The CMS is headless: it renders no page templates.

Wagtail still routes page URLs (the admin's "view live" links, `HEAD /` from monitoring, crawlers).
A page the public may see redirects to itself on the site's public website; without a reachable
website URL (none, or a reserved example domain as in the demo: cms.core.preview.reachable) it
redirects to its public API detail instead, so "Live anzeigen" always opens something. A page the
public may not see (draft, expired, password, login or group restriction, alias) answers the 404
of a slug that does not exist, byte for byte, so nothing tells that it exists.
"""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from wagtail.models import Page

from cms.core.context import public_url
from cms.core.preview import reachable
from cms.core.problems import problem_response
from cms.core.registry import detail_location
from cms.core.visibility import find_site, site_facts, visible_pages

NOT_FOUND_HTML = (
    '<!doctype html>\n<html lang="de">\n<meta charset="utf-8">\n<title>Nicht gefunden</title>\n'
    "<h1>Nicht gefunden</h1>\n<p>Unter dieser Adresse gibt es nichts. / Nothing is at this address.</p>\n"
)


def page_answer(page: Page, request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """Wagtail's `before_serve_page` hook, first of all: a redirect to the website (else to the
    page's API detail) or a 404.

    Before Wagtail's own hooks, so neither its password form nor its answer to OPTIONS reveals a
    restricted page; every method gets the same answer.
    """
    site = find_site(request)
    facts = site_facts(site)
    if not visible_pages(Page.objects.filter(pk=page.pk), site).exists():
        raise Http404
    if reachable(facts.website_url):
        location = public_url(page, facts, facts.website_url)
    else:
        location = detail_location(page.specific_class, page.pk)
    response = HttpResponseRedirect(location)
    add_never_cache_headers(response)  # an unpublished page must stop redirecting at once
    return response


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 404 of every URL outside the API's own answers: problem+json for clients that prefer
    JSON, else a few lines of HTML. It names nothing of the request, so any two 404s are alike."""
    if request.get_preferred_type(["text/html", "application/json", "application/problem+json"]) in (
        "application/json",
        "application/problem+json",
    ):
        return problem_response(404, "Nothing is at this address.")
    return HttpResponse(NOT_FOUND_HTML, status=404, content_type="text/html; charset=utf-8")
