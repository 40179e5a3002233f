from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The kernel: the visibility rule, version counters, API context and the pieces every app uses.

    It imports no app of the project (the import contracts in CI check that); what it needs from one
    (how a site's settings are read) is plugged in by that app at start-up.
    """

    name = "cms.core"
    label = "roland_core"
    verbose_name = "Roland"

    def ready(self) -> None:
        # Lookups register on model fields, so they load once the app registry is ready.
        # Wagtail's admin forms define models: they load once the app registry is ready too.
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.widgets import SlugInput

        from . import lookups  # noqa: F401
        from .dates import register_date_fields
        from .slugs import SLUG_FORMATTERS

        # Before any admin form class is built (they are built on first use): dates as editors type
        # them, and every slug field of the admin transliterates as `slugs.slugify` does, in the browser too
        # (with WAGTAIL_ALLOW_UNICODE_SLUGS = False, Wagtail's script drops accents after these).
        register_date_fields()
        register_form_field_override(
            models.SlugField, override={"widget": SlugInput(formatters=SLUG_FORMATTERS)}
        )
