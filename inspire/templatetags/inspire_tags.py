"""Innostu pieces other apps' templates show: the stories that used a tool (for the tool page)."""

from django import template

from inspire.models import StoryPage, StoryToolLink
from valoa.page_queries import public_q

register = template.Library()


@register.inclusion_tag("inspire/includes/stories_for_tool.html", takes_context=True)
def stories_for_tool(context, tool, limit=6):
    """The live, public stories that name `tool` among the tools they used, newest publication first: one query."""
    if tool.pk is None:  # the preview of a tool not saved yet: no story can name it
        stories = StoryPage.objects.none()
    else:
        stories = (
            StoryPage.objects.live()
            .filter(public_q(), pk__in=StoryToolLink.objects.filter(tool=tool).values("page"))
            .order_by("-first_published_at")[:limit]
        )
    return {"request": context.get("request"), "stories": stories}
