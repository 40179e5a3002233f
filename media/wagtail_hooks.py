"""Admin: per-language image texts, edited beside the image library."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ImageText


class ImageTextCreateView(CreateView):
    def get_initial(self) -> dict:
        """`?image=…&locale=…` fills both in: the translation overview links here per missing text."""
        initial = super().get_initial()
        for name in ("image", "locale"):
            value = self.request.GET.get(name, "")
            if value.isascii() and value.isdigit():
                initial[name] = int(value)
        return initial


class ImageTextViewSet(ModelViewSet):
    model = ImageText
    add_view_class = ImageTextCreateView
    icon = "image"
    menu_label = _("Image texts")
    add_to_admin_menu = False
    form_fields = ["image", "locale", "alt_text", "caption"]
    list_display = ["image", "locale", "alt_text"]
    list_filter = ["locale"]
    search_fields = ["alt_text", "caption"]


image_text_viewset = ImageTextViewSet("image_texts")


@hooks.register("register_admin_viewset")
def register_image_text_viewset():
    return image_text_viewset


@hooks.register("register_settings_menu_item")
def register_image_text_menu_item():
    return image_text_viewset.get_menu_item()
