"""Local development: `make run`. SQLite, database search, local memory cache, local media."""

from .base import *  # noqa: F403

DEBUG = True

# Mail (moderators notified of submissions) goes to the console.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
