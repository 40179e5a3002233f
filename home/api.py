"""Website support: configured languages, the category vocabulary, and per-site menu trees."""

from typing import Literal

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.models import Page, Site

from cms.core import registry
from cms.core.context import ApiContext, api_context
from cms.core.i18n import fallback_codes, negotiate
from cms.core.params import strict_query
from cms.core.problems import PROBLEM_RESPONSES, bad_param
from cms.core.visibility import find_site, site_facts, visible_pages
from media.bodies import stream_data
from media.schemas import ImageOut, image_data
from tourism.items.common import ItemBase, category_names, item_base
from tourism.models import Category

from .models import HomePage, StandardPage

router = Router(tags=["Website"])
KINDS = Literal[registry.names()]
ITEM_TYPES = Literal[(registry.PAGE, *registry.names())]

MENU_DEPTH = 3  # levels below the site root


class LocaleOut(Schema):
    code: str
    name: str
    default: bool
    fallbacks: list[str] = Field(
        description="The languages served, in order, where this one has no live version (ends in the default)."
    )


class CategoryParams(Schema):
    kind: KINDS | None = Field(None, description="Only categories of this kind.")
    locale: str | None = Field(None, max_length=10, description="Language code, e.g. de or en.")


class WebsiteCategoryOut(Schema):
    slug: str
    name: str
    kind: str
    icon: str
    schema_type: str


class CategoryList(Schema):
    count: int
    items: list[WebsiteCategoryOut]


class NavigationParams(Schema):
    site: str | None = Field(
        None, max_length=255, description="Hostname (or id) of a site; default: the site of the request."
    )
    locale: str | None = Field(None, max_length=10, description="Language code, e.g. de or en.")


class MenuNode(Schema):
    id: int
    title: str
    url: str
    api_url: str | None
    type: ITEM_TYPES
    children: list["MenuNode"]


MenuNode.model_rebuild()


class NavigationOut(Schema):
    site: str
    locale: str = Field(description="Language of the tree's pages.")
    is_fallback: bool = Field(
        description="True when the site root has no live version in the requested locale."
    )
    fallback_locale: str | None = Field(
        description="With `is_fallback`: the language of the tree served instead (from the chain), else null."
    )
    root: MenuNode | None


class PageDetail(ItemBase):
    """A page of the city presence (home or standard page) with the item fields of API.md."""

    type: Literal[registry.PAGE]
    api_url: str | None = Field(description="Always null: pages have no typed endpoint of their own.")
    image: ImageOut | None
    body: list[dict]


# --- pages ---------------------------------------------------------------------------------------


def page_detail(page: HomePage | StandardPage, ctx: ApiContext) -> dict:
    """A home or standard page in the item shape; used for previews (there is no page endpoint yet)."""
    return {
        **item_base(page, ctx),
        "image": image_data(page.image, ctx),
        "body": stream_data(page.body, ctx),
    }


# --- locales -------------------------------------------------------------------------------------


def locales_data(request: HttpRequest) -> list[dict]:
    """The configured content languages that exist as locales, default first."""
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    facts = site_facts(find_site(request))
    return [
        {
            "code": code,
            "name": names.get(code, code),
            "default": code == settings.LANGUAGE_CODE,
            "fallbacks": [other for other in fallback_codes(code) if other in facts.locales],
        }
        for code in facts.locales
    ]


@router.get("/locales", response={200: list[LocaleOut], **PROBLEM_RESPONSES}, summary="Content languages")
@strict_query()
def list_locales(request: HttpRequest):
    """The languages content is offered in; `default` marks the source language used for fallbacks.

    Consumers: the city website's language switcher, partner apps.
    """
    return locales_data(request)


# --- categories ----------------------------------------------------------------------------------


def categories_list(ctx: ApiContext, kind: str | None) -> list[dict]:
    """Source-language categories named in the answer's language (else the source name): one query,
    the names from `category_names`."""
    queryset = Category.objects.filter(locale=ctx.choice.default)
    names = category_names(ctx)
    if kind:
        queryset = queryset.filter(kind=kind)
    items = [
        {
            "slug": category.slug,
            "name": names.get(category.translation_key) or category.name,
            "kind": category.kind,
            "icon": category.icon,
            "schema_type": category.schema_type,
        }
        for category in queryset
    ]
    items.sort(key=lambda item: (item["kind"], item["name"].casefold(), item["slug"]))
    return items


