"""The one rule that turns a request's `locale` parameter and Accept-Language into the language asked for.

The API (negotiate, and a detail answering in its item's language) and the answer cache's key both
come from it, so they cannot disagree on what a request asks for.
"""

import pytest
from django.test import RequestFactory

from cms.core.i18n import LanguageRequest, LanguageSource, language_request, query_locale

CODES = ["de", "en"]  # configured languages, default first
PARAM, HEADER, DEFAULT = LanguageSource.PARAM, LanguageSource.HEADER, LanguageSource.DEFAULT


@pytest.mark.parametrize(
    ("locale", "accept_language", "expected"),
    [
        (None, None, ("de", DEFAULT)),
        (None, "de", ("de", HEADER)),
        (None, "en", ("en", HEADER)),
        (None, "en-GB,de;q=0.5", ("en", HEADER)),
        (None, "de;q=0.4, EN-us;q=0.8", ("en", HEADER)),
        (None, "fr-FR, en;q=0.3", ("en", HEADER)),
        # A header that names no configured language still says the client chose: the default, asked.
        (None, "fr", ("de", HEADER)),
        (None, "", ("de", HEADER)),
        # The parameter wins over the header, is read as a code, and may name an unknown language.
        ("en", "de", ("en", PARAM)),
        (" EN ", None, ("en", PARAM)),
        ("de", "en", ("de", PARAM)),
        ("xx", "en", ("xx", PARAM)),
    ],
)
def test_what_a_request_asks_for(locale, accept_language, expected):
    request = RequestFactory().get("/api/v1/pois", **_header(accept_language))
    asked = language_request(request, CODES, locale)
    assert (asked.code, asked.source) == expected
    assert asked.explicit is (expected[1] is not DEFAULT)


def test_only_a_request_without_parameter_and_header_is_not_explicit():
    """A detail answers in its item's language only then; everything else keeps the asked language."""
    absent = language_request(RequestFactory().get("/"), CODES, None)
    unmatched = language_request(RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="fr"), CODES, None)
    assert absent.code == unmatched.code == "de"
    assert not absent.explicit and unmatched.explicit
    assert absent.key != unmatched.key


def test_keys_differ_whenever_the_answer_may():
    requests = [
        LanguageRequest("de", DEFAULT),
        LanguageRequest("de", HEADER),
        LanguageRequest("en", HEADER),
        LanguageRequest("de", PARAM),
        LanguageRequest("en", PARAM),
        LanguageRequest("xx", PARAM),
    ]
    assert len({asked.key for asked in requests}) == len(requests)


def test_no_configured_language_leaves_the_code_empty():
    assert language_request(RequestFactory().get("/"), [], None) == LanguageRequest("", DEFAULT)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", None),
        ("limit=5&offset=20", None),
        ("locale=en", "en"),
        ("limit=5&locale=de", "de"),
        ("%6Cocale=en", "en"),  # the views decode the name too
        ("locale=de&locale=en", "en"),  # the last one, as the views read it
        ("locales=en", None),
        ("locale=", ""),
    ],
)
def test_the_locale_parameter_is_read_as_the_views_read_it(query, expected):
    assert query_locale(RequestFactory().get(f"/api/v1/pois?{query}")) == expected


def _header(accept_language: str | None) -> dict[str, str]:
    return {} if accept_language is None else {"HTTP_ACCEPT_LANGUAGE": accept_language}
