"""Locale negotiation and fallback for every endpoint: `locale`, then Accept-Language, then the default."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale

from .problems import bad_param


@dataclass(frozen=True)
class LocaleChoice:
    locale: Locale
    default: Locale
    fallback: bool
    codes: dict[int, str]  # every configured locale: id → language code

    @property
    def code(self) -> str:
        return self.locale.language_code


def negotiate(
    request: HttpRequest, locales: dict[str, Locale], locale_param: str | None, fallback: bool = True
) -> LocaleChoice:
    """The language of the answer; remembered on the request for Content-Language."""
    default = locales[settings.LANGUAGE_CODE]
    if locale_param is not None:
        code = locale_param.strip().lower()
        if code not in locales:
            raise bad_param("locale", f"unknown locale '{locale_param[:20]}'; one of {', '.join(locales)}")
        chosen = locales[code]
    else:
        chosen = default
        for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")[:500]):
            base = code.split("-")[0].lower()
            if base in locales:
                chosen = locales[base]
                break
    request.roland_locale = chosen.language_code  # type: ignore[attr-defined]
    return LocaleChoice(chosen, default, fallback, {loc.pk: code for code, loc in locales.items()})


def with_fallback(queryset: QuerySet, choice: LocaleChoice) -> QuerySet:
    """Items in the chosen locale, plus (with fallback) default-locale items that lack a visible translation."""
    in_locale = queryset.filter(locale=choice.locale)
    if choice.locale.pk == choice.default.pk or not choice.fallback:
        return in_locale
    translated = queryset.filter(locale=choice.locale).values("translation_key")
    return queryset.filter(
        Q(locale=choice.locale) | (Q(locale=choice.default) & ~Q(translation_key__in=translated))
    )
