import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as document_views

from media.views import serve_media

from .api import api
from .health import healthz, readyz
from .lockouts import COLLECTION_FORM, PAGE_FORM, guard_password_form
from .observability import metrics_view
from .pages import not_found
from .partners import partners
from .submissions import submission_status, submit_event_form
from .wagtail_api import wagtail_v2

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("metrics", metrics_view, name="metrics"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms, their failures counted (cms.lockouts); before Wagtail's own patterns.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        guard_password_form(document_views.authenticate_with_password, COLLECTION_FORM),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/wagtail/v2/", wagtail_v2.urls),
    path("api/v1/", api.urls),
    path("kiosks/", include("sites.kiosk_urls")),
    path("partners/", partners, name="partners"),
    path("submit/event/", submit_event_form, name="submit-event"),
    path("submit/status/<str:token>/", submission_status, name="submission-status"),
]

if settings.MEDIA_URL.startswith("/") and not settings.MEDIA_URL.startswith("//"):
    # Media on local storage, in every environment: each file checked (documents never, images of
    # restricted collections only to those allowed); object storage has its own URLs (media.storage).
    urlpatterns.append(re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", serve_media))

# Wagtail routes the page URLs (the admin's "view live" links); cms.pages answers them: the website
# is headless.
urlpatterns += i18n_patterns(
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        guard_password_form(wagtail_views.authenticate_with_password, PAGE_FORM),
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = not_found
