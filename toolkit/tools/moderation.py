"""The toolkit's approval workflow: tools, the workbook and the assessments, reviewed by the moderators.

The workflow itself (one approval step by the Moderators group, a Finnish name that editors see on the
Submit button, "Lähetä työnkulkuun …") is made by a data migration (valoa/migrations/0004_named_workflows.py);
here it is put on the toolkit's section pages.
"""

from __future__ import annotations

from wagtail.models import Page, Workflow, WorkflowPage

from valoa.languages.translating import follow_source_everywhere

WORKFLOW_NAME = "Työkalujen tarkastus"


def ensure_toolkit_workflow(*, pages: list[Page]) -> Workflow:
    """The toolkit's workflow on each given page and so on its subtree."""
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    for page in pages:
        # The nearest ancestor's workflow applies: this one wins over the default on the root.
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    # Their translations go through the same workflow (new ones get it when they are created).
    follow_source_everywhere(pages)
    return workflow
