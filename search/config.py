"""Search backend selection from one setting, `SEARCH_URL`.

- empty: Wagtail's database backend (SQLite FTS locally, PostgreSQL full-text in production);
- ``elasticsearch[7|8|9]+http(s)://host:port``: Elasticsearch (major 9 when not named);
- ``opensearch[2|3]+http(s)://host:port``: OpenSearch (major 3 when not named).

With an engine, `default` (the admin search) is Wagtail's stock backend and every content language
gets one more backend, `lang_<code>`, whose index analyses text in that language (search.backends);
/api/v1/search asks the one of the requested locale.

Pure function, no Django imports: settings modules call it.
"""

from urllib.parse import urlsplit, urlunsplit

_ENGINES = {
    "elasticsearch": ("elasticsearch", "9", {"7", "8", "9"}),
    "opensearch": ("opensearch", "3", {"2", "3"}),
}


def search_backends(url: str, index: str = "roland", languages: list[str] | tuple = ()) -> dict[str, dict]:
    """The WAGTAILSEARCH_BACKENDS value for a SEARCH_URL."""
    if not url:
        return {"default": {"BACKEND": "wagtail.search.backends.database"}}
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
    backends = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{module}{version}",
            "URLS": [host_url],
            "INDEX_PREFIX": f"{index}_",
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
    class_name = {"elasticsearch": "Elasticsearch", "opensearch": "OpenSearch"}[name]
    for code in languages:
        backends[f"lang_{code}"] = {
            "BACKEND": f"search.backends.{class_name}{version}LanguageBackend",
            "URLS": [host_url],
            "INDEX_PREFIX": f"{index}_{code}_",
            "LANGUAGE": code,
            "TIMEOUT": 5,  # seconds per request: a slow engine is a 503, never a stuck worker
            "OPTIONS": {"max_retries": 0},
            "INDEX_SETTINGS": {},
        }
    return backends
