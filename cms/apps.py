from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = "Roland"

    def ready(self) -> None:
        # Modules that use models load once the app registry is ready (Django's rule for ready()).
        from . import checks, cors, signals  # noqa: F401
