import pytest

from tests.e2e.browser import close_chromium


@pytest.fixture(scope="session", autouse=True)
def _chromium_closed_at_the_end():
    """The test process's shared Chromium (tests/e2e/browser.py chromium()) closed after its last test."""
    yield
    close_chromium()
