"""*Hinweise an Bildschirme* in the admin: write a notice per language, target screens, give the all clear.

Creating and editing are logged by Wagtail (who, when); the all clear is logged as its own action
(`roland.kiosk_all_clear`); the edit page lists which of the targeted screens have received it.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log

from . import notices
from .models import KioskNotice, KioskNoticeConfirmation, Target
from .models.notices import END_REQUIRED

ALL_CLEAR_ACTION = "roland.kiosk_all_clear"


def text_field_name(code: str) -> str:
    return f"text_{code}"


class KioskNoticeFormBase(WagtailAdminModelForm):
    """The texts are one field per configured language, kept together in `texts`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ends_at"].error_messages["required"] = END_REQUIRED
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            self.fields[text_field_name(code)].initial = (self.instance.texts or {}).get(code, "")

    def clean(self) -> dict:
        data = super().clean()
        default = settings.LANGUAGE_CODE
        if not (data.get(text_field_name(default)) or "").strip():
            self.add_error(text_field_name(default), _("Enter the text in the default language."))
        if data.get("target") == Target.SELECTED and not data.get("screens"):
            self.add_error("screens", _("Choose at least one screen."))
        return data

    def save(self, commit: bool = True) -> KioskNotice:
        notice = self.instance
        notice.texts = {
            code: text.strip()
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            if (text := self.cleaned_data.get(text_field_name(code)) or "").strip()
        }
        if notice.pk is None and self.for_user is not None and self.for_user.is_authenticated:
            notice.created_by = self.for_user
        return super().save(commit)


def text_fields() -> dict[str, forms.Field]:
    return {
        text_field_name(code): forms.CharField(
            label=_("Text (%(language)s)") % {"language": name},
            required=False,
            max_length=500,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


# The configured languages are read once at start-up, like the rest of the settings.
KioskNoticeForm = type("KioskNoticeForm", (KioskNoticeFormBase,), text_fields())


class ConfirmationsPanel(Panel):
    """Which of the targeted screens have received the notice, and when (a fixed number of queries)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "kiosks/notice_confirmations.html"

        def is_shown(self) -> bool:
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None) -> dict:
            context = super().get_context_data(parent_context)
            notice = self.instance
            received = {
                row.screen_id: row.confirmed_at
                for row in KioskNoticeConfirmation.objects.filter(notice=notice).only(
                    "screen_id", "confirmed_at"
                )
            }
            rows = [(screen, received.get(screen.pk)) for screen in notices.targeted_screens(notice)]
            context.update(
                {
                    "rows": rows,
                    "notice": notice,
                    "confirmed": sum(1 for _screen, at in rows if at),
                    "created_by": notice.created_by,
                }
            )
            return context


def notice_panels() -> list:
    return [
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel(text_field_name(code)) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
            heading=_("Text on the screens"),
        ),
        FieldPanel("severity"),
        MultiFieldPanel(
            [
                FieldPanel("target"),
                FieldPanel("screens", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude"), FieldPanel("radius_km")]),
            ],
            heading=_("Screens"),
        ),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Time")),
        ConfirmationsPanel(heading=_("Received by")),
    ]


def can_give_all_clear(user) -> bool:
    return user.has_perm("roland_sites.change_kiosknotice")


class NoticeCreateView(CreateView):
    def get_initial_form_instance(self):
        return KioskNotice(starts_at=timezone.now().replace(second=0, microsecond=0))


class NoticeEditView(EditView):
    all_clear_url_name: str | None = None

    @cached_property
    def header_more_buttons(self) -> list:
        buttons = super().header_more_buttons
        if (
            self.all_clear_url_name
            and can_give_all_clear(self.request.user)
            and self.object.effective_end > timezone.now()
        ):
            buttons.append(
                Button(
                    _("All clear"),
                    url=reverse(self.all_clear_url_name, args=(self.object.pk,)),
                    icon_name="check",
                    priority=5,
                )
            )
        return buttons


class AllClearView(View):
    """Confirm (GET), then end the notice on every screen now (POST)."""

    index_url_name = ""
    edit_url_name = ""

    def dispatch(self, request, pk: int):
        if not can_give_all_clear(request.user):
            raise PermissionDenied
        self.notice = get_object_or_404(KioskNotice, pk=pk)
        return super().dispatch(request, pk)

    def get(self, request, pk: int) -> TemplateResponse:
        return TemplateResponse(
            request,
            "kiosks/notice_all_clear.html",
            {
                "notice": self.notice,
                "header_icon": "check",
                "page_title": _("All clear"),
                "back_url": reverse(self.edit_url_name, args=(self.notice.pk,)),
            },
        )

    def post(self, request, pk: int) -> HttpResponseRedirect:
        if notices.all_clear(self.notice, request.user, timezone.now()):
            log(instance=self.notice, action=ALL_CLEAR_ACTION, user=request.user)
            messages.success(request, _("All clear: the notice has ended on every screen."))
        else:
            messages.warning(request, _("The notice had already ended."))
        return redirect(self.index_url_name)


class KioskNoticeViewSet(ModelViewSet):
    model = KioskNotice
    icon = "warning"
    menu_label = _("Notices to screens")
    add_to_admin_menu = True
    menu_order = 901
    add_to_reference_index = False
    copy_view_enabled = False
    add_view_class = NoticeCreateView
    edit_view_class = NoticeEditView
    list_display = [
        "title",
        "severity",
        "target",
        "starts_at",
        "ends_at",
        "ended_at",
        Column("confirmation_count", label=_("received by screens")),
    ]
    list_filter = ["severity", "target"]
    search_fields = ["title"]
    edit_handler = ObjectList(notice_panels(), base_form_class=KioskNoticeForm)

    def get_index_view_kwargs(self, **kwargs) -> dict:
        queryset = KioskNotice.objects.annotate(confirmation_count=Count("confirmations"))
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)

    def get_edit_view_kwargs(self, **kwargs) -> dict:
        return super().get_edit_view_kwargs(all_clear_url_name=self.get_url_name("all_clear"), **kwargs)

    @property
    def all_clear_view(self):
        return AllClearView.as_view(
            index_url_name=self.get_url_name("index"), edit_url_name=self.get_url_name("edit")
        )

    def get_urlpatterns(self) -> list:
        return [
            *super().get_urlpatterns(),
            path("all-clear/<int:pk>/", self.all_clear_view, name="all_clear"),
        ]
