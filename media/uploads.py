"""Files the multiple uploader keeps for a form the editor never finished.

Wagtail's multiple uploader stores a file it cannot turn into an image at once (RolandImage asks
for alt text and credit first; a document model with required fields alike) as an `UploadedFile`
in `wagtail_uploads/`, until the editor fills in the form. An editor who closes the tab instead
leaves the row and the file behind for good: Wagtail deletes them only on the form's own
*Löschen*. The worker's hourly job (cms.scheduling) deletes those older than
ABANDONED_UPLOAD_HOURS. The row has no date of its own: the stored file's modification time is its
age (local storage and object storage both report it).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import UploadedFile

logger = logging.getLogger(__name__)


def abandoned_before() -> datetime:
    return timezone.now() - timedelta(hours=settings.ABANDONED_UPLOAD_HOURS)


def delete_abandoned_uploads(before: datetime | None = None) -> int:
    """Delete the multiple uploader's unfinished files older than `before`; how many went."""
    before = before or abandoned_before()
    deleted = 0
    for upload in UploadedFile.objects.all().iterator():
        storage, name = upload.file.storage, upload.file.name
        try:
            stored = storage.get_modified_time(name) if name and storage.exists(name) else None
        except (NotImplementedError, OSError):
            logger.warning("No age known for the unfinished upload %s (%s): kept", upload.pk, name)
            continue
        if stored is not None and stored >= before:
            continue
        if stored is not None:
            upload.file.delete(save=False)
        upload.delete()  # a row whose file is gone already goes too
        deleted += 1
    return deleted
