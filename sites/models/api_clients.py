"""Partner API clients: who may read the API with a key, and how fast."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def default_rate_limit() -> int:
    return settings.API_RATE_LIMIT_KEYED


class ApiClient(models.Model):
    """A partner (tourism board, event portal, app maker) with its own key and rate limit.

    Only a SHA-256 digest of the key is stored: keys are 256-bit random tokens, so a fast digest is as
    safe as a password hash here and keeps the per-request check cheap.
    """

    name = models.CharField(_("name"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    rate_limit = models.PositiveIntegerField(
        _("rate limit (requests per minute)"),
        default=default_rate_limit,
        validators=[MinValueValidator(1), MaxValueValidator(1_000_000)],
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Clear to revoke the key; it stops working at once.")
    )
    may_submit_events = models.BooleanField(
        _("may submit events"),
        default=False,
        help_text=_("Events sent with this key go to the moderation workflow «Veranstaltung prüfen»."),
    )
    key_prefix = models.CharField(_("key prefix"), max_length=16, editable=False, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
        FieldPanel("rate_limit"),
        FieldPanel("is_active"),
        FieldPanel("may_submit_events"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
