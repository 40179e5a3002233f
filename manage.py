#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    from cms.startup import pause_collector

    pause_collector()  # until the apps are ready (cms.startup)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
