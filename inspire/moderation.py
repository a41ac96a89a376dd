"""The Innostu moderation workflow (editor submits, moderator approves) and its two demo users.

Both functions are idempotent: the demo command calls them on every run.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"  # the group names Wagtail's own migrations create
MODERATORS = "Moderators"
WORKFLOW_NAME = "Innostun moderointi"
TASK_NAME = "Moderaattorin hyväksyntä"

# (username, first name, last name, group, environment variable holding the password)
DEMO_USERS = [
    ("tiina.toimittaja", "Tiina", "Toimittaja", EDITORS, "VALOA_EDITOR_PASSWORD"),
    ("mikko.moderaattori", "Mikko", "Moderaattori", MODERATORS, "VALOA_MODERATOR_PASSWORD"),
]

_PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page"],
}
_IMAGE_PERMISSIONS = ["add_image", "choose_image"]


def ensure_story_workflow(*, index: Page) -> Workflow:
    """Groups with the right permissions on Innostu, and a one-step approval workflow on its subtree."""
    groups = {}
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    root_collection = Collection.get_first_root_node()
    for name, codenames in _PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailimages", codename__in=_IMAGE_PERMISSIONS
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups[name] = group

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(groups[MODERATORS])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    # Not workflow.workflow_tasks.create(): that is a modelcluster relation and would save nothing.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # The nearest ancestor's workflow applies, so this one wins over Wagtail's default on the root.
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def ensure_demo_users(*, log: Callable[[str], None] = print) -> None:
    """An editor and a moderator. Passwords come from the environment, else are generated and shown once."""
    User = get_user_model()
    for username, first_name, last_name, group_name, env_var in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        password = os.environ.get(env_var) or ""
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@example.org",
        )
        user.groups.add(Group.objects.get(name=group_name))
        role = "toimittaja" if group_name == EDITORS else "moderaattori"
        log(f"Innostun {role} luotu: {username}")
        if generated:
            log(f"  Salasana (näytetään vain nyt, tai aseta {env_var}): {password}")
