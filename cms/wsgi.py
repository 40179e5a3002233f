"""WSGI entry point for gunicorn; production settings unless told otherwise."""

import os

from cms.startup import pause_collector

pause_collector()  # until the apps are ready (cms.startup)

from django.core.wsgi import get_wsgi_application  # noqa: E402 - after the collector is paused

from cms.process import freeze_startup_objects  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
freeze_startup_objects()  # resumes the collector too, should the apps have been ready before
