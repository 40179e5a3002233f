"""Rendition and upload formats get their media type where the system has no /etc/mime.types.

Slim container images (the official python one, and the project's image built from it) lack that
file, and Python 3.11's built-in table does not know WebP: `make image-check` found /media/ serving
the WebP renditions as application/octet-stream (with nosniff, which browsers refuse to show).
The check runs in a fresh interpreter whose table is built without any system file, like there.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import mimetypes
mimetypes.knownfiles[:] = []  # as in a container without /etc/mime.types
import django
django.setup()
from django.http import FileResponse
import io
for name in ("markt.fill-800x500.format-webp.webp", "bild.avif", "foto.heic", "markt.jpg"):
    response = FileResponse(io.BytesIO(b"x"), filename=name)
    print(name, mimetypes.guess_type(name)[0], response["Content-Type"])
"""


def test_webp_and_friends_have_their_media_type_without_system_tables():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    types = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()}
    assert types == {
        "markt.fill-800x500.format-webp.webp": ["image/webp", "image/webp"],
        "bild.avif": ["image/avif", "image/avif"],
        "foto.heic": ["image/heic", "image/heic"],
        "markt.jpg": ["image/jpeg", "image/jpeg"],
    }
