"""Where media files live in storage, and which of them anyone may fetch without asking.

Renditions of public images are what the API links (and answers, caches and kiosks keep), so object
storage addresses them without a signature; everything else — originals, renditions of images in
restricted collections, documents, avatars — is private: signed URLs that expire on object storage
(media.storage), a check per request on local storage (media.files).
"""

ORIGINALS_FOLDER = "original_images"  # Wagtail's folder for uploaded images
PUBLIC_RENDITIONS_FOLDER = "images"  # Wagtail's folder for renditions
PRIVATE_RENDITIONS_FOLDER = "private_images"  # renditions of images in restricted collections
DOCUMENTS_FOLDER = "documents"  # Wagtail's folder for documents
IMAGE_FOLDERS = (ORIGINALS_FOLDER, PUBLIC_RENDITIONS_FOLDER, PRIVATE_RENDITIONS_FOLDER)


def top_folder(name: str) -> str:
    """The first folder of a storage name ('' for a name outside any folder)."""
    head, _slash, rest = name.lstrip("/").partition("/")
    return head if rest else ""


def is_public_file(name: str) -> bool:
    """Whether object storage may hand out this file without a signature: public renditions only."""
    return top_folder(name) == PUBLIC_RENDITIONS_FOLDER
