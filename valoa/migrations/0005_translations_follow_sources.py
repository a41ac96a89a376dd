"""A translated page has its source page's workflow and group page permissions (valoa/languages/translating.py).

New translations get them when they are created; this gives them to the translations a site already has, so a
Swedish or English section page goes through its section's workflow, not the root's. The default language is
settings.LANGUAGE_CODE, as Wagtail's Locale.get_default() reads it. The tree's root gets a Finnish title.
"""

from django.conf import settings
from django.db import migrations


def follow_sources(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    default = settings.LANGUAGE_CODE

    for assignment in WorkflowPage.objects.filter(page__locale__language_code=default, page__depth__gt=1):
        for translation in Page.objects.filter(translation_key=assignment.page.translation_key).exclude(
            locale__language_code=default
        ):
            WorkflowPage.objects.get_or_create(page=translation, defaults={"workflow_id": assignment.workflow_id})
    for grant in GroupPagePermission.objects.filter(page__locale__language_code=default, page__depth__gt=1):
        for translation in Page.objects.filter(translation_key=grant.page.translation_key).exclude(
            locale__language_code=default
        ):
            GroupPagePermission.objects.get_or_create(
                group_id=grant.group_id, page=translation, permission_id=grant.permission_id
            )


def name_the_root_in_finnish(apps, schema_editor):
    # The tree's root (Wagtail names it "Root"): the admin's page explorer and breadcrumbs show its title.
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title="Juuri", draft_title="Juuri")


class Migration(migrations.Migration):
    dependencies = [
        ("valoa", "0004_named_workflows"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(follow_sources, migrations.RunPython.noop),
        migrations.RunPython(name_the_root_in_finnish, migrations.RunPython.noop),
    ]
