"""Machine translation and the glossary: wagtail-localize's translators, held to Roland's rules.

Configured by environment (`config.py`, read by the settings); the translators go through the guarded
outbound HTTP client and fail with one error type that the admin action turns into a German message.
"""
