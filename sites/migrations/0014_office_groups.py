"""Wagtail's groups and default review in German, with what an editor's job needs.

"Editors" becomes "Redaktion", "Moderators" "Freigabe", the workflow and task "Moderators approval"
"Freigabe" (sites.groups). Both groups get the office's model permissions (categories, organisers,
images and their texts, synonyms, glossary) and the image and document library from its root; the Kiosk-Team may change the screens' settings. Safe to
run again: a name already taken is left alone, permissions are only added.
"""

from django.db import migrations

from sites.groups import (
    COLLECTION_PERMISSIONS,
    EDITOR_GROUP,
    EDITOR_PERMISSIONS,
    KIOSK_PERMISSIONS,
    MODERATOR_GROUP,
    REVIEW_TASK,
    REVIEW_WORKFLOW,
    WAGTAIL_GROUP_NAMES,
    WAGTAIL_REVIEW_NAME,
)

KIOSK_GROUP = "Kiosk-Team"  # sites.models.KIOSK_GROUP, made by 0010
APP_LABELS = ("media", "tourism", "roland_search", "roland_translation", "roland_sites")


def permissions_of(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            found.append(permission)
    return found


def office_groups(apps, schema_editor):
    # Permissions are made after migrate (post_migrate); this migration needs them now, as 0010 did.
    from django.contrib.auth.management import create_permissions

    for label in APP_LABELS:
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    for old, new in WAGTAIL_GROUP_NAMES.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    if not Workflow.objects.filter(name=REVIEW_WORKFLOW).exists():
        Workflow.objects.filter(name=WAGTAIL_REVIEW_NAME).update(name=REVIEW_WORKFLOW)
    if not Task.objects.filter(name=REVIEW_TASK).exists():
        Task.objects.filter(name=WAGTAIL_REVIEW_NAME).update(name=REVIEW_TASK)
    office = permissions_of(apps, EDITOR_PERMISSIONS)
    # Images and documents are permitted per collection: the whole library, from its root.
    in_collections = permissions_of(apps, COLLECTION_PERMISSIONS)
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    for name in (EDITOR_GROUP, MODERATOR_GROUP):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*office)
        for permission in in_collections if root is not None else ():
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)
    kiosk, _created = Group.objects.get_or_create(name=KIOSK_GROUP)
    kiosk.permissions.add(*permissions_of(apps, KIOSK_PERMISSIONS))


def english_names(apps, schema_editor):
    """Back to Wagtail's names; the permissions stay (they were only added)."""
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    for old, new in WAGTAIL_GROUP_NAMES.items():
        if not Group.objects.filter(name=old).exists():
            Group.objects.filter(name=new).update(name=old)
    if not Workflow.objects.filter(name=WAGTAIL_REVIEW_NAME).exists():
        Workflow.objects.filter(name=REVIEW_WORKFLOW).update(name=WAGTAIL_REVIEW_NAME)
    if not Task.objects.filter(name=WAGTAIL_REVIEW_NAME).exists():
        Task.objects.filter(name=REVIEW_TASK).update(name=WAGTAIL_REVIEW_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("roland_sites", "0013_submission_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0083_workflowcontenttype"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("media", "0001_initial"),
        ("tourism", "0007_import_sources"),
        ("roland_search", "0007_kind_choices_from_registry"),
        ("roland_translation", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(office_groups, english_names)]
