"""Production settings refuse to start half-configured, and pass Django's deploy checks when complete."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.config import search_backends

ROOT = Path(__file__).resolve().parents[2]
COMPLETE = {
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "cms.haldensleben.example",
    "DATABASE_URL": "postgres://roland@127.0.0.1:5432/roland",
}


def run_manage(env_overrides: dict, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in COMPLETE}
    env.update({"DJANGO_SETTINGS_MODULE": "cms.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("missing", sorted(COMPLETE))
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = {k: v for k, v in COMPLETE.items() if k != missing}
    result = run_manage(env, "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_with_every_variable_passes_the_deploy_check():
    result = run_manage({**COMPLETE, "REDIS_URL": "redis://127.0.0.1:6379/0"}, "check", "--deploy")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_search_url_selects_the_backend():
    assert search_backends("")["default"]["BACKEND"] == "search.database_backend"
    elastic = search_backends("elasticsearch+https://search.example:9200")["default"]
    assert (elastic["BACKEND"], elastic["URLS"]) == (
        "wagtail.search.backends.elasticsearch9",
        ["https://search.example:9200"],
    )
    assert search_backends("opensearch2+http://127.0.0.1:9200")["default"]["BACKEND"].endswith("opensearch2")
    # One backend per content language; the first language's is also the admin's (`default`).
    engines = search_backends("opensearch3+http://127.0.0.1:9200", languages=["de", "en"])
    assert sorted(engines) == ["default", "lang_en"]
    assert (engines["default"]["LANGUAGE"], engines["lang_en"]["LANGUAGE"]) == ("de", "en")
    assert engines["default"]["BACKEND"] == "search.backends.OpenSearch3LanguageBackend"
    assert search_backends("", languages=["de", "en"])["default"]["SEARCH_CONFIG"] == "roland_german"
    for bad in ("solr+http://x", "elasticsearch6+http://x", "opensearch+ftp://x"):
        with pytest.raises(ValueError, match="SEARCH_URL"):
            search_backends(bad)


def test_the_admin_calls_no_third_party_and_dev_mail_goes_to_the_console():
    """No Gravatar, no release check, no "What's new" banner in any environment; `make run` prints
    mail instead of trying an SMTP server that is not there (a traceback on every notice)."""
    code = (
        # The settings alone: no start of Django (its app registry, URLs) is needed to read them.
        "from django.conf import settings as s; "
        "print(s.WAGTAIL_GRAVATAR_PROVIDER_URL, s.WAGTAIL_ENABLE_UPDATE_CHECK, "
        "s.WAGTAIL_ENABLE_WHATS_NEW_BANNER, s.EMAIL_BACKEND)"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "None",
        "False",
        "False",
        "django.core.mail.backends.console.EmailBackend",
    ]
