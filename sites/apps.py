from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "sites"
    label = "roland_sites"
    verbose_name = _("Sites and channels")

    def ready(self) -> None:
        post_migrate.connect(_sync_locales, sender=self)


def _sync_locales(sender, using: str = "default", **kwargs) -> None:
    from .services import sync_locales_from_settings

    sync_locales_from_settings(using=using)
