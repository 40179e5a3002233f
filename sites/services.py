"""Channel configuration rules: which locales exist, the default site."""

from django.conf import settings
from wagtail.models import Locale


def sync_locales_from_settings(using: str = "default") -> list[Locale]:
    """Create a Locale for every configured content language, so adding one needs no code.

    Locales of languages removed from the settings are kept: content may still hang on them.
    """
    locales = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale, _created = Locale.objects.using(using).get_or_create(language_code=code)
        locales.append(locale)
    return locales
