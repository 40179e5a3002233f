"""Wagtail's Elasticsearch/OpenSearch backends with one content language per index.

An engine analyses a text field with one analyser, so each configured language gets its own backend
(index prefix `roland_<code>_`) whose mapping sets that language's analyser on every full-text field
(per field, not as an index default: per-field analysers are what every engine honours). Wagtail
writes every page to every backend; /api/v1/search asks the backend of the requested locale with
`filter(locale=…)` (see search.engine).
"""

import copy

from modelsearch.backends.elasticsearch7 import Elasticsearch7SearchBackend
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend
from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from .analysis import fold, snowball_name

# The engines' built-in language analysers (lowercase, stop words, stemmer; German also folds umlauts
# and ß). They keep other diacritics ("Café" ≠ "Cafe"), so text is folded before it reaches the engine,
# documents and queries alike, by the same search.analysis.fold the database backends use: one folding
# rule on every backend, and no custom analyser chain whose support differs between engines.
ENGINE_ANALYZERS = {
    "arabic", "armenian", "basque", "catalan", "czech", "danish", "dutch", "english", "estonian",
    "finnish", "french", "german", "greek", "hindi", "hungarian", "indonesian", "irish", "italian",
    "lithuanian", "norwegian", "persian", "portuguese", "romanian", "russian", "spanish", "swedish",
    "turkish",
}  # fmt: skip


class LanguageMappingMixin:
    """Sets `language_analyzer` on every text field that has no analyser of its own, and folds the
    diacritics of every text value in the documents (see ENGINE_ANALYZERS)."""

    language_analyzer = "standard"

    def get_mapping(self):
        mapping = super().get_mapping()
        self._set_analyzer(mapping["properties"])
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        if not hasattr(self, "_text_properties"):
            self._text_properties = super().get_mapping()["properties"]
        return _fold_text(document, self._text_properties)

    def _set_analyzer(self, properties: dict) -> None:
        for field in properties.values():
            if field.get("type") == "nested":
                self._set_analyzer(field.get("properties", {}))
            elif field.get("type") == "text" and "analyzer" not in field:
                field["analyzer"] = self.language_analyzer


def _fold_value(value):
    """A text value folded; lists (a StreamField's searchable content, nested per block) item by item."""
    if isinstance(value, list | tuple):
        return [_fold_value(item) for item in value]
    return fold(str(value or ""))


def _fold_text(document: dict, properties: dict) -> dict:
    """The document with the values of `text` properties folded, nested documents included."""
    folded = dict(document)
    for name, value in document.items():
        kind = properties.get(name, {}).get("type")
        if kind == "text":
            folded[name] = _fold_value(value)
        elif kind == "nested" and value:
            inner = properties[name].get("properties", {})
            if isinstance(value, list):
                folded[name] = [_fold_text(item, inner) for item in value]
            else:
                folded[name] = _fold_text(value, inner)
    return folded


def fold_query(query):
    """A query with its text folded like the documents; Wagtail query objects are copied, not changed."""
    if isinstance(query, str):
        return fold(query)
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        folded = copy.copy(query)
        folded.query_string = fold(query.query_string)
        return folded
    if isinstance(query, (And, Or)):
        return type(query)([fold_query(sub) for sub in query.subqueries])
    if isinstance(query, (Not, Boost)):
        folded = copy.copy(query)
        folded.subquery = fold_query(query.subquery)
        return folded
    return query


class LanguageBackendMixin:
    """A backend for one content language (param `LANGUAGE`, a language code); documents and queries
    are folded (see ENGINE_ANALYZERS), whoever asks: the API, the admin, stock API v2."""

    def _search(self, query_compiler_class, query, *args, **kwargs):
        return super()._search(query_compiler_class, fold_query(query), *args, **kwargs)

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
