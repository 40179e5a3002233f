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
        from . import lookups  # noqa: F401
        from .dates import register_date_fields

        # Before any admin form class is built (they are built on first use).
        register_date_fields()
