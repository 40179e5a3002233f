"""Per-site settings of a channel: contact data, CORS origins, the website's preview URL, the
licence the site's open data is published under."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
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


@dataclass(frozen=True)
class Licence:
    label: str  # what exports and the catalogue name it
    url: str  # the licence text
    dcat_uri: str  # its term in the dcat-ap.de licence vocabulary (the catalogue uses it)


# The licences a site may publish its data under (open data in Germany: CC or the Datenlizenz
# Deutschland); the key is stored.
LICENCES = {
    "cc-by-4.0": Licence(
        "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        "https://creativecommons.org/licenses/by/4.0/",
        "http://dcat-ap.de/def/licenses/cc-by/4.0",
    ),
    "cc0-1.0": Licence(
        "Creative Commons Zero 1.0 Universal (CC0 1.0)",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "http://dcat-ap.de/def/licenses/cc-zero",
    ),
    "dl-de-by-2.0": Licence(
        "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)",
        "https://www.govdata.de/dl-de/by-2-0",
        "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
    ),
    "dl-de-zero-2.0": Licence(
        "Datenlizenz Deutschland – Zero – Version 2.0 (dl-de/zero-2-0)",
        "https://www.govdata.de/dl-de/zero-2-0",
        "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
    ),
}
LICENCE_CHOICES = [
    ("cc-by-4.0", _("CC BY 4.0 (attribution)")),
    ("cc0-1.0", _("CC0 1.0 (public domain)")),
    ("dl-de-by-2.0", _("Data licence Germany – attribution – 2.0")),
    ("dl-de-zero-2.0", _("Data licence Germany – zero – 2.0")),
]
DEFAULT_LICENCE = "cc-by-4.0"
DEFAULT_ATTRIBUTION = "Stadt Haldensleben"


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

    licence = models.CharField(
        _("licence of the data"),
        max_length=20,
        choices=LICENCE_CHOICES,
        default=DEFAULT_LICENCE,
        help_text=_(
            "The licence of the bulk exports and the open-data catalogue. Images keep their own licences."
        ),
    )
    attribution = models.CharField(
        _("attribution of the data"),
        max_length=255,
        default=DEFAULT_ATTRIBUTION,
        help_text=_("Whom users of the data name as its source, e.g. Stadt Haldensleben."),
    )

    open_data_contributor_id = models.URLField(
        _("GovData contributor ID"),
        blank=True,
        help_text=_(
            "The dcatde:contributorID GovData assigned to your body, e.g. "
            "http://dcat-ap.de/def/contributors/…; open-data portals reject a catalogue without it."
        ),
    )
    municipality_key = models.CharField(
        _("official municipality key"),
        max_length=12,
        blank=True,
        validators=[RegexValidator(r"^\d{8}(\d{4})?$", _("Eight digits (AGS) or twelve (ARS)."))],
        help_text=_(
            "Amtlicher Gemeindeschlüssel, e.g. 15003000 for Magdeburg: the area the data is about, in the catalogue."
        ),
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
        MultiFieldPanel(
            [
                FieldPanel("licence"),
                FieldPanel("attribution"),
                FieldPanel("open_data_contributor_id"),
                FieldPanel("municipality_key"),
            ],
            heading=_("Open data"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def cors_origins(self) -> list[str]:
        return [line.strip() for line in self.cors_allowed_origins.splitlines() if line.strip()]

    @property
    def licence_terms(self) -> Licence:
        return LICENCES.get(self.licence, LICENCES[DEFAULT_LICENCE])
