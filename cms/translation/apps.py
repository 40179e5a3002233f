from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """Machine translation and the editors' glossary (placed before wagtail_localize: its templates win)."""

    name = "cms.translation"
    label = "roland_translation"
    verbose_name = _("Translation")
    default_auto_field = "django.db.models.BigAutoField"
