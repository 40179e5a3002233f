"""`MACHINE_TRANSLATION` and its variables as wagtail-localize's translator setting.

Kept free of models and HTTP so the settings can import it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured

ENGINES = {
    "deepl": "cms.translation.translators.DeepLTranslator",
    "libretranslate": "cms.translation.translators.LibreTranslator",
    "dummy": "cms.translation.translators.DummyTranslator",
}


def machine_translator(
    engine: str, *, url: str = "", key: str = "", timeout: float = 20.0
) -> dict[str, Any] | None:
    """`WAGTAILLOCALIZE_MACHINE_TRANSLATOR` for an engine name; None (off) for an empty one.

    DeepL needs a key (its URL defaults by the key: free keys end in ":fx"); LibreTranslate needs the
    server's URL (a key only if the server asks for one); the dummy needs neither.
    """
    engine = engine.strip().lower()
    if not engine:
        return None
    if engine not in ENGINES:
        raise ImproperlyConfigured(
            f"MACHINE_TRANSLATION={engine!r} is not known; use one of {', '.join(sorted(ENGINES))} or leave it empty."
        )
    url = url.strip().rstrip("/")
    if engine == "deepl" and not key:
        raise ImproperlyConfigured(
            "MACHINE_TRANSLATION=deepl needs MACHINE_TRANSLATION_KEY (the DeepL API key)."
        )
    if engine == "libretranslate" and not url:
        raise ImproperlyConfigured(
            "MACHINE_TRANSLATION=libretranslate needs MACHINE_TRANSLATION_URL (the server, e.g. http://127.0.0.1:5000)."
        )
    if url and not url.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"MACHINE_TRANSLATION_URL must be an http(s) URL, not {url!r}.")
    if not timeout > 0:
        raise ImproperlyConfigured("MACHINE_TRANSLATION_TIMEOUT must be a positive number of seconds.")
    return {"CLASS": ENGINES[engine], "OPTIONS": {"URL": url, "API_KEY": key, "TIMEOUT": timeout}}
