"""Deployment checks for what only shows under load: a per-process cache with several workers."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


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
