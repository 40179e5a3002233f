"""Local development: `make run`. SQLite, database search, local memory cache, local media."""

from .base import *  # noqa: F403

DEBUG = True

# Mail (moderators notified of submissions) goes to the console.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The demo's import source is a calendar served by this server itself (127.0.0.1), so `make run`
# shows the import working offline.
IMPORT_ALLOW_PRIVATE_SOURCES = env_bool("IMPORT_ALLOW_PRIVATE_SOURCES", True)
