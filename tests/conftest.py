import pytest
from wagtail.models import Locale

from tests.factories import SiteTree


@pytest.fixture
def locales(db):
    """The configured locales (created on migrate from ROLAND_LANGUAGES)."""
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def tree(db, locales) -> SiteTree:
    return SiteTree()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client
