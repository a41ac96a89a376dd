"""Wagtail hooks of Innostu: its snippet viewset, its part of the front-cache purge map and its section on
the tool page."""

from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from inspire import frontend_cache
from inspire.models import Organisation, StoryPage, StoryToolLink
from toolkit.common.slots import TOOL_PAGE_PANELS, Panel
from valoa.editing.counts import index_view_counting
from valoa.pages.queries import public_q


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    index_view_class = index_view_counting(
        lambda n: ngettext("%(n)s organisaatio", "%(n)s organisaatiota", n) % {"n": n}
    )
    list_display = ["name", "short_name", "website"]
    search_fields = ["name"]


register_snippet(OrganisationViewSet)

hooks.register("frontend_cache_page_targets", frontend_cache.page_targets)
hooks.register("register_frontend_cache_models", frontend_cache.models)


def stories_for_tool(tool, *, limit: int = 6):
    """The live, public stories that name `tool` as used, newest publication first: one query."""
    if tool.pk is None:  # the preview of a tool not saved yet: no story can name it
        return StoryPage.objects.none()
    # A list of titles and kinds: only what it shows and links with (no organisation, image or body).
    return (
        StoryPage.objects.live()
        .filter(public_q(), pk__in=StoryToolLink.objects.filter(tool=tool).values("page"))
        .only("title", "kind", "url_path", "path", "depth")
        .order_by("-first_published_at")[:limit]
    )


def tool_page_stories(request, page) -> Panel:
    """The stories that used the tool, on its page (one query whatever the number of stories), read once per
    publish: a story's publish, unpublish or move is what changes the list."""
    return Panel(
        "inspire/includes/stories_for_tool.html", {"stories": stories_for_tool(page)}, kept_for=(page.pk,)
    )


hooks.register(TOOL_PAGE_PANELS, tool_page_stories, order=10)
