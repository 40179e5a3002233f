"""Who may fetch a stored media file, and renditions kept in the folder their image's visibility
asks for (media.folders).

The API never links an image of a restricted collection; its files are still stored, and these rules
keep them from whoever merely knows or guesses a file name.
"""

from __future__ import annotations

import enum

from django.db.models import Q
from wagtail.permissions import policy_registry

from cms.core.visibility import hidden_collection_ids, passes_collection_restrictions

from .folders import (
    DOCUMENTS_FOLDER,
    ORIGINALS_FOLDER,
    PRIVATE_RENDITIONS_FOLDER,
    PUBLIC_RENDITIONS_FOLDER,
    top_folder,
)
from .models import RolandImage, RolandRendition


class Access(enum.Enum):
    DENIED = "denied"
    PUBLIC = "public"  # anyone may have it; shared caches may keep it
    PERSONAL = "personal"  # this requester may have it; no shared cache may keep it


def file_access(request, name: str) -> Access:
    """Whether the request may have the stored file `name` at its media URL.

    Documents never: Wagtail's document view serves them after checking their collection's
    restrictions, and their media URL would skip that check. An image's original and renditions: to
    anyone while its collection is public, else to those who pass the collection's restrictions and
    to editors who may change or choose the image (the admin shows it). Whatever else Wagtail stores
    (avatars, uploads waiting for their texts): to users of the admin only.
    """
    folder = top_folder(name)
    if folder == DOCUMENTS_FOLDER:
        return Access.DENIED
    if folder in (ORIGINALS_FOLDER, PUBLIC_RENDITIONS_FOLDER, PRIVATE_RENDITIONS_FOLDER):
        image = image_of_file(name)
        if image is None:
            return Access.DENIED
        if image.collection_id not in hidden_collection_ids():
            return Access.PUBLIC
        return Access.PERSONAL if may_see_restricted_image(request, image) else Access.DENIED
    return Access.PERSONAL if request.user.has_perm("wagtailadmin.access_admin") else Access.DENIED


def image_of_file(name: str) -> RolandImage | None:
    """The image whose original or rendition is stored under `name`, if any."""
    if top_folder(name) == ORIGINALS_FOLDER:
        return RolandImage.objects.select_related("collection").filter(file=name).first()
    rendition = RolandRendition.objects.select_related("image__collection").filter(file=name).first()
    return rendition.image if rendition is not None else None


def may_see_restricted_image(request, image: RolandImage) -> bool:
    if passes_collection_restrictions(request, image.collection):
        return True
    policy = policy_registry.get_by_type(RolandImage)
    return policy.user_has_any_permission_for_instance(request.user, ["change", "choose"], image)


def drop_misplaced_renditions(image: RolandImage | None = None) -> int:
    """Delete the renditions (of one image, or all) stored in the wrong folder for their image's
    visibility now — public ones of an image whose collection became restricted, private ones of an
    image that became public — with their files; the preset step and readers render them again where
    they belong. Returns how many went."""
    hidden = hidden_collection_ids()
    private = Q(file__startswith=f"{PRIVATE_RENDITIONS_FOLDER}/")
    restricted = Q(image__collection_id__in=hidden)
    misplaced = RolandRendition.objects.filter((restricted & ~private) | (~restricted & private))
    if image is not None:
        misplaced = misplaced.filter(image=image)
    count, _deleted = misplaced.delete()  # one by one, with Wagtail's file and cache clean-up
    return count