@router.get("/categories", response={200: CategoryList, **PROBLEM_RESPONSES}, summary="Categories")
@strict_query(CategoryParams)
def list_categories(request: HttpRequest, params: Query[CategoryParams]):
    """Every category (slug as used by the `category` filters) with its name in the requested language.

    Consumers: the city website's filter menus, partner apps.
    """
    ctx = api_context(request, params.locale)
    items = categories_list(ctx, params.kind)
    return {"count": len(items), "items": items}


# --- navigation ----------------------------------------------------------------------------------


def resolve_site(request: HttpRequest, raw: str | None) -> Site:
    """The site named by hostname or id; without one, the site of the request."""
    if raw is None:
        return find_site(request)
    value = raw.strip().lower()
    query = Q(hostname=value)
    if value.isdigit() and len(value) <= 18:
        query |= Q(pk=int(value))
    site = Site.objects.filter(query).order_by("-is_default_site", "port", "pk").first() if value else None
    if site is None:
        raise bad_param("site", f"unknown site '{raw[:60]}'")
    return site


def _menu_pages(ctx: ApiContext, root_path: str) -> list[Page]:
    """The visible root and its visible menu pages down to MENU_DEPTH levels, in tree order (one query)."""
    depth = len(root_path) // Page.steplen
    queryset = Page.objects.filter(path__startswith=root_path, depth__lte=depth + MENU_DEPTH).filter(
        Q(path=root_path) | Q(show_in_menus=True)
    )
    return list(
        visible_pages(queryset, ctx.site)
        .select_related("content_type")
        .only(
            "pk",
            "title",
            "path",
            "depth",
            "url_path",
            "locale_id",
            "content_type__app_label",
            "content_type__model",
        )
        .order_by("path")
    )


def _node(page: Page, ctx: ApiContext) -> dict:
    model = page.content_type.model_class()
    kind, path = registry.type_name(model), registry.api_path(model, page.pk)
    return {
        "id": page.pk,
        "title": page.title,
        "url": ctx.public_url(page),
        "api_url": ctx.api_url(path) if path else None,
        "type": kind,
        "children": [],
    }


def menu_tree(ctx: ApiContext) -> tuple[dict | None, int | None]:
    """The menu tree of the context's site in its locale (else along its chain), and that locale.

    Pages whose parent is not in the menu (hidden, or not shown in menus) are left out with it.
    """
    roots = ctx.facts.root_paths
    for locale_id in ctx.choice.preference_ids:
        if locale_id not in roots:
            continue
        root_path = roots[locale_id][0]
        pages = _menu_pages(ctx, root_path)
        if not pages or pages[0].path != root_path:
            continue  # the root has no visible version in this locale
        nodes = {page.path: _node(page, ctx) for page in pages}
        for page in pages[1:]:
            parent = nodes.get(page.path[: -Page.steplen])
            if parent is not None:
                parent["children"].append(nodes[page.path])
            else:
                nodes.pop(page.path)  # an orphan: its descendants find no parent either
        return nodes[root_path], locale_id
    return None, None


@router.get("/navigation", response={200: NavigationOut, **PROBLEM_RESPONSES}, summary="Menu tree")
@strict_query(NavigationParams)
def navigation(request: HttpRequest, params: Query[NavigationParams]):
    """The site root and its pages marked "show in menus", nested three levels deep, in tree order.

    Consumers: the city website's main menu and footer.
    """
    site = resolve_site(request, params.site)
    facts = site_facts(site)
    ctx = ApiContext(request, site, facts, negotiate(request, facts.locales, params.locale))
    root, locale_id = menu_tree(ctx)
    return {
        "site": site.hostname,
        "locale": ctx.locale_code(locale_id) if locale_id else ctx.code,
        "is_fallback": locale_id is not None and locale_id != ctx.locale.pk,
        "fallback_locale": ctx.choice.fallback_locale(locale_id) if locale_id is not None else None,
        "root": root,
    }
