"""The props of wagtail-localize's translation editor for someone who may not publish: its publish
button offered, to become *Zur Freigabe einreichen* (`editor_submit.js`, `review.py`)."""

from __future__ import annotations

import json

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page

from .. import review

register = template.Library()


@register.simple_tag(takes_context=True)
def review_props(context: template.Context) -> str:
    """The editor's props (JSON), for a translator who may not publish but has a review to hand the
    translation to: `perms.canPublish` set, so the bundle builds its publish button as the main
    action (instead of *Löschen*, the last one it builds for them), and `rolandSubmit` with the
    button's label and value for `editor_submit.js`. Anyone else gets the props unchanged."""
    props = context["props"]
    instance, request = context.get("instance"), context.get("request")
    if (
        not isinstance(instance, Page)
        or request is None
        or not review.offers_submission(instance, request.user)
    ):
        return props
    data = json.loads(props)
    data["perms"]["canPublish"] = True
    data["rolandSubmit"] = {
        "action": review.SUBMIT_ACTION,
        "label": _("Submit for approval"),
        "busyLabel": _("Submitting for approval…"),
    }
    return json.dumps(data)
