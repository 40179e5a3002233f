"""The glossary applied to machine translation: which terms, and how they survive the engine.

Strings reach the engines as wagtail-localize's HTML fragments (text escaped, inline tags such as
`<a id="a1">`). A term is looked for in the text between tags only, longest terms first, as a whole
word. Engines without a glossary of their own get each term wrapped in an element they leave alone
(`<span translate="no">` for LibreTranslate, whose HTML mode skips such elements; an ignored tag for
DeepL), holding the text the translation must show: the term itself, or its fixed translation. The
wrapper is removed from the answer.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape

from .models import GlossaryTerm

_TAG = re.compile(r"(<[^>]*>)")


@dataclass(frozen=True)
class Entry:
    term: str  # as written in the source
    target: str  # what the translation must show
    fixed: bool  # a fixed translation (else: kept verbatim)


def entries_for(language: str) -> list[Entry]:
    """The glossary as it applies to translations into `language` (one query for all terms)."""
    base = language.split("-")[0].lower()
    entries = []
    for term in GlossaryTerm.objects.prefetch_related("translations"):
        fixed = next(
            (row.text for row in term.translations.all() if row.language.split("-")[0].lower() == base), ""
        )
        if fixed:
            entries.append(Entry(term.term, fixed, fixed=True))
        elif term.keep:
            entries.append(Entry(term.term, term.term, fixed=False))
    return entries


def _pattern(entries: Iterable[Entry]) -> tuple[re.Pattern[str] | None, dict[str, Entry]]:
    spellings: dict[str, Entry] = {}
    for entry in entries:
        for spelling in {entry.term, escape(entry.term), html.escape(entry.term, quote=False)}:
            spellings.setdefault(spelling, entry)
    if not spellings:
        return None, spellings
    alternatives = "|".join(re.escape(spelling) for spelling in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), spellings


def protect(data: str, entries: list[Entry], opening: str, closing: str) -> str:
    """`data` with each glossary term replaced by its target text inside `opening`…`closing`."""
    pattern, spellings = _pattern(entries)
    if pattern is None:
        return data

    def wrap(match: re.Match[str]) -> str:
        return f"{opening}{escape(spellings[match.group(0)].target)}{closing}"

    parts = _TAG.split(data)
    return "".join(part if index % 2 else pattern.sub(wrap, part) for index, part in enumerate(parts))


def unprotect(data: str, opening: re.Pattern[str], closing: str) -> str:
    """Remove the wrappers `protect` added (the engine may have re-spelled the opening tag)."""
    return re.sub(rf"{opening.pattern}(.*?){re.escape(closing)}", r"\1", data, flags=re.DOTALL)


def found_in(texts: Iterable[str], entries: list[Entry]) -> list[Entry]:
    """The entries whose term occurs in any of the texts, in glossary order."""
    pattern, spellings = _pattern(entries)
    if pattern is None:
        return []
    seen: set[str] = set()
    for text in texts:
        for part in _TAG.split(text)[::2]:
            seen.update(spellings[match.group(0)].term for match in pattern.finditer(part))
    return [entry for entry in entries if entry.term in seen]


def tsv(entries: list[Entry]) -> str:
    """DeepL's glossary format: one `source<TAB>target` line per entry (no tabs or newlines inside)."""
    lines = []
    for entry in entries:
        source, target = (" ".join(text.split()) for text in (entry.term, entry.target))
        if source and target:
            lines.append(f"{source}\t{target}")
    return "\n".join(lines)


def content_hash(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()
