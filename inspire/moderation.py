"""The Innostu moderation workflow (editor submits, moderator approves) on the Innostu section.

The workflow and its approval task are made by a data migration (valoa/migrations/0004_named_workflows.py);
here the groups get their permissions on the section and the workflow is put on it. Idempotent: the demo
command calls it on every run.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from valoa.languages.translating import follow_source_everywhere

EDITORS = "Editors"  # the group names Wagtail's own migrations create
MODERATORS = "Moderators"
WORKFLOW_NAME = "Innostun moderointi"
TASK_NAME = "Moderaattorin hyväksyntä"

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

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    # The nearest ancestor's workflow applies, so this one wins over Wagtail's default on the root.
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    # The Swedish and English Innostu: the same workflow and permissions (new translations get them when made).
    follow_source_everywhere([index])
    return workflow
