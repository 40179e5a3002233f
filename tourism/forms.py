"""The editor's form of places and events: choosers opened in the page's language, chosen pages checked
for it, and coordinates that look wrong held back from publishing until the editor confirms them."""

from django import forms
from django.apps import apps
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .panels import LocalePageChooser
from .validators import coordinate_warning, coordinate_warning_message, language_mismatch

# Page choosers on these forms and the page type whose index they open at ("" = the site's home in
# the page's language, for links that may go to any content type).
CHOOSERS = {"venue": "tourism.PointOfInterestIndexPage", "target": ""}


def _root_in_language(parent: Page | None, locale_id: int) -> Page | None:
    """The edited page's site root in its language (the home page's translation)."""
    if parent is None:
        return None
    home = parent if parent.depth == 2 else parent.get_ancestors().filter(depth=2).first()
    if home is None:
        return None
    return Page.objects.filter(translation_key=home.translation_key, locale_id=locale_id).first()


def _chooser_start(index_label: str, root: Page | None) -> int | None:
    if root is None:
        return None
    if not index_label:
        return root.pk
    index = apps.get_model(index_label).objects.descendant_of(root).filter(locale_id=root.locale_id).first()
    return index.pk if index else root.pk


def other_language_error(page_locale_id: int | None, chosen: Page) -> str | None:
    """The field's message when a chosen page is in another language and has a version in this page's
    language (which it should be; an untranslated page may be linked as it is)."""
    if not language_mismatch(page_locale_id, chosen):
        return None
    version = chosen.get_translation_or_none(page_locale_id)
    if version is None:
        return None
    return _(
        "“%(title)s” is the %(language)s version; choose the one in this page's language: “%(version)s”."
    ) % {
        "title": chosen.title,
        "language": get_language_info(chosen.locale.language_code)["name_translated"],
        "version": version.title,
    }


class TourismPageForm(WagtailAdminPageForm):
    """The form of places, events and news (their `base_form_class`)."""

    confirm_coordinates = forms.BooleanField(
        required=False,
        label=gettext_lazy("Publish these coordinates anyway"),
        help_text=gettext_lazy(
            "Only needed when the coordinates lie outside the region or look swapped, and are right."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        root = _root_in_language(parent, locale_id) if locale_id else None
        for name, index_label in CHOOSERS.items():
            if isinstance(self.fields.get(name, forms.Field()).widget, LocalePageChooser):
                self.fields[name].widget.default_parent_id = _chooser_start(index_label, root)
        formset = self.formsets.get("related_links") if hasattr(self, "formsets") else None
        if formset is not None:
            # The formset builds its forms (and the empty one that "Add" copies) from one class:
            # a subclass of this request carries the start page into all of them.
            start = _chooser_start(CHOOSERS["target"], root)
            subclass = type(formset.form.__name__, (formset.form,), {})
            widget = subclass.base_fields["target"].widget
            if isinstance(widget, LocalePageChooser):
                widget.default_parent_id = start
            formset.form = subclass

    def clean(self):
        cleaned = super().clean()
        locale_id = self.instance.locale_id
        venue = cleaned.get("venue")
        if venue is not None and (message := other_language_error(locale_id, venue)):
            self.add_error("venue", message)
        formset = self.formsets.get("related_links") if hasattr(self, "formsets") else None
        if formset is not None:
            for child in formset.forms:
                if not child.is_valid() or child.cleaned_data.get("DELETE"):
                    continue
                target = child.cleaned_data.get("target")
                if target is not None and (message := other_language_error(locale_id, target.specific)):
                    child.add_error("target", message)
                    self.add_error(None, _("A related page is in another language: see the related content."))
        kind = coordinate_warning(cleaned.get("latitude"), cleaned.get("longitude"))
        if kind and self.data.get("action-publish") and not cleaned.get("confirm_coordinates"):
            self.add_error(
                "latitude",
                " ".join(
                    (
                        coordinate_warning_message(kind),
                        _("To publish them as they are, tick “Publish these coordinates anyway”."),
                    )
                ),
            )
        return cleaned
