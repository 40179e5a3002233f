"""The admin's *Übersetzungen* overview (per target language: live pages without a live
translation, outdated translations with their changed strings, images without their texts) and
the two dashboard panels that link to it. Queries are in cms.translation.selectors."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import SafeString
from django.utils.translation import pgettext
from wagtail.admin.ui.components import Component
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator

from . import selectors

# What one page of the overview shows of each list (the counts are of all).
SHOWN = 50


def may_see(user) -> bool:
    """Who may open the overview: whoever may submit pages for translation."""
    return user.is_active and user.has_perm("wagtail_localize.submit_translation")


def target_locales() -> list[Locale]:
    """The content languages other than the default, in the configured order."""
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    found = {
        locale.language_code: locale
        for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
    }
    return [found[code] for code in order if code in found]


def overview(request: HttpRequest) -> HttpResponse:
    if not may_see(request.user):
        raise PermissionDenied
    choices = target_locales()
    asked = request.GET.get("locale", "")
    target = next((locale for locale in choices if locale.language_code == asked), None)
    target = target or (choices[0] if choices else None)
    context = {
        "page_title": pgettext("translation overview", "Translations"),
        "locales": choices,
        "target": target,
    }
    if target is not None:
        source = Locale.get_default()
        missing = selectors.pages_missing_translation(source, target)
        outdated_pages = selectors.outdated_pages(target)
        outdated = selectors.outdated_of(list(outdated_pages[:SHOWN].specific()), target)
        changes = selectors.changed_strings(outdated)
        images = selectors.images_missing_texts(target)
        context.update(
            {
                "source": source,
                "missing": list(missing[:SHOWN].specific()),
                "missing_count": missing.count(),
                "outdated": [(item, changes.get(item.translation.pk, [])) for item in outdated],
                "outdated_count": outdated_pages.count(),
                "images": list(images[:SHOWN]),
                "images_count": images.count(),
                "translator": get_machine_translator(),
                "shown": SHOWN,
            }
        )
    return TemplateResponse(request, "roland_translation/overview.html", context)


class _CountsPanel(Component):
    """Counts per target language, each linking to its part of the overview (one count query per
    language: a few)."""

    template = ""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def count(self, locale: Locale) -> int:
        raise NotImplementedError

    def render_html(self, parent_context=None) -> SafeString:
        rows = [(locale, self.count(locale)) for locale in target_locales()]
        return render_to_string(self.template, {"rows": rows}, request=self.request)


class MissingTranslationsPanel(_CountsPanel):
    name = "roland_missing_translations"
    order = 230
    template = "roland_translation/panel_missing.html"

    def count(self, locale: Locale) -> int:
        return selectors.pages_missing_translation(Locale.get_default(), locale).count()


class MissingImageTextsPanel(_CountsPanel):
    name = "roland_missing_image_texts"
    order = 231
    template = "roland_translation/panel_images.html"

    def count(self, locale: Locale) -> int:
        return selectors.images_missing_texts(locale).count()
