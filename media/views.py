"""The media URL on local storage: each file only to whom media.files allows it."""

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .files import Access, file_access


@require_safe
def serve_media(request: HttpRequest, path: str) -> FileResponse:
    """A stored file, or 404 (never 403: a refused name is not confirmed to exist)."""
    access = file_access(request, path)
    if access is Access.DENIED:
        raise Http404
    try:
        handle = default_storage.open(path)
    except (FileNotFoundError, IsADirectoryError, SuspiciousFileOperation) as error:
        raise Http404 from error
    response = FileResponse(handle)
    response["X-Content-Type-Options"] = "nosniff"
    if access is Access.PERSONAL:
        patch_cache_control(response, private=True, no_store=True)
    return response
