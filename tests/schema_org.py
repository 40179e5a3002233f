"""schema.org checks for JSON-LD answers, offline: pyld expands with a local context, and every type,
property and enumeration member used must be a term of the vocabulary rdflib ships (never fetched)."""

from collections.abc import Iterator

from pyld import jsonld
from rdflib.namespace import SDO

SCHEMA = "https://schema.org/"
TERMS = frozenset(SDO.__annotations__)
CONTEXT = {"@context": {"@vocab": SCHEMA, "id": "@id", "type": "@type"}}


def offline_loader(url: str, options: dict | None = None) -> dict:
    assert url.rstrip("/") in {"https://schema.org", "http://schema.org"}, f"tried to load {url}"
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def expand(document: dict) -> list[dict]:
    return jsonld.expand(document, {"documentLoader": offline_loader})


def _used(value) -> Iterator[str]:
    """Every schema.org IRI a node uses: as type, property, datatype or enumeration member."""
    if isinstance(value, list):
        for item in value:
            yield from _used(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "@type":
                yield from (item if isinstance(item, list) else [item])
            elif key in ("@value", "@id"):
                if isinstance(item, str) and item.startswith(SCHEMA) and "/" not in item[len(SCHEMA) :]:
                    yield item
            elif not key.startswith("@"):
                yield key
                yield from _used(item)


def unknown_terms(document: dict) -> set[str]:
    """What the document uses that schema.org does not define (or that is not schema.org at all)."""
    unknown = set()
    for iri in _used(expand(document)):
        if not iri.startswith(SCHEMA) or iri[len(SCHEMA) :] not in TERMS:
            unknown.add(iri)
    return unknown
