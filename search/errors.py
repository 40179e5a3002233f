"""Errors of the search layer that the API turns into answers."""


class SearchUnavailable(RuntimeError):
    """The search engine did not answer (unreachable, timed out, or failed)."""
