"""The admin's "Maschinell übersetzen" action, with translator failures as a message, not a 500.

wagtail-localize's own view lets any exception of the translator through. This one runs the same
`apply_machine_translation` (it asks the translator first and writes only what came back, in one
transaction), so on a failure nothing is written: the strings stay empty, nothing is published, and
the editor may go on translating by hand and saving.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.update_translations import UpdateTranslationsView as StockUpdateTranslationsView

from . import images
from .translators import TranslatorError

logger = logging.getLogger(__name__)


def failure_message(error: TranslatorError) -> str:
    return _(
        "Machine translation failed: %(reason)s The texts were left empty; you can translate them by hand "
        "and save as usual."
    ) % {"reason": error.message}


@require_POST
def machine_translate(request: HttpRequest, translation_id: int) -> HttpResponse:
    translator = get_machine_translator()
    if translator is None:
        raise Http404
    try:
        translated = apply_machine_translation(translation_id, request.user, translator)
    except TranslatorError as error:
        logger.warning("machine translation of translation %s failed: %s", translation_id, error.detail)
        messages.error(request, failure_message(error))
    else:
        if translated:
            messages.success(request, _("Successfully translated with {}.").format(translator.display_name))
        else:
            messages.warning(request, _("There isn't anything left to translate."))
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


class UpdateTranslationsView(StockUpdateTranslationsView):
    """ "Übersetzungen aktualisieren" with "Maschinelle Übersetzung verwenden": a failing service
    leaves the new strings empty (for every language: all or none) and publishes nothing, but the
    update itself is saved."""

    @transaction.atomic
    def form_valid(self, form):
        if form.cleaned_data.get("use_machine_translation"):
            self.object.update_from_db()
            translator = get_machine_translator()
            try:
                with transaction.atomic():
                    for translation in self.object.translations.filter(enabled=True):
                        apply_machine_translation(translation.id, self.request.user, translator)
            except TranslatorError as error:
                logger.warning("machine translation of source %s failed: %s", self.object.pk, error.detail)
                messages.error(self.request, failure_message(error))
                form.cleaned_data["publish_translations"] = False
            # Done (or given up) here; wagtail-localize's own step would let the error through.
            form.cleaned_data["use_machine_translation"] = False
        return super().form_valid(form)


def image_texts(request: HttpRequest, image_id: int) -> HttpResponse:
    """ "Bildtexte maschinell übersetzen" for one image: which languages lack texts, then fill them."""
    image = get_object_or_404(get_image_model(), pk=image_id)
    policy = policy_registry.get_by_type(type(image))
    if not policy.user_has_permission_for_instance(request.user, "change", image):
        raise PermissionDenied
    translator = get_machine_translator()
    if translator is None:
        raise Http404
    edit_url = reverse("wagtailimages:edit", args=[image.pk])
    if request.method == "POST":
        try:
            filled = images.machine_translate_texts(image, translator)
        except TranslatorError as error:
            logger.warning("machine translation of the texts of image %s failed: %s", image.pk, error.detail)
            messages.error(
                request,
                _("Machine translation failed: %(reason)s No image text was saved.")
                % {"reason": error.message},
            )
        else:
            if filled:
                messages.success(
                    request,
                    _(
                        "Image texts translated with %(name)s into: %(languages)s. Please check them under Settings → Image texts."
                    )
                    % {
                        "name": translator.display_name,
                        "languages": ", ".join(locale.get_display_name() for locale in filled),
                    },
                )
            else:
                messages.warning(request, _("There isn't anything left to translate."))
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "roland_translation/image_texts.html",
        {
            "page_title": _("Translate image texts by machine"),
            "image": image,
            "missing": images.missing_texts(image),
            "translator": translator,
            "edit_url": edit_url,
        },
    )
