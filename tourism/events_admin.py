"""*Veranstaltungen* in the admin: the events of one language by their next date, and two actions.

The list reads next and last dates from the occurrence table in its one query
(`selectors.with_next_dates`); *Absagen* and *Mit neuem Datum duplizieren* are forms whose rules
are `services.event_actions` (cancelling publishes through the publish pipeline).
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.wagtail_hooks import page_listing_more_buttons as core_page_buttons
from wagtail.admin.widgets import AdminDateInput
from wagtail.admin.widgets.button import Button, ButtonWithDropdown
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale

from cms.core.preview import remember_preview_modes
from cms.core.timezone import LOCAL_TZ

from .models import Category, Event, EventStatus
from .models.snippets import event_categories
from .selectors import upcoming_q, with_next_dates
from .services.event_actions import EventActionError, cancel_event, duplicate_event

STATUS_LABEL_MAX = 300


def local_today():
    return timezone.now().astimezone(LOCAL_TZ).date()


def when_text(moment, all_day: bool) -> str:
    """A start as editors read it: "Sa., 12.12.2026, 19:30" in Berlin time (all-day: the date)."""
    local = moment.astimezone(LOCAL_TZ)
    day = f"{date_format(local, 'D')}., {local:%d.%m.%Y}"
    return day if all_day else f"{day}, {local:%H:%M}"


# --- the list -------------------------------------------------------------------------------------


class EventTitleColumn(PageTitleColumn):
    """The title with the row's actions: Wagtail's own and ours, in a bounded number of queries
    (wagtail-localize's translate buttons ask the database per row: they stay in the page explorer)."""

    cell_template_name = "tourism/events/title_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        next_url = parent_context.get("actions_next_url") or request.path
        user = request.user
        offered = [
            *core_page_buttons(page=instance, user=user, next_url=next_url),
            *event_buttons(instance, user, next_url),
        ]
        buttons = sorted(
            [
                Button.from_menu_item(item)
                for item in offered
                if isinstance(item, MenuItem) and item.is_shown(user)
            ]
            + [item for item in offered if not isinstance(item, MenuItem) and item.show]
        )
        context["row_buttons"] = (
            [
                ButtonWithDropdown(
                    buttons=buttons,
                    icon_name="dots-horizontal",
                    attrs={
                        "aria-label": _("More options for '%(title)s'")
                        % {"title": instance.get_admin_display_title()}
                    },
                )
            ]
            if buttons
            else []
        )
        return context


class NextDateColumn(Column):
    """The next occurrence; a past event its last one, an event never published its own start."""

    cell_template_name = "tourism/events/next_date_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if instance.next_start is not None:
            moment, all_day, state = instance.next_start, instance.next_all_day, "next"
        elif instance.last_start is not None:
            moment, all_day, state = instance.last_start, instance.last_all_day, "past"
        else:
            moment, all_day, state = instance.start, instance.all_day, "unpublished"
        context.update(
            {
                "when": when_text(moment, all_day),
                "moment": moment,
                "state": state,
                "recurring": bool(instance.recurrence_rule),
            }
        )
        return context


class VenueColumn(Column):
    def get_value(self, instance) -> str:
        if instance.venue_id:
            return instance.venue_title
        return instance.location_name or ("online" if instance.online_url else "")


class EventStatusColumn(Column):
    cell_template_name = "tourism/events/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(
            {
                "status": instance.status,
                "label": instance.get_status_display(),
                "cancelled": instance.status == EventStatus.CANCELLED,
                "note": instance.status_note,
            }
        )
        return context


class LanguageColumn(Column):
    def get_value(self, instance) -> str:
        return instance.locale.get_display_name()


