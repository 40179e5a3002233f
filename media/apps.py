from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "media"
    label = "media"
    verbose_name = "Media"

    def ready(self) -> None:
        from . import signals  # noqa: F401
