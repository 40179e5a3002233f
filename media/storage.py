"""Media in a private S3-compatible bucket (settings: MEDIA_S3_BUCKET).

Renditions of public images — the URLs the API hands out, which answers, caches and kiosks keep —
are addressed without a signature (media.folders.is_public_file); the bucket policy or the CDN in
front grants anonymous reads of that folder only. Every other object is addressed by a URL signed for
AWS_QUERYSTRING_EXPIRE seconds: documents (after the document view's restriction check), originals
and renditions of images in restricted collections (shown only to editors and to those who pass the
restriction).
"""

from __future__ import annotations

from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from .folders import is_public_file


class MediaStorage(S3Storage):
    # Whatever the settings say: private objects are signed, and no upload asks for a public ACL.
    querystring_auth = True
    default_acl = None

    def url(self, name, parameters=None, expire=None, http_method=None) -> str:
        key = self._normalize_name(clean_name(name))
        if is_public_file(name) and not parameters and http_method in (None, "GET"):
            if self.custom_domain:
                return f"{self.url_protocol}//{self.custom_domain}/{filepath_to_uri(key)}"
            return self.unsigned_connection.meta.client.generate_presigned_url(
                "get_object", Params={"Bucket": self.bucket_name, "Key": key}
            )
        if self.custom_domain and not self.cloudfront_signer:
            # A custom domain without CloudFront keys cannot sign: sign at the bucket's own endpoint
            # rather than hand out an unsigned URL of a private object.
            return self.connection.meta.client.generate_presigned_url(
                "get_object",
                Params={**(parameters or {}), "Bucket": self.bucket_name, "Key": key},
                ExpiresIn=self.querystring_expire if expire is None else expire,
                HttpMethod=http_method,
            )
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)
