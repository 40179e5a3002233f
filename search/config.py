"""Search backend selection from one setting, `SEARCH_URL`.

- empty: Wagtail's database backend (SQLite FTS locally, PostgreSQL full-text in production);
- ``elasticsearch[7|8|9]+http(s)://host:port``: Elasticsearch (major 9 when not named);
- ``opensearch[2|3]+http(s)://host:port``: OpenSearch (major 3 when not named).

With an engine, each content language has a backend whose index analyses text in that language
(search.backends): the first language's is `default` (the admin search, German first, like editors),
every further one `lang_<code>`; /api/v1/search asks the one of the requested locale.

Pure functions, no Django imports: settings modules call them.
"""

from urllib.parse import urlsplit, urlunsplit

from .analysis import postgres_config

DATABASE_BACKEND = "search.database_backend"
_ENGINES = {
    "elasticsearch": ("elasticsearch", "9", {"7", "8", "9"}),
    "opensearch": ("opensearch", "3", {"2", "3"}),
}


def search_backends(url: str, index: str = "roland", languages: list[str] | tuple = ()) -> dict[str, dict]:
    """The WAGTAILSEARCH_BACKENDS value for a SEARCH_URL."""
    if not url:
        # PostgreSQL: full-text search analyses text as the first content language, autocomplete (the
        # admin's page search) folds accents (search.database_backend); SQLite ignores both.
        return {
            "default": {
                "BACKEND": DATABASE_BACKEND,
                "SEARCH_CONFIG": postgres_config(languages[0]) if languages else "simple",
                "AUTOCOMPLETE_CONFIG": "roland_simple",
            }
        }
    parts = urlsplit(url)
    engine, _, transport = parts.scheme.partition("+")
    name = engine.rstrip("0123456789")
    version = engine[len(name) :]
    if name not in _ENGINES or transport not in {"http", "https"}:
        raise ValueError(
            f"SEARCH_URL {url!r}: expected elasticsearch[7|8|9]+http(s)://… or opensearch[2|3]+http(s)://…"
        )
    module, default_version, versions = _ENGINES[name]
    version = version or default_version
    if version not in versions:
        raise ValueError(f"SEARCH_URL {url!r}: unsupported {name} major version {version}")
    host_url = urlunsplit((transport, parts.netloc, parts.path, "", ""))
    class_name = {"elasticsearch": "Elasticsearch", "opensearch": "OpenSearch"}[name]

    def language_backend(code: str) -> dict:
        return {
            "BACKEND": f"search.backends.{class_name}{version}LanguageBackend",
            "URLS": [host_url],
            "INDEX_PREFIX": f"{index}_{code}_",
            "LANGUAGE": code,
            "TIMEOUT": 5,  # seconds per request: a slow engine is a 503, never a stuck worker
            "OPTIONS": {"max_retries": 0},
            "INDEX_SETTINGS": {},
        }

    if not languages:
        return {
            "default": {
                "BACKEND": f"wagtail.search.backends.{module}{version}",
                "URLS": [host_url],
                "INDEX_PREFIX": f"{index}_",
                "TIMEOUT": 5,
                "OPTIONS": {},
                "INDEX_SETTINGS": {},
            }
        }
    # The first language's backend is also the admin's (`default`); every further one is `lang_<code>`.
    backends = {"default": language_backend(languages[0])}
    for code in languages[1:]:
        backends[f"lang_{code}"] = language_backend(code)
    return backends
