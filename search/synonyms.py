"""Synonyms: widening a parsed query with the words editors declared equal for its language.

Applied to the query, not the index, so a change works at once on every backend (own table, SQLite,
Elasticsearch/OpenSearch) without reindexing. A query word (or quoted phrase) that analyses like a
member of a group is OR-ed with the group's other members; excluded words are widened the same way.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from django.utils.translation import gettext as _

from cms.core import versions

from .analysis import MAX_TERMS, ParsedQuery, analyse_words, words

MAX_TERM_LENGTH = 100
MAX_GROUP_SIZE = 20
# A widened query may not grow beyond this many phrases: ORs are cheap, but not unbounded.
MAX_EXPANDED_PHRASES = 2 * MAX_TERMS

Group = tuple[tuple[str, ...], ...]  # the members of a group, each a tuple of words
_SEPARATORS = re.compile(r"[,;\n]+")


def split_terms(text: str) -> list[str]:
    """The words of a group as an editor entered them, without blanks or repeats (case-insensitive)."""
    seen, terms = set(), []
    for term in _SEPARATORS.split(text or ""):
        term = " ".join(term.split())
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return terms


def validate_terms(text: str) -> str | None:
    """Why the entered words cannot form a group, or None."""
    terms = split_terms(text)
    if len(terms) < 2:
        return _("Give at least two words, separated by commas.")
    if len(terms) > MAX_GROUP_SIZE:
        return _("At most %(count)s words per group.") % {"count": MAX_GROUP_SIZE}
    for term in terms:
        if len(term) > MAX_TERM_LENGTH:
            return _("“%(term)s…” is longer than %(count)s characters.") % {
                "term": term[:30],
                "count": MAX_TERM_LENGTH,
            }
        if not words(term):
            return _("“%(term)s” contains no letters or digits.") % {"term": term}
    return None


def groups_from_terms(texts: Iterable[str]) -> list[Group]:
    """Groups as word tuples, from the stored `terms` texts."""
    groups = []
    for text in texts:
        members = tuple(tuple(words(term)) for term in split_terms(text))
        members = tuple(member for member in members if member)
        if len(members) > 1:
            groups.append(members)
    return groups


@lru_cache(maxsize=64)
def _analysed_members(code: str, groups: tuple[Group, ...]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Analysed member → the other members of its groups; per language and set of groups, not per search."""
    index: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for group in groups:
        for member in group:
            key = tuple(analyse_words(list(member), code))
            if key:
                index.setdefault(key, []).extend(other for other in group if other != member)
    return index


def expand(query: ParsedQuery, code: str, groups: list[Group]) -> ParsedQuery:
    """The query with every phrase that belongs to a group OR-ed with the group's other members."""
    if not groups:
        return query
    index = _analysed_members(code, tuple(groups))
    budget = MAX_EXPANDED_PHRASES - sum(len(clause) for clause in query.clauses) - len(query.excluded)

    def widen(phrases: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        nonlocal budget
        out = list(phrases)
        keys = {tuple(analyse_words(list(phrase), code)) for phrase in phrases}
        for phrase in phrases:
            for other in index.get(tuple(analyse_words(list(phrase), code)), []):
                key = tuple(analyse_words(list(other), code))
                if key not in keys and budget > 0:
                    keys.add(key)
                    out.append(other)
                    budget -= 1
        return tuple(out)

    clauses = tuple(widen(clause) for clause in query.clauses)
    excluded = tuple(phrase for group in query.excluded for phrase in widen((group,)))
    return ParsedQuery(clauses, excluded)


def load_groups(codes: Iterable[str]) -> dict[str, list[Group]]:
    """The synonym groups of each language code: one query per version of the content in each
    process (a saved group raises that version, cms.signals), none for most searches."""
    codes = sorted(set(codes))
    return versions.remembered(
        f"synonym-groups:{'-'.join(codes)}",
        versions.current(versions.CONTENT),
        lambda: _read_groups(codes),
        shared=False,  # a handful of rows: as quick to read again as to fetch from the shared cache
    )


def _read_groups(codes: list[str]) -> dict[str, list[Group]]:
    # search.models validates groups with this module's rules; the query side loads the model on use.
    from .models import SynonymGroup

    found: dict[str, list[str]] = {code: [] for code in codes}
    rows = SynonymGroup.objects.filter(locale__language_code__in=codes)
    for language, text in rows.values_list("locale__language_code", "terms"):
        found[language].append(text)
    return {code: groups_from_terms(texts) for code, texts in found.items()}
