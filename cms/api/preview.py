"""GET /api/v1/preview: a draft in the shape of its detail endpoint, for the website's preview page.

Drafts are never public. Only a valid preview token opens one (cms.core.preview decides), every refusal
is the same 404 so a token reveals nothing, and answers are `private, no-store` so no cache keeps a
draft. The draft is the unsaved page the token stores, rendered by the detail builders themselves.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from ninja import Router
from ninja.params import Query
from pydantic import Field
from wagtail.models import Page

from cms.core.context import ApiContext
from cms.core.i18n import negotiate
from cms.core.params import strict_query
from cms.core.preview import find_preview
from cms.core.problems import PROBLEM_RESPONSES, ApiProblem
from cms.core.schema import Schema
from cms.core.visibility import find_site, site_facts
from home.api import PageDetail, page_detail
from home.models import HomePage, StandardPage
from tourism.items.common import sort_draft_categories
from tourism.items.events import EventDetail, draft_occurrences, event_detail
from tourism.items.news import NewsDetail, news_detail
from tourism.items.pois import PoiDetail, poi_detail
from tourism.models import Event, NewsArticle, PointOfInterest

router = Router(tags=["Website"])
NO_STORE = "private, no-store"
UNSAVED = "Null while the page has never been saved (a preview from the admin's create form)."


class PreviewParams(Schema):
    content_type: str = Field(
        max_length=100, description="The `content_type` the preview page received, e.g. `tourism.event`."
    )
    token: str = Field(max_length=500, description="The `token` the preview page received.")


class PoiDraft(PoiDetail):
    id: int | None = Field(description=UNSAVED)
    api_url: str | None = Field(description=UNSAVED)


class EventDraft(EventDetail):
    id: int | None = Field(description=UNSAVED)
    api_url: str | None = Field(description=UNSAVED)


class NewsDraft(NewsDetail):
    id: int | None = Field(description=UNSAVED)
    api_url: str | None = Field(description=UNSAVED)


class PageDraft(PageDetail):
    id: int | None = Field(description=UNSAVED)


def _poi(page: PointOfInterest, ctx: ApiContext) -> dict:
    sort_draft_categories(page)
    return poi_detail(page, ctx)


def _event(page: Event, ctx: ApiContext) -> dict:
    sort_draft_categories(page)
    return event_detail(page, ctx, draft_occurrences(page, ctx))


def _news(page: NewsArticle, ctx: ApiContext) -> dict:
    sort_draft_categories(page)
    return news_detail(page, ctx)


# Page model → the schema of its answer and the detail builder that renders a draft of it.
RENDERERS: dict[type[Page], tuple[type[Schema], Callable[..., dict]]] = {
    PointOfInterest: (PoiDraft, _poi),
    Event: (EventDraft, _event),
    NewsArticle: (NewsDraft, _news),
    HomePage: (PageDraft, page_detail),
    StandardPage: (PageDraft, page_detail),
}


def draft_context(request: HttpRequest, page: Page) -> ApiContext:
    """The draft's own site and language shape the answer (its URLs, the names of what it links to)."""
    site = (page.get_site() if page.url_path else None) or find_site(request)
    facts = site_facts(site)
    code = next((code for code, locale in facts.locales.items() if locale.pk == page.locale_id), None)
    return ApiContext(request, site, facts, negotiate(request, facts.locales, code))


def render_draft(request: HttpRequest, page: Page) -> Schema | None:
    """The draft in its detail shape, or None for a page type without one."""
    renderer = RENDERERS.get(type(page))
    if renderer is None:
        return None
    schema, build = renderer
    data = build(page, draft_context(request, page))
    if page.pk is None:
        data.update(id=None, api_url=None)
    return schema.model_validate(data)


@router.get(
    "/preview",
    response={200: PoiDraft | EventDraft | NewsDraft | PageDraft, **PROBLEM_RESPONSES},
    summary="A draft for the website's preview",
)
@strict_query(PreviewParams, before_validation=True)
def preview(request: HttpRequest, params: Query[PreviewParams], response: HttpResponse):
    """The draft behind a preview token, in the shape of its detail endpoint (`type` tells which).

    The admin's preview opens the site's preview URL with `content_type` and `token`; the website
    passes both on here. An unknown, expired or mismatched token is a 404. Never cached.
    Consumers: the city website's preview page.
    """
    response["Cache-Control"] = NO_STORE
    page = find_preview(params.content_type, params.token)
    draft = render_draft(request, page) if page is not None else None
    if draft is None:
        raise ApiProblem(
            404,
            "No preview for this content type and token (it may have expired).",
            headers={"Cache-Control": NO_STORE},
        )
    return draft
