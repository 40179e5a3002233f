"""The one visibility rule (DESIGN principle 2): what the public may see.

Every endpoint, feed, renderer, search result and cache key goes through these functions.
The slowly changing facts they rest on (site roots, view restrictions, hidden collections) are read
once and cached under a version that any change to them bumps (cms.publishing), so reads cost no
queries for them and a new restriction takes effect on the next request.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionMember, Locale, Page, PageViewRestriction, Site
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from . import versions
from .versions import remembered


@dataclass(frozen=True)
class SiteFacts:
    site_id: int
    website_url: str  # the public website of the site ('' when not configured)
    publisher: str  # who publishes the site's data (linked data names them as its publisher)
    licence_url: str  # the dataset licence of the site's data (linked data carries it per item)
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
    publisher: str = ""
    licence_url: str = ""


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
    stored = site_settings(site)
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    by_code = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    return SiteFacts(
        site_id=site.pk,
        website_url=stored.website_url.rstrip("/"),
        publisher=stored.publisher or site.site_name,
        licence_url=stored.licence_url,
        cors_origins=frozenset(stored.cors_origins),
        locales={code: by_code[code] for code in codes if code in by_code},
        root_paths={locale_id: (path, url_path) for locale_id, path, url_path in roots},
        restricted_paths=tuple(sorted(set(restricted))),
        hidden_collections=hidden_collection_ids(),
    )


def _load_hidden_collections() -> frozenset[int]:
    collections = list(
        Collection.objects.filter(view_restrictions__isnull=False).values_list("path", flat=True)
    )
    if not collections:
        return frozenset()
    query = reduce(or_, (Q(path__startswith=path) for path in collections))
    return frozenset(Collection.objects.filter(query).values_list("pk", flat=True))


def hidden_collection_ids() -> frozenset[int]:
    """Collections under a view restriction (their own or an ancestor's), the same for every site:
    their images and documents are shown to nobody through the API, and their files only to those
    who pass the restriction (`passes_collection_restrictions`)."""
    return remembered("hidden-collections", facts_version(), _load_hidden_collections)


def passes_collection_restrictions(request, collection: Collection) -> bool:
    """Whether the request passed every view restriction of the collection and its ancestors
    (password entered in this session, logged in, in an allowed group): Wagtail's own check."""
    return all(restriction.accept_request(request) for restriction in collection.get_view_restrictions())


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


def visible_pages(queryset: QuerySet, site: Site, now: datetime | None = None) -> QuerySet:
    """Live, within go-live/expiry, inside the site, and not under a password, login or group restriction.

    `now` (default: the clock) lets a query compiled once per shape (cms.core.compiled) take the
    moment as a bound value."""
    # aliases would repeat their original
    return visible_in_site(queryset.filter(live=True, alias_of__isnull=True), site, now)


def visible_in_site(queryset: QuerySet, site: Site, now: datetime | None = None) -> QuerySet:
    """The rule's checks that read only a row's `path`, `go_live_at` and `expire_at`: inside the site,
    within go-live/expiry, not under a restriction.

    Split out so a table that holds copies of those facts for live pages only (the search table,
    search.models.SearchEntry) is held to the same rule without joining the page table.
    """
    facts = site_facts(site)
    now = timezone.now() if now is None else now
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


def rule_shape(site: Site) -> tuple:
    """What of the rule's facts `visible_in_site` writes into a query's SQL text (the site's root
    paths, the restricted paths), to key a query compiled once per shape (cms.core.compiled) by: a
    new restriction or root makes a new shape, whatever the version counters say."""
    facts = site_facts(site)
    return (site.pk, tuple(path for path, _url in facts.root_paths.values()), facts.restricted_paths)


# --- Nested objects ------------------------------------------------------------------------------
# What an item shows of other objects (its venue, related links, images, gallery, the pages,
# documents and images its body links) obeys the same rule as the item: a hidden object contributes
# nothing, not even a title, alt text, credit or file name. Every serializer of a nested object asks
# these functions; pages are checked with the full rule, in bulk where an answer nests many.


def visible_page_ids(ids: Iterable[int], site: Site) -> set[int]:
    """The ids among `ids` of pages the public may see (one query; none for no ids)."""
    wanted = set(ids)
    if not wanted:
        return set()
    return set(visible_pages(Page.objects.filter(pk__in=wanted), site).values_list("pk", flat=True))


def visible_image(image, site: Site):
    """The image, or None when there is none or it sits in a restricted collection (no query)."""
    return _shown_member(image, site_facts(site).hidden_collections)


def _shown_member(member, hidden: frozenset[int]):
    return member if member is not None and member.collection_id not in hidden else None


class NestedVisibility:
    """The rule for the objects one answer nests, remembered for that answer.

    `learn` notes what the answer will ask about; the first question then decides everything noted
    at once (one query for the pages, one per media model for images or documents known by id only),
    so a list whose items each link a venue or a page costs a fixed number of queries. An image or
    document object is decided by its collection, without a query.
    """

    def __init__(self, site: Site) -> None:
        self.site = site
        self.hidden_collections = site_facts(site).hidden_collections
        self._pages: dict[int, Page | None] = {}  # id → a light row of the visible page, None if hidden
        self._members: dict[tuple[type, int], bool] = {}
        self._pending_pages: set[int] = set()
        self._pending_members: dict[type, set[int]] = {}

    def learn(self, references: Iterable) -> None:
        """Note objects, or (model, id) pairs such as Wagtail's reference extractors yield."""
        for reference in references:
            if reference is None:
                continue
            if isinstance(reference, Page | CollectionMember):
                model, pk = type(reference), reference.pk
            elif isinstance(reference, Model):
                continue  # a snippet such as an organizer: nothing the rule hides
            else:
                model, pk = reference[0], int(reference[1]) if str(reference[1]).isdigit() else None
            if pk is None:
                continue
            if issubclass(model, Page):
                if pk not in self._pages:
                    self._pending_pages.add(pk)
            elif isinstance(reference, CollectionMember):
                self._members[model, pk] = reference.collection_id not in self.hidden_collections
            elif issubclass(model, CollectionMember) and (model, pk) not in self._members:
                self._pending_members.setdefault(model, set()).add(pk)

    def page(self, pk: int) -> Page | None:
        """A light row (title, path, url_path, locale) of the page when it is visible, else None."""
        if pk not in self._pages:
            ids, self._pending_pages = self._pending_pages | {pk}, set()
            rows = visible_pages(Page.objects.filter(pk__in=ids), self.site).only(
                "pk", "title", "path", "url_path", "locale_id"
            )
            found = {row.pk: row for row in rows}
            self._pages.update({pk: found.get(pk) for pk in ids})
        return self._pages[pk]

    def shows(self, model: type, pk: int | str) -> bool:
        """Whether the object of `model` with this id may be shown (an unknown id may not)."""
        if not str(pk).isdigit():
            return False
        pk = int(pk)
        if issubclass(model, Page):
            return self.page(pk) is not None
        if not issubclass(model, CollectionMember):
            return True
        if (model, pk) not in self._members:
            ids = self._pending_members.pop(model, set()) | {pk}
            collections = dict(model.objects.filter(pk__in=ids).values_list("pk", "collection_id"))
            hidden = self.hidden_collections
            self._members.update(
                {(model, key): key in collections and collections[key] not in hidden for key in ids}
            )
        return self._members[model, pk]

    def visible(self, obj):
        """The object itself when the public may see it (anything but a page or a collection member
        passes), else None."""
        if isinstance(obj, Page):
            return obj if self.page(obj.pk) is not None else None
        if isinstance(obj, CollectionMember):
            return _shown_member(obj, self.hidden_collections)
        return obj


def rich_text_references(html: str) -> list[tuple[type, str]]:
    """(model, id) of the pages and documents rich text links and the images it embeds."""
    references = []
    for match in FIND_A_TAG.finditer(html):
        attrs = extract_attrs(match.group(1))
        model = _linked_model(attrs.get("linktype"))
        if model is not None:
            references.append((model, attrs.get("id", "")))
    for match in FIND_EMBED_TAG.finditer(html):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") == "image":
            references.append((get_image_model(), attrs.get("id", "")))
    return references


def without_hidden_links(html: str, nested: NestedVisibility) -> str:
    """Rich text (database HTML) whose links to hidden pages and documents lose their target and keep
    their text, and whose embeds of hidden images are gone.

    A kept target would name what it hides: its URL (slug, file name) once the link is resolved, its
    title in formats that resolve links. What the editor wrote around it stays readable.
    """
    if "linktype=" not in html and "embedtype=" not in html:
        return html
    nested.learn(rich_text_references(html))

    def link(match: re.Match) -> str:
        attrs = extract_attrs(match.group(1))
        model = _linked_model(attrs.get("linktype"))
        return "<a>" if model is not None and not nested.shows(model, attrs.get("id", "")) else match[0]

    def embed(match: re.Match) -> str:
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") == "image" and not nested.shows(get_image_model(), attrs.get("id", "")):
            return ""
        return match[0]

    return FIND_EMBED_TAG.sub(embed, FIND_A_TAG.sub(link, html))


def _linked_model(linktype: str | None) -> type | None:
    """The model a rich text link type points to (page and document links; others are left alone)."""
    return {"page": Page, "document": get_document_model()}.get(linktype or "")
