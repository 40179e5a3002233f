"""The kernel's tables: the version counters every process reads (cms.core.versions) and the change
feed (cms.core.changes)."""

from django.db import models


class Version(models.Model):
    """A counter that every change to what it covers raises; cached values carry it in their key.

    In the database because it is the one store every process shares (web workers, the task worker,
    management commands, a shell) and because a bump commits or rolls back with the change itself.
    """

    name = models.CharField(primary_key=True, max_length=40)
    value = models.BigIntegerField()

    class Meta:
        verbose_name = "version counter"

    def __str__(self) -> str:
        return f"{self.name} = {self.value}"


class ChangeHead(models.Model):
    """The one row that orders the change feed (cms.core.changes).

    Every transaction that writes entries locks it first and raises `last_sequence`, so numbers are
    handed out one after another and commit in that order: a reader never sees an entry before an
    earlier one has committed, and a rolled-back transaction leaves no gap. `pruned_through` and
    `pruned_until` say what retention has removed (cursors before it are answered 410).
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_sequence = models.BigIntegerField()
    pruned_through = models.BigIntegerField()
    pruned_until = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "change feed head"

    def __str__(self) -> str:
        return f"changes up to {self.last_sequence}"


class ChangeEntry(models.Model):
    """One line of the change feed: an item of a site became or stayed public (upsert), or left
    public view (delete). Rows are never changed; retention deletes the oldest."""

    UPSERT = "upsert"
    DELETE = "delete"

    sequence = models.BigIntegerField(primary_key=True)
    # Indexed with the sequence below (the feed reads one site in sequence order).
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+", db_index=False)
    item_type = models.CharField(max_length=30)
    item_id = models.IntegerField()
    locale = models.CharField(max_length=20)
    action = models.CharField(max_length=10, choices=[(UPSERT, "upsert"), (DELETE, "delete")])
    changed_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "change feed entry"
        verbose_name_plural = "change feed entries"
        indexes = [models.Index(fields=["site", "sequence"], name="roland_change_site_seq")]

    def __str__(self) -> str:
        return f"{self.sequence}: {self.action} {self.item_type} {self.item_id}"


class PublicItem(models.Model):
    """What the change feed last said is public in a site: the "before" each change is compared
    with. A row per item the feed announced (upsert) and has not taken back (delete); kept apart
    from the entries, so retention never forgets what a replica holds."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    item_id = models.IntegerField()  # a page id; no foreign key, the page may be gone
    item_type = models.CharField(max_length=30)
    locale = models.CharField(max_length=20)

    class Meta:
        verbose_name = "public item of the change feed"
        constraints = [models.UniqueConstraint(fields=["site", "item_id"], name="roland_public_item_once")]

    def __str__(self) -> str:
        return f"{self.item_type} {self.item_id} in site {self.site_id}"


class TranslationTexts(models.Model):
    """When a translation's source last changed its translatable strings, and when the translation
    was last produced from its source (cms.core.translations).

    wagtail-localize re-reads a source on every publish and keeps no date of a change of text, and its
    `Translation.destination_last_updated_at` is never written; a non-text change that follows the
    source onto its translations must not count. One row per translation, written on publish only.
    """

    translation = models.OneToOneField(
        "wagtail_localize.Translation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="roland_texts",
    )
    source_changed_at = models.DateTimeField(null=True)
    translated_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "translation texts state"

    def __str__(self) -> str:
        return (
            f"translation {self.translation_id}: source {self.source_changed_at}, made {self.translated_at}"
        )