class EventFilterSet(WagtailFilterSet):
    """Kommend / vergangen, the status (abgesagt …), the category, the language (the editor's by
    default, or all)."""

    when = django_filters.ChoiceFilter(
        label=gettext_lazy("Dates"),
        choices=[("upcoming", gettext_lazy("upcoming")), ("past", gettext_lazy("past"))],
        empty_label=gettext_lazy("all dates"),
        widget=forms.RadioSelect,
        method="filter_when",
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=EventStatus.choices,
        empty_label=gettext_lazy("every status"),
        widget=forms.RadioSelect,
    )
    categories = django_filters.ModelMultipleChoiceFilter(
        label=gettext_lazy("category"),
        queryset=lambda request: Category.objects.filter(event_categories()).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    locale = django_filters.ChoiceFilter(
        label=gettext_lazy("Language"),
        choices=lambda: list(get_content_languages().items()),
        empty_label=gettext_lazy("all languages"),
        widget=forms.RadioSelect,
        method="filter_locale",
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        # Without a choice, the list shows the events of the editor's own language.
        self.default_language = Locale.get_active().language_code
        if data is not None and "locale" not in data:
            data = data.copy()
            data["locale"] = self.default_language
        super().__init__(data, *args, **kwargs)
        self.filters["locale"].extra["initial"] = self.default_language

    def filter_when(self, queryset, name, value):
        today = local_today()
        if value == "upcoming":
            return queryset.filter(upcoming_q(today))
        if value == "past":
            return queryset.exclude(upcoming_q(today))
        return queryset

    def filter_locale(self, queryset, name, value):
        return queryset.filter(locale__language_code=value) if value else queryset


class EventIndexView(IndexView):
    """Events with their next date, place, status and language, sorted by the next date."""

    default_ordering = "date_key"
    page_title = gettext_lazy("Events")

    def get_base_queryset(self):
        # The venue's title as a column of the one query (Wagtail's specific() would read it per row).
        events = super().get_base_queryset().annotate(venue_title=F("venue__title"))
        return with_next_dates(events, timezone.now())

    def get_table(self, object_list):
        rows = list(object_list)
        remember_preview_modes(rows)  # rows with a draft ask for it: each site once, not per row
        return super().get_table(rows)

    def order_queryset(self, queryset):
        # Events to come first by their next date, then those over, the latest first; events without
        # a stored date (never published) last. Ties keep one order (pages of a list).
        if self.ordering == "date_key":
            return queryset.order_by(
                F("next_start").asc(nulls_last=True),
                F("last_start").desc(nulls_last=True),
                "start_date",
                "pk",
            )
        if self.ordering == "-date_key":
            return queryset.order_by(F("date_key").desc(nulls_last=True), "-start_date", "-pk")
        return super().order_queryset(queryset).order_by(self.ordering or "title", "pk")


class EventListingViewSet(PageListingViewSet):
    model = Event
    icon = "date"
    menu_label = gettext_lazy("Events")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = EventIndexView
    filterset_class = EventFilterSet
    columns = [
        EventTitleColumn("title", label=gettext_lazy("Title"), sort_key="title", classname="title"),
        NextDateColumn("next_date", label=gettext_lazy("Next date"), sort_key="date_key", width="18%"),
        VenueColumn("venue", label=gettext_lazy("Place"), width="16%"),
        EventStatusColumn("event_status", label=gettext_lazy("Status"), sort_key="status", width="14%"),
        LanguageColumn("language", label=gettext_lazy("Language"), width="10%"),
        PageStatusColumn("live", label=gettext_lazy("Publication"), sort_key="live", width="12%"),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:page_id>/cancel/", cancel_view, name="cancel"),
            path("<int:page_id>/duplicate/", duplicate_view, name="duplicate"),
        ]


events_viewset = EventListingViewSet("events")


# --- the actions ----------------------------------------------------------------------------------


class CancelForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note for the public"),
        max_length=STATUS_LABEL_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Why the event is cancelled, or where to turn instead (shown with the event)."
        ),
        error_messages={"required": gettext_lazy("Say why the event is cancelled.")},
    )

    def __init__(self, *args, translations=(), **kwargs) -> None:
        """One optional note per live translation, in its language: the note is text, which a
        translation does not take from its source."""
        super().__init__(*args, **kwargs)
        self.translation_locales = {}
        for translation in translations:
            name = f"note_{translation.locale.language_code}"
            self.translation_locales[name] = translation.locale_id
            self.fields[name] = forms.CharField(
                label=_("Note in %(language)s") % {"language": translation.locale.get_display_name()},
                max_length=STATUS_LABEL_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_(
                    "Optional. Left empty, the %(language)s page shows the cancellation without a note "
                    "until it is translated."
                )
                % {"language": translation.locale.get_display_name()},
            )

    def translated_notes(self) -> dict[int, str]:
        return {
            locale_id: self.cleaned_data.get(name, "") for name, locale_id in self.translation_locales.items()
        }


