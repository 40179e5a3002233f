"""Places carry the fingerprint of their opening schedule, so `open_now` lists evaluate each distinct
schedule once. Existing places get theirs from their stored rows."""

from django.db import migrations, models


def fill(apps, schema_editor) -> None:
    from tourism.services.opening_hours import (
        OpeningSchedule,
        dated_exception,
        schedule_key,
        weekly_rule,
    )
    from tourism.models.opening_hours import WEEKDAY_FIELDS

    PointOfInterest = apps.get_model("tourism", "PointOfInterest")
    Rule = apps.get_model("tourism", "OpeningHoursRule")
    Exception_ = apps.get_model("tourism", "OpeningHoursException")
    rules: dict[int, list] = {}
    for page_id, *flags, opens, closes, valid_from, valid_to, every_year in (
        Rule.objects.order_by("page_id", "sort_order").values_list(
            "page_id", *WEEKDAY_FIELDS, "opens", "closes", "valid_from", "valid_to", "every_year"
        )
    ):
        weekdays = [index for index, flag in enumerate(flags) if flag]
        rules.setdefault(page_id, []).append(
            weekly_rule(weekdays, opens, closes, valid_from, valid_to, every_year)
        )
    exceptions: dict[int, list] = {}
    for page_id, *values in Exception_.objects.order_by("page_id", "sort_order").values_list(
        "page_id", "date_from", "date_to", "closed", "opens", "closes", "reason"
    ):
        exceptions.setdefault(page_id, []).append(dated_exception(*values))
    places = [
        PointOfInterest(
            pk=pk,
            opening_hours_key=schedule_key(
                OpeningSchedule(tuple(rules.get(pk, ())), tuple(exceptions.get(pk, ())), closed)
            ),
        )
        for pk, closed in PointOfInterest.objects.values_list("pk", "closed_on_public_holidays")
    ]
    PointOfInterest.objects.bulk_update(places, ["opening_hours_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("tourism", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="pointofinterest",
            name="opening_hours_key",
            field=models.CharField(blank=True, default="", editable=False, max_length=16),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
