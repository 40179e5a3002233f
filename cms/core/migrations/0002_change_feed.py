"""The change feed (cms.core.changes): its ordered entries, the head row that numbers them, and what
it last said is public."""

import time

import django.db.models.deletion
from django.db import migrations, models


def create_head(apps, schema_editor) -> None:
    # Numbers start from the clock, so a cursor of an older database is never taken for one of this.
    ChangeHead = apps.get_model("roland_core", "ChangeHead")
    start = time.time_ns() // 1000
    ChangeHead.objects.get_or_create(pk=1, defaults={"last_sequence": start, "pruned_through": start})


class Migration(migrations.Migration):
    dependencies = [
        ("roland_core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChangeHead",
            fields=[
                ("id", models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
                ("last_sequence", models.BigIntegerField()),
                ("pruned_through", models.BigIntegerField()),
                ("pruned_until", models.DateTimeField(null=True)),
            ],
            options={
                "verbose_name": "change feed head",
            },
        ),
        migrations.CreateModel(
            name="ChangeEntry",
            fields=[
                ("sequence", models.BigIntegerField(primary_key=True, serialize=False)),
                ("item_type", models.CharField(max_length=30)),
                ("item_id", models.IntegerField()),
                ("locale", models.CharField(max_length=20)),
                (
                    "action",
                    models.CharField(choices=[("upsert", "upsert"), ("delete", "delete")], max_length=10),
                ),
                ("changed_at", models.DateTimeField(db_index=True)),
                (
                    "site",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={
                "verbose_name": "change feed entry",
                "verbose_name_plural": "change feed entries",
                "indexes": [models.Index(fields=["site", "sequence"], name="roland_change_site_seq")],
            },
        ),
        migrations.CreateModel(
            name="PublicItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("item_id", models.IntegerField()),
                ("item_type", models.CharField(max_length=30)),
                ("locale", models.CharField(max_length=20)),
                (
                    "site",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.site"
                    ),
                ),
            ],
            options={
                "verbose_name": "public item of the change feed",
                "constraints": [
                    models.UniqueConstraint(fields=("site", "item_id"), name="roland_public_item_once")
                ],
            },
        ),
        migrations.RunPython(create_head, migrations.RunPython.noop),
    ]
