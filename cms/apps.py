from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = "Roland"

    def ready(self) -> None:
        # Modules that use models load once the app registry is ready (Django's rule for ready()).
        from . import checks, cors, signals  # noqa: F401
        from .builtin_preview import render_builtin_preview
        from .core.preview import render_builtin_preview_with

        render_builtin_preview_with(render_builtin_preview)
