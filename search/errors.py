"""Errors of the search layer that the API turns into answers."""

from cms.core.problems import ApiProblem

RETRY_AFTER_SECONDS = 30


class SearchUnavailable(RuntimeError):
    """The search engine did not answer (unreachable, timed out, or failed)."""


def unavailable_problem(exc: SearchUnavailable) -> ApiProblem:
    """The 503 of every API that searches (/api/v1/search, stock v2's `search`): retry shortly."""
    return ApiProblem(
        503,
        f"Search is unavailable for a moment ({exc}); please retry.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )
