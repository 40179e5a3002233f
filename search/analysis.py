"""Language analysis for the project's own search index: which stemmer and text-search configuration a
locale gets, and the Snowball stemming that SQLite needs (its FTS5 has no German stemmer).

Pure functions, no database: the same analysis runs on indexed text and on query text, so both sides
always agree.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import snowballstemmer

# ISO 639-1 code → Snowball algorithm (snowballstemmer and PostgreSQL share the names).
SNOWBALL_LANGUAGES = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}

# PostgreSQL 15's built-in Snowball configurations; `roland_*` are the unaccent copies made by the
# migration (search/migrations/0002_postgres_search.py).
POSTGRES_CONFIGS = {
    "arabic", "armenian", "basque", "catalan", "danish", "dutch", "english", "finnish", "french",
    "german", "greek", "hindi", "hungarian", "indonesian", "irish", "italian", "lithuanian", "nepali",
    "norwegian", "portuguese", "romanian", "russian", "serbian", "spanish", "swedish", "tamil",
    "turkish", "yiddish",
}  # fmt: skip
UNACCENT_CONFIGS = {"german": "roland_german", "english": "roland_english"}

# Letters a stemmer handles itself; every other diacritic is folded before stemming so "Café" and
# "Cafe" stem alike, and these are folded after (the German stemmer equates "ß" and "ss").
NATIVE_LETTERS = {"german": "äöüß"}

_WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 32
MAX_QUERY_LENGTH = 200


def language_code(code: str) -> str:
    return code.split("-")[0].split("_")[0].lower()


def snowball_name(code: str) -> str | None:
    """The Snowball algorithm for a language code, None when there is none (plain folding then)."""
    return SNOWBALL_LANGUAGES.get(language_code(code))


def postgres_config(code: str) -> str:
    """The text-search configuration (regconfig) for a language code on PostgreSQL."""
    name = snowball_name(code)
    if name is None or name not in POSTGRES_CONFIGS:
        return "simple"
    return UNACCENT_CONFIGS.get(name, name)


def fold(text: str, keep: str = "") -> str:
    """Lowercase and strip diacritics (ß → ss), except for the letters in `keep`."""
    out = []
    for char in text.lower():
        if char in keep:
            out.append(char)
        elif char == "ß":
            out.append("ss")
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


@cache
def _stemmer(name: str):
    return snowballstemmer.stemmer(name)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def analyse_words(tokens: list[str], code: str) -> list[str]:
    """Stemmed, lowercased, diacritics-folded terms of a language."""
    name = snowball_name(code)
    keep = NATIVE_LETTERS.get(name or "", "")
    folded = [fold(token, keep) for token in tokens]
    if name is not None:
        folded = _stemmer(name).stemWords(folded)
    return [fold(term) for term in folded if term]


def analyse(text: str, code: str) -> str:
    """Text as the SQLite index stores it: analysed terms separated by spaces."""
    return " ".join(analyse_words(words(text), code))


@dataclass(frozen=True)
class ParsedQuery:
    """Web-search syntax: words (AND), "quoted phrases", `-excluded` words, `OR` between terms."""

    clauses: tuple[tuple[tuple[str, ...], ...], ...]  # AND of (OR of phrases); a phrase is a word tuple
    excluded: tuple[tuple[str, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.clauses


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def term_count(text: str) -> int:
    return len(words(text))


def parse_query(text: str) -> ParsedQuery:
    """Split a visitor's query into clauses, never failing: unknown syntax is read as words."""
    clauses: list[list[tuple[str, ...]]] = []
    excluded: list[tuple[str, ...]] = []
    join_next = False
    for match in _TOKEN.finditer(text):
        negate, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare == "OR":
                join_next = bool(clauses)
                continue
            negate = "-" if bare.startswith("-") and len(bare) > 1 else ""
            phrase = bare[1:] if negate else bare
        parts = tuple(words(phrase or ""))
        if not parts:
            continue
        if negate:
            excluded.append(parts)
            join_next = False
        elif join_next:
            clauses[-1].append(parts)
            join_next = False
        else:
            clauses.append([parts])
    return ParsedQuery(tuple(tuple(clause) for clause in clauses), tuple(excluded))


def _fts_phrase(parts: tuple[str, ...], code: str, prefix: bool = False) -> str:
    terms = analyse_words(list(parts), code)
    if not terms:
        return ""
    quoted = '"' + " ".join(terms) + '"'  # terms are letters and digits only: nothing to escape
    return f"{quoted}*" if prefix else quoted


def fts5_match(query: ParsedQuery, code: str) -> str:
    """An FTS5 MATCH expression over analysed terms ('' when nothing is left to search for)."""
    groups = []
    for clause in query.clauses:
        options = [phrase for phrase in (_fts_phrase(p, code) for p in clause) if phrase]
        if options:
            groups.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    if not groups:
        return ""
    expression = " AND ".join(groups)
    for parts in query.excluded:
        phrase = _fts_phrase(parts, code)
        if phrase:
            expression = f"({expression}) NOT {phrase}"
    return expression


def fts5_prefix_match(text: str, code: str) -> str:
    """Autocomplete on titles: every word must appear, the last one as a prefix."""
    tokens = words(text)
    terms = analyse_words(tokens, code)
    if not terms:
        return ""
    parts = [f'"{term}"' for term in terms[:-1]] + [f'"{terms[-1]}"*']
    return "title : (" + " AND ".join(parts) + ")"


def tsquery_prefix(text: str) -> str:
    """A to_tsquery() text for autocomplete: words ANDed, the last one a prefix, title (weight A) only.

    Words are reduced to letters and digits, so no tsquery syntax reaches the parser from input.
    """
    tokens = words(text)
    if not tokens:
        return ""
    return " & ".join([*(f"{token}:A" for token in tokens[:-1]), f"{tokens[-1]}:*A"])
