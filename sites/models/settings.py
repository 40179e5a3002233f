"""Per-site settings of a channel: contact data, CORS origins, the website's preview URL."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def validate_origins(value: str) -> None:
    """Each line must be a bare origin: scheme, host and optional port, nothing else."""
    validate_url = URLValidator(schemes=["http", "https"])
    for line_no, origin in enumerate(value.splitlines(), start=1):
        origin = origin.strip()
        if not origin:
            continue
        try:
            validate_url(origin)
        except ValidationError:
            raise ValidationError(
                _("Line %(line)s: %(origin)s is not an http(s) origin."),
                params={"line": line_no, "origin": origin},
            ) from None
        if origin.count("/") > 2:
            raise ValidationError(
                _("Line %(line)s: an origin has no path (write %(origin)s without it)."),
                params={"line": line_no, "origin": origin},
            )


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(_("organisation"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    website_url = models.URLField(
        _("public website URL"),
        blank=True,
        help_text=_("Base URL of the website that shows this site's content; used for public links."),
    )
    preview_url = models.URLField(
        _("preview URL"),
        blank=True,
        help_text=_("The website's preview page; the draft's content type and token are appended."),
    )
    cors_allowed_origins = models.TextField(
        _("CORS allowed origins"),
        blank=True,
        validators=[validate_origins],
        help_text=_("One origin per line, e.g. https://www.haldensleben.de"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("website_url"), FieldPanel("preview_url"), FieldPanel("cors_allowed_origins")],
            heading=_("Website and API"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def cors_origins(self) -> list[str]:
        return [line.strip() for line in self.cors_allowed_origins.splitlines() if line.strip()]
