"""Webhook subscriptions of receivers (websites, partner apps) and the log of every delivery to them."""

import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from cms.core import registry


class WebhookEvent(models.TextChoices):
    PUBLISHED = "published", _("published")
    UNPUBLISHED = "unpublished", _("unpublished")
    DELETED = "deleted", _("deleted")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    RETRYING = "retrying", _("retrying")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed")


def generate_secret() -> str:
    return secrets.token_urlsafe(32)


def all_events() -> list[str]:
    return list(WebhookEvent.values)


def all_item_types() -> list[str]:
    return [name for name, _label in registry.choices_with_page()]


class ChoiceListField(models.JSONField):
    """A set of choices kept as a JSON list (same on SQLite and PostgreSQL), edited as checkboxes."""

    def __init__(self, *args, item_choices=(), **kwargs) -> None:
        # A callable (the content-type registry's) is kept as such, so migrations refer to it.
        self._item_choices = item_choices if callable(item_choices) else list(item_choices)
        super().__init__(*args, **kwargs)

    @property
    def item_choices(self) -> list:
        return list(self._item_choices()) if callable(self._item_choices) else self._item_choices

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self._item_choices
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return models.Field.formfield(
            self,
            form_class=forms.MultipleChoiceField,
            choices=self.item_choices,
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )

    def validate(self, value, model_instance) -> None:
        super().validate(value, model_instance)
        known = {choice for choice, _label in self.item_choices}
        if not isinstance(value, list) or not set(value) <= known:
            raise ValidationError(_("Choose from the listed options."), code="invalid_choice")


HTTP_URL = URLValidator(schemes=["http", "https"])


class WebhookSubscription(models.Model):
    """A receiver that wants a signed POST whenever chosen content is published, unpublished or deleted."""

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[HTTP_URL],
        help_text=_("Receives a POST with a JSON body for every event."),
    )
    secret = models.CharField(
        _("secret"),
        max_length=200,
        default=generate_secret,
        validators=[MinLengthValidator(16)],
        help_text=_(
            "Give this to the receiver: it checks the X-Roland-Signature header "
            "(sha256=HMAC-SHA256 of the body with this secret). Change it to rotate."
        ),
    )
    # "event" in the webhook sense (a change), not a tourism event: its own translation context.
    event_types = ChoiceListField(
        pgettext_lazy("webhook", "events"), item_choices=WebhookEvent.choices, default=all_events, blank=False
    )
    content_types = ChoiceListField(
        _("content types"), item_choices=registry.choices_with_page, default=all_item_types, blank=False
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("secret"),
        MultiFieldPanel([FieldPanel("event_types"), FieldPanel("content_types")], heading=_("What to send")),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Refuse private-network targets when saved; sites.webhooks checks again before each send."""
        # sites.webhooks (the delivery rules) imports these models; the model asks it when validated.
        from sites.webhooks import UnsafeTarget, check_target

        super().clean()
        try:
            HTTP_URL(self.url)
        except ValidationError:
            return  # the field's own validation reports it
        try:
            check_target(self.url)
        except UnsafeTarget as error:
            raise ValidationError({"url": str(error)}) from None

    def wants(self, event: str, item_type: str) -> bool:
        return self.is_active and event in self.event_types and item_type in self.content_types


class WebhookDelivery(models.Model):
    """One event sent to one subscription: the exact signed body, and how its attempts went."""

    subscription = models.ForeignKey(
        WebhookSubscription,
        verbose_name=_("subscription"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(pgettext_lazy("webhook", "event"), max_length=20, choices=WebhookEvent.choices)
    item_type = models.CharField(_("content type"), max_length=10, choices=registry.choices_with_page)
    object_id = models.PositiveBigIntegerField(_("object id"))
    locale = models.CharField(_("locale"), max_length=10, blank=True)
    payload = models.TextField(_("payload"), help_text=_("The JSON body exactly as signed and sent."))
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_status_code = models.PositiveSmallIntegerField(_("last HTTP status"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["subscription", "-created_at"], name="webhook_delivery_sub_idx"),
            models.Index(fields=["status", "-created_at"], name="webhook_delivery_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_event_display()} {self.item_type} {self.object_id} → {self.subscription}"

    @property
    def is_finished(self) -> bool:
        return self.status in (DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED)
