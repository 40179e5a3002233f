"""The settings of the browser tests' servers and editor shells: `make run`'s, with a fast hasher.

The worlds create their people and the modules sign them in over and over; each password hashed or
checked with Django's PBKDF2 costs a noticeable share of a second of CPU. What the browser tests
check does not depend on how a password is hashed (cms.settings.test does the same in process).
"""

from cms.settings.dev import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
