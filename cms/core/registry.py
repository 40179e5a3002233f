"""The one registry of content types: which page model is which API `type`, and where it lives.

An app registers its types once, beside their models (tourism/models/__init__.py); the API,
webhooks, CDN purges, search, navigation and related links read them here. Adding a content type
(tours, say) is a model, its registration, and its endpoints — no list elsewhere to extend.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PAGE = "page"  # every other page: no typed endpoint, its detail is in Wagtail's stock v2 API
PAGE_LABEL = _("Page")


@dataclass(frozen=True)
class ContentType:
    name: str  # the API's `type`, also the webhook item type and the search kind: "poi"
    collection: str  # the /api/v1/ collection: /api/v1/pois, /api/v1/pois/{id}
    model: type
    label: str | Promise  # what an editor reads in choices (German in the admin): "Ort"
    plural: str | Promise = ""  # a collection of them, for titles (the open-data catalogue): "Orte"
    feeds: tuple[str, ...] = ()  # further files of the collection a client polls: "pois.geojson"
    searchable: bool = True  # written to the own search table and answered by /api/v1/search

    @property
    def plural_label(self) -> str | Promise:
        return self.plural or self.label

    def detail_path(self, pk: int) -> str:
        return f"{self.collection}/{pk}"


_by_name: dict[str, ContentType] = {}
_by_model: dict[type, ContentType] = {}


def register(content_type: ContentType) -> ContentType:
    known = _by_name.get(content_type.name)
    if known is not None and known.model is not content_type.model:
        raise ValueError(f"content type {content_type.name!r} is registered for {known.model.__name__}")
    _by_name[content_type.name] = content_type
    _by_model[content_type.model] = content_type
    return content_type


def types() -> list[ContentType]:
    return list(_by_name.values())


def searchable() -> list[ContentType]:
    return [content_type for content_type in _by_name.values() if content_type.searchable]


def names() -> tuple[str, ...]:
    """The registered type names in registration order (API enums list them so)."""
    return tuple(_by_name)


def choices() -> list[tuple[str, str | Promise]]:
    """Model field choices of the content types (a callable, so migrations do not copy the list)."""
    return [(content_type.name, content_type.label) for content_type in _by_name.values()]


def searchable_choices() -> list[tuple[str, str | Promise]]:
    return [(content_type.name, content_type.label) for content_type in searchable()]


def choices_with_page() -> list[tuple[str, str | Promise]]:
    """The types an item of any page can have: the registered ones and the plain `page`."""
    return [*choices(), (PAGE, PAGE_LABEL)]


def named(name: str) -> ContentType | None:
    return _by_name.get(name)


def of_model(model: type) -> ContentType | None:
    """The type of a page class (a specific class; a plain Page has none)."""
    return _by_model.get(model)


def type_name(model: type) -> str:
    content_type = _by_model.get(model)
    return content_type.name if content_type else PAGE


def stock_detail(pk: int) -> str:
    """A page's detail in Wagtail's stock v2 API (every page has one)."""
    return f"/api/wagtail/v2/pages/{pk}/"


def detail_location(model: type, pk: int) -> str:
    """Where a page's detail lives: its /api/v1/ detail, else its stock v2 detail."""
    path = api_path(model, pk)
    return f"/api/v1/{path}" if path else stock_detail(pk)


def api_path(model: type, pk: int) -> str | None:
    """`pois/12` for a typed page, None for pages that only stock v2 shows."""
    content_type = _by_model.get(model)
    return content_type.detail_path(pk) if content_type else None
