"""Locale negotiation and fallback for every endpoint: `locale`, then Accept-Language, then the default."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale

from .problems import ApiProblem, bad_param


class LanguageSource(StrEnum):
    PARAM = "param"  # the `locale` parameter (or a language the caller decided on)
    HEADER = "header"  # an Accept-Language header, whether or not it names a configured language
    DEFAULT = "default"  # neither: the client did not say


@dataclass(frozen=True)
class LanguageRequest:
    """The language a request asks for and how it asked.

    The API answers from it and the answer cache keys by it: two readings of the request could
    disagree, and the cache would hand one language's answer to a request for another.
    """

    code: str  # a configured code; for the parameter, the code as asked (it may be unknown)
    source: LanguageSource

    @property
    def explicit(self) -> bool:
        """Whether the client chose: only when it did not may a detail answer in its item's language."""
        return self.source is not LanguageSource.DEFAULT

    @property
    def key(self) -> str:
        """Distinct for every request that may get an answer in another language."""
        return f"{self.source.value}:{self.code[:20]}"


def language_request(request: HttpRequest, codes: Sequence[str], locale_param: str | None) -> LanguageRequest:
    """`locale`, else the first configured language of Accept-Language, else the default (codes[0]).

    No database access: the answer cache asks this before it decides to run a view.
    """
    if locale_param is not None:
        return LanguageRequest(locale_param.strip().lower(), LanguageSource.PARAM)
    default = codes[0] if codes else ""
    header = request.headers.get("Accept-Language")
    if header is None:
        return LanguageRequest(default, LanguageSource.DEFAULT)
    for code, _quality in parse_accept_lang_header(header[:500]):
        base = code.split("-")[0].lower()
        if base in codes:
            return LanguageRequest(base, LanguageSource.HEADER)
    return LanguageRequest(default, LanguageSource.HEADER)


def query_locale(request: HttpRequest) -> str | None:
    """The `locale` parameter as the views read it (the last one), parsing only a query that may name it.

    Most reads name no parameter; a percent-encoded name (`%6Cocale`) is still the parameter to them.
    """
    raw = request.META.get("QUERY_STRING", "")
    if "locale" in raw or "%" in raw:
        return request.GET.get("locale")
    return None


@dataclass(frozen=True)
class LocaleChoice:
    locale: Locale
    default: Locale
    fallback: bool
    codes: dict[int, str]  # every configured locale: id → language code
    asked: LanguageRequest  # what the request asked for, which the answer cache keys by

    @property
    def code(self) -> str:
        return self.locale.language_code


def unknown_locale(given: str | None, locales: Iterable[str]) -> ApiProblem:
    """The 400 for a `locale` parameter that names no configured language (every endpoint's wording)."""
    return bad_param("locale", f"unknown locale '{(given or '')[:20]}'; one of {', '.join(locales)}")


def known_locale(given: str | None, locales: Iterable[str]) -> str | None:
    """A `locale` parameter that filters rather than negotiates: None (all) or a configured code."""
    if given is not None and given not in locales:
        raise unknown_locale(given, locales)
    return given


def negotiate(
    request: HttpRequest, locales: dict[str, Locale], locale_param: str | None, fallback: bool = True
) -> LocaleChoice:
    """The language of the answer; remembered on the request for Content-Language."""
    default = locales[settings.LANGUAGE_CODE]
    asked = language_request(request, list(locales), locale_param)
    if asked.code not in locales:
        raise unknown_locale(locale_param, locales)
    chosen = locales[asked.code]
    request.roland_locale = chosen.language_code  # type: ignore[attr-defined]
    return LocaleChoice(chosen, default, fallback, {loc.pk: code for code, loc in locales.items()}, asked)


def with_fallback(queryset: QuerySet, choice: LocaleChoice) -> QuerySet:
    """Items in the chosen locale, plus (with fallback) default-locale items that lack a visible translation."""
    in_locale = queryset.filter(locale=choice.locale)
    if choice.locale.pk == choice.default.pk or not choice.fallback:
        return in_locale
    translated = queryset.filter(locale=choice.locale).values("translation_key")
    return queryset.filter(
        Q(locale=choice.locale) | (Q(locale=choice.default) & ~Q(translation_key__in=translated))
    )
