from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "sites"
    label = "roland_sites"
    verbose_name = _("Sites and channels")

    def ready(self) -> None:
        # Modules that use models can only be imported once the app registry is ready (Django's rule).
        from cms.core.visibility import read_site_settings_with

        from . import services

        post_migrate.connect(services.sync_locales_after_migrate, sender=self)
        post_migrate.connect(services.set_up_easy_language_team_after_migrate, sender=self)
        read_site_settings_with(services.site_settings_facts)
