"""The German catalogue the admin reads is the one in django.po: compiled, complete."""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "de" / "LC_MESSAGES"


def catalogue(mo: Path) -> dict:
    with mo.open("rb") as file:
        return dict(gettext.GNUTranslations(file)._catalog)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (gettext) is not installed")
def test_the_committed_mo_file_is_compiled_from_the_po_file(tmp_path):
    """A merge or an edit of django.po without compilemessages leaves editors with English texts."""
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(LOCALE / "django.po")], check=True)
    committed, expected = catalogue(LOCALE / "django.mo"), catalogue(fresh)
    missing = sorted(str(key) for key in expected.keys() - committed.keys())
    assert not missing, f"run `manage.py compilemessages -l de -i .venv`; missing: {missing[:5]}"
    assert committed == expected


def test_every_message_has_a_german_text():
    untranslated = [
        str(key) for key, value in catalogue(LOCALE / "django.mo").items() if key and not str(value).strip()
    ]
    fuzzy = (LOCALE / "django.po").read_text().count("#, fuzzy")
    assert not untranslated and fuzzy == 0, (untranslated[:5], fuzzy)