class DuplicateForm(forms.Form):
    start_date = forms.DateField(
        label=gettext_lazy("New start date"),
        widget=AdminDateInput,
        error_messages={"required": gettext_lazy("Enter the date of the new event.")},
    )


def _event_for(request: HttpRequest, page_id: int) -> Event:
    return get_object_or_404(Event.objects.select_related("locale"), pk=page_id)


def _back_url(request: HttpRequest) -> str:
    target = request.GET.get("next") or request.POST.get("next") or ""
    return target if target.startswith("/admin/") else reverse("events:index")


def cancel_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """GET: the confirmation with the required note; POST: the event cancelled and published."""
    event = _event_for(request, page_id)
    if not event.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    translations = event.get_translations().filter(live=True).select_related("locale") if event.live else []
    form = CancelForm(request.POST or None, initial={"note": event.status_note}, translations=translations)
    if request.method == "POST" and form.is_valid():
        try:
            cancel_event(
                event, form.cleaned_data["note"], user=request.user, translated_notes=form.translated_notes()
            )
        except (ValidationError, EventActionError) as exc:
            messages.error(
                request, _("The event could not be cancelled: %(error)s") % {"error": _errors(exc)}
            )
        else:
            if event.live:
                text = _("“%(title)s” is cancelled; the change is live in every language.")
            else:
                text = _("“%(title)s” is cancelled in its draft; it is not published.")
            messages.success(request, text % {"title": event.title})
            return redirect(_back_url(request))
    return TemplateResponse(
        request,
        "tourism/events/cancel.html",
        {
            "page_title": _("Cancel event"),
            "event": event,
            "form": form,
            "back_url": _back_url(request),
            "translations": translations,
        },
    )


def duplicate_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """GET: the new date; POST: a draft copy at that date, then its edit page."""
    event = _event_for(request, page_id)
    parent = event.get_parent()
    if not event.permissions_for_user(request.user).can_copy_to(parent):
        raise PermissionDenied
    form = DuplicateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        copy = duplicate_event(event, form.cleaned_data["start_date"], user=request.user)
        messages.success(
            request,
            _("“%(title)s” was copied to %(date)s as a draft: check it and publish it.")
            % {"title": copy.title, "date": f"{copy.start_date:%d.%m.%Y}"},
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)
    return TemplateResponse(
        request,
        "tourism/events/duplicate.html",
        {
            "page_title": _("Duplicate with a new date"),
            "event": event,
            "form": form,
            "back_url": _back_url(request),
        },
    )


def _errors(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    return str(exc)


# --- buttons on every list of pages and on the event's own header ---------------------------------


class CancelButton(PageMenuItem):
    label = gettext_lazy("Cancel event")
    icon_name = "cross"
    url_name = "events:cancel"

    def is_shown(self, user) -> bool:
        return (
            self.page.status != EventStatus.CANCELLED and self.page.permissions_for_user(user).can_publish()
        )


class DuplicateButton(PageMenuItem):
    label = gettext_lazy("Duplicate with a new date")
    icon_name = "copy"
    url_name = "events:duplicate"

    def is_shown(self, user) -> bool:
        return self.page.permissions_for_user(user).can_copy()


def event_buttons(page, user, next_url=None, view_name=None):
    """Both actions for an event (the listing's rows are events already; elsewhere only those
    whose fields are at hand)."""
    if not isinstance(page, Event):
        return
    yield CancelButton(page=page, next_url=next_url, priority=35)
    yield DuplicateButton(page=page, next_url=next_url, priority=25)
