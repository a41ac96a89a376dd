"""What stories and organisations show on, for the front-cache purge map (valoa/caching/frontend_cache.py)."""

from __future__ import annotations

from wagtail.models import Page

from inspire.models import InspireIndexPage, Organisation, StoryPage, StoryToolLink
from toolkit.models import ToolPage
from valoa.caching.frontend_cache import Subtree


def _innostu_subtrees(pages) -> list[Subtree]:
    return [Subtree(url) for index in pages if (url := index.get_full_url())]


def page_targets(page) -> list:
    """A story: the whole Innostu section (its listing pages, filters and feeds, and the "related stories" of
    every story sharing a theme, which is most of them) and the tools it names. A tool: the stories naming it.
    """
    if isinstance(page, StoryPage):
        tools = ToolPage.objects.live().filter(pk__in=StoryToolLink.objects.filter(page=page).values("tool"))
        return [*_innostu_subtrees(InspireIndexPage.objects.ancestor_of(page)), *tools]
    if isinstance(page, ToolPage):
        return list(Page.objects.live().filter(pk__in=StoryToolLink.objects.filter(tool=page).values("page")))
    return []


def organisation_targets(organisation) -> list:
    # Organisations show on stories and in Innostu's filter only.
    return _innostu_subtrees(InspireIndexPage.objects.all())


def models() -> dict:
    return {Organisation: organisation_targets}
