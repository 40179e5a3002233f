"""Settings of the benchmark server (bench/run.py): production, plus the bench app and its bare view."""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
