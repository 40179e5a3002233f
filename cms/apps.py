from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = "Roland"

    def ready(self) -> None:
        from . import checks, cors, signals  # noqa: F401
