from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """Machine translation and the editors' glossary (placed before wagtail_localize: its templates win)."""

    name = "cms.translation"
    label = "roland_translation"
    verbose_name = _("Translation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Models load once the app registry is ready (Django's rule for ready()).
        from wagtail_localize.models import StringTranslation

        from . import tasks  # noqa: F401  (its receiver ends a job whose task failed)
        from .editor import translation_comment

        StringTranslation.get_comment = translation_comment  # the editor's comments in German
