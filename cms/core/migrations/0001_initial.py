"""The version counters move from each process's cache into the database (shared by every process)."""

import time

from django.db import migrations, models

NAMES = ("content", "visibility", "api-clients")


def seed(apps, schema_editor) -> None:
    # Counters start from the clock, so a recreated database never reuses a number that cached
    # values of an older one were stored under.
    Version = apps.get_model("roland_core", "Version")
    start = time.time_ns() // 1000
    Version.objects.bulk_create([Version(name=name, value=start) for name in NAMES], ignore_conflicts=True)


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []

    operations = [
        migrations.CreateModel(
            name="Version",
            fields=[
                ("name", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("value", models.BigIntegerField()),
            ],
            options={"verbose_name": "version counter"},
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
