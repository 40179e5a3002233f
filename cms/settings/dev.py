"""Local development: `make run`. SQLite, database search, local memory cache, local media."""

from .base import *  # noqa: F403

DEBUG = True
