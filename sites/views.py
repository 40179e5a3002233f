"""Admin views for partner API clients: the key is shown once, on creation, and never again."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .api_keys import issue_key
from .models import ApiClient


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
