"""Wagtail's apps start without building the API v3 Roland does not serve (cms.wagtail_apps), and
still set up everything else of theirs."""

import sys

from django.db.models import CASCADE, ForeignKey
from django.urls import NoReverseMatch, reverse
from wagtail.admin.forms.models import registry as form_field_overrides
from wagtail.contrib.redirects.signal_handlers import autocreate_redirects_on_page_move
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.widgets import AdminImageChooser
from wagtail.models.reference_index import ReferenceIndex
from wagtail.signals import post_page_move
from wagtail.snippets.models import get_snippet_models

from cms.wagtail_apps import API_V3_MODULES, without_api_v3
from sites.models import ApiClient


def test_wagtails_api_v3_is_not_built_at_start():
    assert not [name for name in sys.modules if ".api.v3" in name]
    try:
        reverse("wagtailapi_v3:detail_image", kwargs={"image_id": 1})
    except NoReverseMatch:
        pass
    else:  # pragma: no cover
        raise AssertionError("Wagtail's API v3 is mounted")


def test_the_apps_set_up_the_rest_of_what_wagtail_does_in_ready():
    image = get_image_model()
    assert form_field_overrides.get(ForeignKey(image, on_delete=CASCADE))["widget"] is AdminImageChooser
    assert ReferenceIndex.is_indexed(image)
    assert ReferenceIndex.is_indexed(get_document_model())
    assert ApiClient in get_snippet_models()
    assert autocreate_redirects_on_page_move in [entry[1]() for entry in post_page_move.receivers]


def test_the_stand_ins_leave_sys_modules_as_they_found_it():
    held = object()
    sys.modules[API_V3_MODULES[1]] = held
    try:
        with without_api_v3():
            assert all(sys.modules[name].register_content_types() is None for name in API_V3_MODULES)
        assert sys.modules[API_V3_MODULES[1]] is held
        assert not any(name in sys.modules for name in API_V3_MODULES if name != API_V3_MODULES[1])
    finally:
        del sys.modules[API_V3_MODULES[1]]
