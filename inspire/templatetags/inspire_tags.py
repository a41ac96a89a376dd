"""Innostu pieces other apps' templates show: the stories that used a tool (for the tool page)."""

from django import template

from inspire.selectors import stories_for_tool as select_stories_for_tool

register = template.Library()


@register.inclusion_tag("inspire/includes/stories_for_tool.html", takes_context=True)
def stories_for_tool(context, tool):
    """Stories that name `tool` among the tools they used: one query whatever the number of stories."""
    return {"request": context.get("request"), "stories": select_stories_for_tool(tool)}
