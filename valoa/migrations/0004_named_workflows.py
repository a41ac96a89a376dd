"""The site's approval workflows, named in Finnish as editors see them ("Lähetä työnkulkuun …").

Wagtail's migrations leave one default workflow on the root page, named in English ("Moderators approval"):
it gets a Finnish name. The toolkit's and Innostu's workflows (one approval step by the Moderators group)
exist from the start; the pages they apply to are chosen when the site's sections are built
(toolkit/tools/moderation.py, inspire/moderation.py) or by an administrator in the admin.
The names are written out here, not imported: a migration stays as it was written.
"""

from django.db import migrations

ENGLISH_DEFAULT = "Moderators approval"
DEFAULT_WORKFLOW = "Sivuston sisällön tarkastus"
DEFAULT_TASK = "Sisällön hyväksyntä"
MODERATOR_TASK = "Moderaattorin hyväksyntä"
SECTION_WORKFLOWS = ["Työkalujen tarkastus", "Innostun moderointi"]


def create_named_workflows(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    Workflow.objects.filter(name=ENGLISH_DEFAULT).update(name=DEFAULT_WORKFLOW)
    # Tasks are polymorphic: rename through the concrete model, so the name the admin shows changes.
    GroupApprovalTask.objects.filter(name=ENGLISH_DEFAULT).update(name=DEFAULT_TASK)

    content_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    task = GroupApprovalTask.objects.filter(name=MODERATOR_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATOR_TASK, content_type=content_type, active=True)
    task.groups.add(moderators)
    for name in SECTION_WORKFLOWS:
        workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def remove_named_workflows(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow.objects.filter(name__in=SECTION_WORKFLOWS).delete()
    GroupApprovalTask.objects.filter(name=MODERATOR_TASK).delete()
    Workflow.objects.filter(name=DEFAULT_WORKFLOW).update(name=ENGLISH_DEFAULT)
    GroupApprovalTask.objects.filter(name=DEFAULT_TASK).update(name=ENGLISH_DEFAULT)


class Migration(migrations.Migration):
    dependencies = [
        ("valoa", "0003_site_texts"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_named_workflows, remove_named_workflows)]
