"""MACHINE_TRANSLATION and its variables: off by default, each engine's needs, bad values refused."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.translation.config import machine_translator
from tests.cms.test_settings import COMPLETE, run_manage


def test_off_unless_an_engine_is_named():
    assert machine_translator("") is None
    assert machine_translator("  ") is None


def test_each_engine_becomes_wagtail_localizes_setting():
    assert machine_translator("DeepL", key="k:fx") == {
        "CLASS": "cms.translation.translators.DeepLTranslator",
        "OPTIONS": {"URL": "", "API_KEY": "k:fx", "TIMEOUT": 20.0},
    }
    libre = machine_translator("libretranslate", url="http://10.0.0.5:5000/", timeout=3)
    assert libre["CLASS"] == "cms.translation.translators.LibreTranslator"
    assert libre["OPTIONS"] == {"URL": "http://10.0.0.5:5000", "API_KEY": "", "TIMEOUT": 3}
    assert machine_translator("dummy")["CLASS"] == "cms.translation.translators.DummyTranslator"


@pytest.mark.parametrize(
    ("engine", "options", "names"),
    [
        ("google", {}, "MACHINE_TRANSLATION="),
        ("deepl", {}, "MACHINE_TRANSLATION_KEY"),
        ("libretranslate", {}, "MACHINE_TRANSLATION_URL"),
        ("libretranslate", {"url": "ftp://x"}, "MACHINE_TRANSLATION_URL"),
        ("dummy", {"timeout": 0}, "MACHINE_TRANSLATION_TIMEOUT"),
    ],
)
def test_incomplete_configuration_is_refused_naming_the_variable(engine, options, names):
    with pytest.raises(ImproperlyConfigured, match=names):
        machine_translator(engine, **options)


def test_the_settings_refuse_to_start_with_an_unknown_engine():
    result = run_manage({**COMPLETE, "MACHINE_TRANSLATION": "babelfish"}, "check")
    assert result.returncode != 0
    assert "MACHINE_TRANSLATION='babelfish'" in result.stderr
