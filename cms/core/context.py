"""Per-request facts every serializer needs: site, language, URLs, hidden collections (cached, versioned)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from django.conf import settings
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from wagtail.models import Page, Site

from cms.core.visibility import NestedVisibility, SiteFacts, find_site, rule_shape, site_facts, visible_pages

from .i18n import LocaleChoice, negotiate, with_fallback_ids


@dataclass
class ApiContext:
    request: HttpRequest
    site: Site
    facts: SiteFacts
    choice: LocaleChoice
    now: datetime = field(default_factory=timezone.now)
    images: dict[int, dict | None] = field(default_factory=dict)  # filled by media.schemas.preload_images

    @property
    def locale(self):
        return self.choice.locale

    @property
    def code(self) -> str:
        return self.choice.code

    @property
    def hidden_collections(self) -> frozenset[int]:
        return self.facts.hidden_collections

    @cached_property
    def nested(self) -> NestedVisibility:
        """The visibility rule for what this answer nests, remembered for the answer."""
        return NestedVisibility(self.site)

    @property
    def website_url(self) -> str:
        return self.facts.website_url or self.request.build_absolute_uri("/").rstrip("/")

    def public_url(self, page: Page) -> str:
        return public_url(page, self.facts, self.website_url)

    def api_url(self, path: str) -> str:
        return self.absolute_url(f"/api/v1/{path.lstrip('/')}")

    @cached_property
    def origin(self) -> str:
        """`scheme://host` of this request, worked out once (a list links ~150 URLs to it)."""
        return self.request.build_absolute_uri("/").rstrip("/")

    def absolute_url(self, location: str) -> str:
        """An absolute URL for a path on this host (or the location itself when it is one)."""
        if location.startswith("/") and not location.startswith("//") and "/." not in location:
            return self.origin + iri_to_uri(location)
        return self.request.build_absolute_uri(location)

    def locale_code(self, locale_id: int) -> str:
        return self.choice.codes.get(locale_id, "")


def api_context(request: HttpRequest, locale: str | None, fallback: bool = True) -> ApiContext:
    site = find_site(request)
    facts = site_facts(site)
    return ApiContext(request, site, facts, negotiate(request, facts.locales, locale, fallback))


def public_url(page: Page, facts: SiteFacts, website_url: str) -> str:
    """The page on the public website: its path below the site root, prefixed by non-default languages.

    One rule for every channel that links to the website: API answers, feeds, webhooks.
    """
    _path, root = facts.root_paths.get(page.locale_id, ("", ""))
    relative = page.url_path[len(root) :] if root and page.url_path.startswith(root) else page.url_path
    codes = {locale.pk: code for code, locale in facts.locales.items()}
    default = facts.locales.get(settings.LANGUAGE_CODE)
    prefix = (
        "" if default is not None and page.locale_id == default.pk else f"{codes.get(page.locale_id, '')}/"
    )
    return f"{website_url}/{prefix}{relative.lstrip('/')}"


def visible(ctx: ApiContext, source: type[Model] | QuerySet, now: datetime | None = None) -> QuerySet:
    """What the public may see of a page model (or queryset) in the answer's language, with the
    default language standing in where a translation is missing (if the request allows it); `now`
    as for `visible_pages`."""
    return visible_to(source, ctx.site, now, [locale.pk for locale in ctx.choice.answering])


def rule_key(ctx: ApiContext, *more: object) -> tuple:
    """The start of a compiled query's shape (cms.core.compiled) that the visibility rule rests on:
    the site and the facts the rule writes into SQL (`rule_shape`); `more` for the query's own."""
    return (ctx.site, rule_shape(ctx.site), *more)


def visible_to(
    source: type[Model] | QuerySet, site: Site, now: datetime | None, locale_ids: Sequence[int]
) -> QuerySet:
    """`visible` with the site, the moment and the answer's locale chain (ids) given as values: the
    form a query compiled once per shape (cms.core.compiled) binds them in."""
    queryset = source if isinstance(source, QuerySet) else source._default_manager.all()
    return with_fallback_ids(visible_pages(queryset, site, now), locale_ids)
