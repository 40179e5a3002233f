from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .startup import startup_done


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
        name_wagtails_locale_model()
        # The models and the API object exist now; the apps after this one add little (cms.startup).
        startup_done()


def name_wagtails_locale_model() -> None:
    """Wagtail's Locale model has no verbose name, so Django derives an untranslatable "locale" from
    the class name and the group editor's permission table heads its row "Locale". A translatable
    name (our catalogue: "Sprache") set on the model's options, not in its migration state: Django
    builds that from the options as declared, so no migration of wagtailcore follows."""
    from wagtail.models import Locale  # called from ready(): models load once the registry is

    Locale._meta.verbose_name = _("locale")
    Locale._meta.verbose_name_plural = _("locales")
