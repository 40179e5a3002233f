from django.apps import AppConfig


class TourismConfig(AppConfig):
    name = "tourism"
    label = "tourism"
    verbose_name = "Tourism"

    def ready(self) -> None:
        from . import signals  # noqa: F401
