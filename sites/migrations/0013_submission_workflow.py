"""The moderation workflow «Veranstaltung prüfen»: one group approval task for Wagtail's moderators,
assigned to the events indexes that exist now (sites.submissions assigns a newer one on first use)."""

from django.db import migrations

WORKFLOW_NAME = "Veranstaltung prüfen"
TASK_NAME = "Veranstaltung freigeben"
MODERATOR_GROUP = "Moderators"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    EventIndexPage = apps.get_model("tourism.EventIndexPage")

    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    moderators, _ = Group.objects.get_or_create(name=MODERATOR_GROUP)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in EventIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    GroupApprovalTask.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("roland_sites", "0012_event_submissions"),
        ("wagtailcore", "0083_workflowcontenttype"),
        ("tourism", "0005_category_kinds_from_registry"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
