"""Locale negotiation and fallback for every endpoint: `locale`, then Accept-Language, then the default.

A language that has no version of an item falls back along its chain (ROLAND_FALLBACKS, e.g.
Leichte Sprache → German, Polish → English → German); every chain ends in the default language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale

from .problems import ApiProblem, bad_param

logger = logging.getLogger("roland.i18n")

EASY_LANGUAGE = "de-x-ls"  # Leichte Sprache: German with a BCP 47 private-use subtag
FALLBACKS_SETTING = "ROLAND_FALLBACKS"

Row = TypeVar("Row")


class FallbackError(ValueError):
    """A ROLAND_FALLBACKS value that cannot be used; the message names the entry at fault."""


def parse_fallbacks(raw: str, languages: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Each configured language's stand-ins in order, ending in the default (languages[0]).

    `de-x-ls:de,pl:en:de`: a language, then the languages that stand in for it. The default may be
    left out at the end; languages without an entry fall back to the default; the default has none.
    Chains are complete as written (`pl:en` does not follow `en`'s own chain).
    """
    configured = [code.lower() for code in languages]
    default = configured[0] if configured else ""
    chains: dict[str, tuple[str, ...]] = {}
    for entry in (part.strip() for part in raw.split(",")):
        if not entry:
            continue
        codes = [code.strip().lower() for code in entry.split(":")]
        if len(codes) < 2 or "" in codes:
            raise FallbackError(
                f"'{entry}': expected a language and its fallbacks separated by ':', e.g. de-x-ls:de"
            )
        unknown = [code for code in codes if code not in configured]
        if unknown:
            raise FallbackError(
                f"'{entry}': unknown language '{unknown[0]}' (not in ROLAND_LANGUAGES: {', '.join(configured)})"
            )
        head, rest = codes[0], codes[1:]
        if head == default:
            raise FallbackError(f"'{entry}': the default language '{default}' falls back to nothing")
        if head in rest:
            raise FallbackError(f"'{entry}': '{head}' falls back to itself")
        repeated = next((code for index, code in enumerate(rest) if code in rest[:index]), None)
        if repeated is not None:
            raise FallbackError(f"'{entry}': '{repeated}' comes twice, the chain goes round in a cycle")
        if default in rest[:-1]:
            raise FallbackError(f"'{entry}': the default language '{default}' must come last")
        if head in chains:
            raise FallbackError(f"'{entry}': a second chain for '{head}'")
        chains[head] = tuple(rest) if rest[-1] == default else (*rest, default)
    return {code: chains.get(code, () if code == default else (default,)) for code in configured}


