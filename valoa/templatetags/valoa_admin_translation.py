"""The translation editor's additions (templates/wagtail_localize/admin/edit_translation.html)."""

import json
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from wagtail.models import Page

from valoa.languages import translating

register = template.Library()


@register.filter
def valoa_translation_props(props: str, user) -> str:
    """wagtail-localize's editor props, without the "convert to alias" link for anyone but a superuser."""
    if translating.may_convert_to_alias(user):
        return props
    data = json.loads(props)
    data.get("links", {})["convertToAliasUrl"] = None
    return json.dumps(data)


@register.inclusion_tag("valoa/admin/translation_actions.html", takes_context=True)
def valoa_translation_actions(context):
    request = context["request"]
    page = context.get("instance")
    result = {"request": request, "update_url": None, "task_name": None, "workflow_name": None}
    if not isinstance(page, Page):
        return result
    source = translating.outdated_source(page)
    if source is not None:
        result["update_url"] = (
            reverse("wagtail_localize:update_translations", args=(source.pk,))
            + "?"
            + urlencode({"next": request.path})
        )
    state = page.current_workflow_state
    if state is not None and state.status == state.STATUS_IN_PROGRESS:
        task = state.current_task_state
        result["task_name"] = task.task.name if task is not None else state.workflow.name
        return result
    page_perms = context.get("page_perms")
    workflow = page.get_workflow()
    if workflow is not None and page_perms is not None and not page_perms.can_publish():
        result["workflow_name"] = workflow.name
    return result
