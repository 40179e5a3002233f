"""The one visibility rule (DESIGN principle 2): what the public may see.

Every endpoint, feed, renderer, search result and cache key goes through these functions.
The slowly changing facts they rest on (site roots, view restrictions, hidden collections) are read
once and cached under a version that any change to them bumps (cms.publishing), so reads cost no
queries for them and a new restriction takes effect on the next request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site

from . import versions
from .versions import remembered


@dataclass(frozen=True)
class SiteFacts:
    site_id: int
    website_url: str  # the public website of the site ('' when not configured)
    cors_origins: frozenset[str]  # browser origins allowed to call the API for this site
    locales: dict[str, Locale]  # configured content languages, default first
    root_paths: dict[int, tuple[str, str]]  # locale id → (tree path, url_path) of the site root
    restricted_paths: tuple[str, ...]  # pages with a view restriction (their subtrees are hidden)
    hidden_collections: frozenset[int]


@dataclass(frozen=True)
class SiteSettingsFacts:
    """What the kernel needs of a site's settings (kept by the channels app `sites`)."""

    website_url: str = ""
    preview_url: str = ""
    cors_origins: tuple[str, ...] = ()


def _no_settings(site: Site) -> SiteSettingsFacts:
    return SiteSettingsFacts()


_settings_reader: Callable[[Site], SiteSettingsFacts] = _no_settings


def read_site_settings_with(reader: Callable[[Site], SiteSettingsFacts]) -> None:
    """The app that owns site settings plugs in how they are read: the kernel imports no app."""
    global _settings_reader
    _settings_reader = reader


def site_settings(site: Site) -> SiteSettingsFacts:
    """The site's settings as stored now (uncached: callers that need speed use site_facts)."""
    return _settings_reader(site)


def facts_version() -> int:
    return versions.current(versions.VISIBILITY)


def _load_facts(site: Site) -> SiteFacts:
    root = Page.objects.only("translation_key").get(pk=site.root_page_id)
    roots = Page.objects.filter(translation_key=root.translation_key).values_list(
        "locale_id", "path", "url_path"
    )
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    collections = list(
        Collection.objects.filter(view_restrictions__isnull=False).values_list("path", flat=True)
    )
    hidden: set[int] = set()
    if collections:
        query = reduce(or_, (Q(path__startswith=path) for path in collections))
        hidden = set(Collection.objects.filter(query).values_list("pk", flat=True))
    stored = site_settings(site)
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    by_code = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    return SiteFacts(
        site_id=site.pk,
        website_url=stored.website_url.rstrip("/"),
        cors_origins=frozenset(stored.cors_origins),
        locales={code: by_code[code] for code in codes if code in by_code},
        root_paths={locale_id: (path, url_path) for locale_id, path, url_path in roots},
        restricted_paths=tuple(sorted(set(restricted))),
        hidden_collections=frozenset(hidden),
    )


def find_site(request) -> Site:
    """The site for a request's host (default site otherwise), from a cached list of sites."""
    sites = remembered(
        "sites",
        facts_version(),
        lambda: list(Site.objects.select_related(None).order_by("-is_default_site", "hostname")),
    )
    host = request.get_host().split(":")[0].lower() if request is not None else ""
    return next((site for site in sites if site.hostname == host), None) or next(
        (site for site in sites if site.is_default_site), sites[0]
    )


def site_facts(site: Site) -> SiteFacts:
    return remembered(f"site-facts:{site.pk}", facts_version(), lambda: _load_facts(site))


def visible_pages(queryset: QuerySet, site: Site) -> QuerySet:
    """Live, within go-live/expiry, inside the site, and not under a password, login or group restriction."""
    # aliases would repeat their original
    return visible_in_site(queryset.filter(live=True, alias_of__isnull=True), site)


def visible_in_site(queryset: QuerySet, site: Site) -> QuerySet:
    """The rule's checks that read only a row's `path`, `go_live_at` and `expire_at`: inside the site,
    within go-live/expiry, not under a restriction.

    Split out so a table that holds copies of those facts for live pages only (the search table,
    search.models.SearchEntry) is held to the same rule without joining the page table.
    """
    facts = site_facts(site)
    now = timezone.now()
    in_site = reduce(
        or_, (Q(path__startswith=path) for path, _url in facts.root_paths.values()), Q(pk__in=[])
    )
    queryset = (
        queryset.filter(in_site)
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )
    for path in facts.restricted_paths:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def is_visible_image(image, site: Site) -> bool:
    return image is not None and image.collection_id not in site_facts(site).hidden_collections
