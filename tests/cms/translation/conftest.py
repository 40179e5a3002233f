import pytest
from django.test import override_settings

from cms.translation.config import machine_translator

from .translator_standin import TranslatorStandIn


@pytest.fixture(scope="module")
def standin():
    server = TranslatorStandIn()
    yield server
    server.close()


@pytest.fixture
def use_translator(standin):
    """Configure an engine as MACHINE_TRANSLATION would, pointed at the stand-in."""
    standin.reset()
    overrides = []

    def use(engine: str, *, key: str = "", timeout: float = 5.0, url: str | None = None) -> None:
        setting = machine_translator(
            engine, url=standin.url if url is None else url, key=key, timeout=timeout
        )
        override = override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=setting)
        override.enable()
        overrides.append(override)

    yield use
    for override in reversed(overrides):
        override.disable()
