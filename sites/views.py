"""Admin views of the channels.

Partner API clients: the key is shown once, on creation, and never again. Webhooks: subscriptions,
and a read-only delivery log from which a delivery can be sent again.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from . import webhooks
from .api_keys import issue_key
from .models import ApiClient, WebhookDelivery, WebhookSubscription


class ApiClientCreateView(CreateView):
    def save_instance(self) -> ApiClient:
        self._plain_key = issue_key(self.form.instance)
        return super().save_instance()

    def save_action(self) -> TemplateResponse:
        # Render the key in the POST's answer instead of redirecting: it is never stored in plain
        # text, not even in a session message.
        return TemplateResponse(
            self.request,
            "sites/api_client_key.html",
            {
                "client": self.object,
                "key": self._plain_key,
                "index_url": self.get_success_url(),
                "header_icon": "key",
                "page_title": _("New API key"),
            },
        )


class ApiClientViewSet(SnippetViewSet):
    model = ApiClient
    icon = "key"
    menu_label = _("API clients")
    add_to_admin_menu = False
    add_view_class = ApiClientCreateView
    list_display = ["name", "contact_name", "key_prefix", "rate_limit", "is_active", "last_used_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "contact_name", "contact_email", "key_prefix"]


class WebhookSubscriptionViewSet(ModelViewSet):
    """Receivers and what they subscribe to; the secret is in the form, to copy to the receiver."""

    model = WebhookSubscription
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    copy_view_enabled = False  # a copy would share the secret
    add_to_reference_index = False
    list_display = ["name", "url", "is_active", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]


class WebhookDeliveryInspectView(InspectView):
    redeliver_url_name: str | None = None

    @cached_property
    def header_more_buttons(self) -> list:
        buttons = super().header_more_buttons
        if self.redeliver_url_name and can_redeliver(self.request.user):
            buttons.append(
                Button(
                    _("Send again"),
                    url=reverse(self.redeliver_url_name, args=(self.object.pk,)),
                    icon_name="resubmit",
                    priority=30,
                )
            )
        return buttons


def can_redeliver(user) -> bool:
    return user.has_perm("roland_sites.change_webhooksubscription")


class RedeliverView(View):
    """Confirm (GET), then queue the delivery's body again as a new delivery (POST)."""

    inspect_url_name = ""

    def dispatch(self, request, pk: int):
        if not can_redeliver(request.user):
            raise PermissionDenied
        self.delivery = get_object_or_404(WebhookDelivery.objects.select_related("subscription"), pk=pk)
        return super().dispatch(request, pk)

    def get(self, request, pk: int) -> TemplateResponse:
        return TemplateResponse(
            request,
            "sites/webhook_redeliver.html",
            {
                "delivery": self.delivery,
                "header_icon": "resubmit",
                "page_title": _("Send again"),
                "back_url": reverse(self.inspect_url_name, args=(self.delivery.pk,)),
            },
        )

    def post(self, request, pk: int) -> HttpResponseRedirect:
        again = webhooks.redeliver(self.delivery)
        messages.success(request, _("The delivery was queued again."))
        return redirect(self.inspect_url_name, again.pk)


class WebhookDeliveryViewSet(ModelViewSet):
    """The delivery log: read-only (listing and details), plus "send again"."""

    model = WebhookDelivery
    icon = "list-ul"
    menu_label = _("Webhook deliveries")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = WebhookDeliveryInspectView
    list_display = [
        "object_id",
        "event",
        "item_type",
        "subscription",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "created_at",
        "next_attempt_at",
        "delivered_at",
    ]
    list_filter = ["subscription", "status", "event"]
    add_to_reference_index = False

    def get_common_view_kwargs(self, **kwargs) -> dict:
        # No add, edit, delete, history or usage views: the log records what happened.
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_inspect_view_kwargs(self, **kwargs) -> dict:
        return super().get_inspect_view_kwargs(redeliver_url_name=self.get_url_name("redeliver"), **kwargs)

    @property
    def redeliver_view(self):
        return RedeliverView.as_view(inspect_url_name=self.get_url_name("inspect"))

    def get_urlpatterns(self) -> list:
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("redeliver/<int:pk>/", self.redeliver_view, name="redeliver"),
        ]
