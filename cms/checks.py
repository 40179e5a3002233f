"""Configuration checks: fallback chains that cannot be used, and (deployment) what only shows under
load, a per-process cache with several workers."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from cms.core.i18n import FALLBACKS_SETTING, FallbackError, parse_fallbacks


@register()
def fallback_chains(app_configs, **kwargs) -> list[Error]:
    """A wrong ROLAND_FALLBACKS stops `migrate`/`runserver` with the entry at fault, not a request."""
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    try:
        parse_fallbacks(getattr(settings, FALLBACKS_SETTING, ""), languages)
    except FallbackError as error:
        return [
            Error(
                f"{FALLBACKS_SETTING} cannot be used: {error}",
                hint="Syntax: language:fallback[:fallback…] separated by commas, e.g. de-x-ls:de,pl:en:de "
                "(see README, Configuration).",
                id="roland.E001",
            )
        ]
    return []


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs) -> list[Warning]:
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend.endswith("LocMemCache"):
        return [
            Warning(
                "The cache is local to each process (REDIS_URL is not set).",
                hint=(
                    "What is visible is the same in every process either way (the version counters are "
                    "in the database). With more than one worker process, rate limits count per process "
                    "and each process renders and keeps its own copy of cached answers. Set REDIS_URL."
                ),
                id="roland.W001",
            )
        ]
    return []
