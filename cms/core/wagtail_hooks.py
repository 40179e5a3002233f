"""Admin pieces every app's forms rely on: dates typed either way keep what the editor typed."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def typed_dates_js() -> str:
    return format_html('<script src="{}"></script>', static("roland_core/typed-dates.js"))
