"""Wagtail's Elasticsearch/OpenSearch backends with one content language per index.

An engine analyses a text field with one analyser, so each configured language gets its own backend
(index prefix `roland_<code>_`) whose mapping sets that language's analyser on every full-text field
(per field, not as an index default: per-field analysers are what every engine honours). Wagtail
writes every page to every backend; /api/v1/search asks the backend of the requested locale with
`filter(locale=…)` (see search.engine).
"""

from modelsearch.backends.elasticsearch7 import Elasticsearch7SearchBackend
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend
from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

from .analysis import snowball_name

# The engines' built-in language analysers (lowercase, stop words, stemmer; German also folds umlauts
# and ß). They do not fold other diacritics ("Café" ≠ "Cafe"); a custom analyser chain with
# asciifolding would, but the test stand-in cannot run one, so it stays unverified and unused.
ENGINE_ANALYZERS = {
    "arabic", "armenian", "basque", "catalan", "czech", "danish", "dutch", "english", "estonian",
    "finnish", "french", "german", "greek", "hindi", "hungarian", "indonesian", "irish", "italian",
    "lithuanian", "norwegian", "persian", "portuguese", "romanian", "russian", "spanish", "swedish",
    "turkish",
}  # fmt: skip


class LanguageMappingMixin:
    """Sets `language_analyzer` on every text field that has no analyser of its own."""

    language_analyzer = "standard"

    def get_mapping(self):
        mapping = super().get_mapping()
        self._set_analyzer(mapping["properties"])
        return mapping

    def _set_analyzer(self, properties: dict) -> None:
        for field in properties.values():
            if field.get("type") == "nested":
                self._set_analyzer(field.get("properties", {}))
            elif field.get("type") == "text" and "analyzer" not in field:
                field["analyzer"] = self.language_analyzer


class LanguageBackendMixin:
    """A backend for one content language (param `LANGUAGE`, a language code)."""

    def __init__(self, params):
        params = dict(params)
        self.language = params.pop("LANGUAGE", "")
        name = snowball_name(self.language)
        analyzer = name if name in ENGINE_ANALYZERS else "standard"
        super().__init__(params)
        base = self.mapping_class
        self.mapping_class = type(
            f"{base.__name__}_{self.language}", (LanguageMappingMixin, base), {"language_analyzer": analyzer}
        )


class Elasticsearch7LanguageBackend(LanguageBackendMixin, Elasticsearch7SearchBackend):
    pass


class Elasticsearch8LanguageBackend(LanguageBackendMixin, Elasticsearch8SearchBackend):
    pass


class Elasticsearch9LanguageBackend(LanguageBackendMixin, Elasticsearch9SearchBackend):
    pass


class OpenSearch2LanguageBackend(LanguageBackendMixin, OpenSearch2SearchBackend):
    pass


class OpenSearch3LanguageBackend(LanguageBackendMixin, OpenSearch3SearchBackend):
    pass