@lru_cache(maxsize=8)
def _configured_chains(raw: str, languages: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    try:
        return parse_fallbacks(raw, languages)
    except FallbackError as error:
        # `manage.py check` (roland.E001) refuses this before a deployment; a running process
        # keeps serving, each language falling back to the default only.
        logger.error("%s is not used: %s", FALLBACKS_SETTING, error)
        return parse_fallbacks("", languages)


def fallback_chains() -> dict[str, tuple[str, ...]]:
    """The configured chains (see parse_fallbacks): language code → its stand-ins, in order."""
    languages = tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
    return _configured_chains(getattr(settings, FALLBACKS_SETTING, ""), languages)


def fallback_codes(code: str) -> tuple[str, ...]:
    """The languages that stand in for `code`, in order (the default for an unlisted language)."""
    chains = fallback_chains()
    if code in chains:
        return chains[code]
    default = settings.LANGUAGE_CODE
    return () if code == default else (default,)


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
        matched = match_tag(code, codes)
        if matched is not None:
            return LanguageRequest(matched, LanguageSource.HEADER)
    return LanguageRequest(default, LanguageSource.HEADER)


def match_tag(tag: str, codes: Sequence[str]) -> str | None:
    """The configured code a language tag names: the whole tag, else the tag cut back subtag by subtag
    (RFC 4647 lookup): `de-x-ls` is Leichte Sprache, `de-DE` and `de-x-other` are German."""
    parts = tag.lower().split("-")
    while parts:
        candidate = "-".join(parts)
        if candidate in codes:
            return candidate
        parts.pop()
        if len(parts) > 1 and len(parts[-1]) == 1:
            parts.pop()  # a singleton (`x`) never ends a tag
    return None


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
    chain: tuple[Locale, ...] = ()  # the locales that stand in for `locale`, in order (ends in the default)
    ranks: dict[int, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        chain = self.chain if self.chain or self.locale.pk == self.default.pk else (self.default,)
        object.__setattr__(self, "chain", chain)
        object.__setattr__(self, "ranks", {locale.pk: rank for rank, locale in enumerate(self.preference)})

    @property
    def code(self) -> str:
        return self.locale.language_code

    @property
    def preference(self) -> tuple[Locale, ...]:
        """The chosen locale, then its stand-ins: the order in which a version of anything is picked."""
        return (self.locale, *self.chain)

    @property
    def answering(self) -> tuple[Locale, ...]:
        """The locales whose items a list may show: the whole chain with fallback, else the chosen one."""
        return self.preference if self.fallback else (self.locale,)

    @property
    def preference_ids(self) -> list[int]:
        return [locale.pk for locale in self.preference]

    def rank(self, locale_id: int) -> int:
        """How far down the chain a locale is (0: the chosen one); past the end for other locales."""
        return self.ranks.get(locale_id, len(self.ranks))

    def fallback_locale(self, locale_id: int) -> str | None:
        """The language served in place of the chosen one, or None when the item is in it."""
        return None if locale_id == self.locale.pk else self.codes.get(locale_id) or None

    def best(self, rows: Iterable[Row], key: Callable[[Row], Any], locale_id: Callable[[Row], int]) -> dict:
        """Per key, the row in the earliest locale of the chain (rows of other locales are ignored)."""
        found: dict = {}
        for row in rows:
            rank = self.ranks.get(locale_id(row))
            if rank is None:
                continue
            current = found.get(key(row))
            if current is None or rank < current[0]:
                found[key(row)] = (rank, row)
        return {name: row for name, (_rank, row) in found.items()}


def unknown_locale(given: str | None, locales: Iterable[str]) -> ApiProblem:
    """The 400 for a `locale` parameter that names no configured language (every endpoint's wording)."""
    return bad_param("locale", f"unknown locale '{(given or '')[:20]}'; one of {', '.join(locales)}")


# Roland's own HTML pages (the partner page, the submission form and its status page) are in German
# and English, whatever the content languages are.
PAGE_LANGUAGES = ("de", "en")


def page_language(request: HttpRequest, codes: Sequence[str] = PAGE_LANGUAGES) -> str:
    """The language of one of Roland's own pages: `?lang=`, else the first of them in Accept-Language,
    else the first. Another `lang` is an ApiProblem (400 naming `lang`), as a `locale` would be."""
    asked = request.GET.get("lang")
    if asked is None:
        return language_request(request, codes, None).code
    code = asked.strip().lower()
    if code not in codes:
        raise bad_param("lang", f"'{asked[:20]}' is not one of {', '.join(codes)}")
    return code


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
    chain = tuple(locales[code] for code in fallback_codes(asked.code) if code in locales)
    if chosen.pk != default.pk and default not in chain:
        chain = (*chain, default)
    codes = {loc.pk: code for code, loc in locales.items()}
    return LocaleChoice(chosen, default, fallback, codes, asked, chain)


def with_fallback(queryset: QuerySet, choice: LocaleChoice) -> QuerySet:
    """Items in the chosen locale, plus (with fallback) each item's version in the first locale of the
    chain that has a visible one: one subquery per step of the chain, whatever the number of items."""
    return with_fallback_ids(queryset, [locale.pk for locale in choice.answering])


def with_fallback_ids(queryset: QuerySet, locale_ids: Sequence[int]) -> QuerySet:
    """`with_fallback` for the chain's locale ids (a query compiled once per shape takes them as values)."""
    condition = Q(locale=locale_ids[0])
    for step in range(1, len(locale_ids)):
        earlier = queryset.filter(locale_id__in=list(locale_ids[:step]))
        condition |= Q(locale=locale_ids[step]) & ~Q(translation_key__in=earlier.values("translation_key"))
    return queryset.filter(condition)
