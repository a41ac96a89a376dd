"""The toolkit's approval workflow: tools, the workbook and the assessments, reviewed by the moderators.

Wagtail's migrations leave one default workflow on the root page, named in English ("Moderators approval").
Editors see the name on the Submit button ("Lähetä työnkulkuun …"), so every workflow the demo sets up has a
Finnish name, as Innostu's has (inspire/moderation.py).
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

MODERATORS = "Moderators"  # the group Wagtail's own migrations create
WORKFLOW_NAME = "Työkalujen tarkastus"
TASK_NAME = "Moderaattorin hyväksyntä"
# Wagtail's default workflow and its task share one English name; each gets its own Finnish one.
DEFAULT_WORKFLOW_NAME = "Sivuston sisällön tarkastus"
DEFAULT_TASK_NAME = "Sisällön hyväksyntä"
ENGLISH_DEFAULT = "Moderators approval"


def ensure_toolkit_workflow(*, pages: list[Page]) -> Workflow:
    """One approval step by the moderators, on each given page and so on its subtree."""
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    # Not workflow.workflow_tasks.create(): that is a modelcluster relation and would save nothing.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        # The nearest ancestor's workflow applies: this one wins over the default on the root.
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def rename_default_workflow() -> None:
    """Wagtail's default workflow and task (on the root: home and content pages) get Finnish names."""
    Workflow.objects.filter(name=ENGLISH_DEFAULT).update(name=DEFAULT_WORKFLOW_NAME)
    # Tasks are polymorphic: rename through the concrete model, so the name the admin shows changes.
    GroupApprovalTask.objects.filter(name=ENGLISH_DEFAULT).update(name=DEFAULT_TASK_NAME)
