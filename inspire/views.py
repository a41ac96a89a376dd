"""Context for the Innostu pages: the filtered, paginated index and a story with its tools and relatives."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest
from wagtail.models import Page

from inspire.forms import FILTER_FIELDS, StoryFilterForm
from inspire.models import StoryPage
from inspire.selectors import (
    organisations_with_stories,
    prefetch_story_pictures,
    related_stories,
    story_queryset,
    tool_links_for_story,
)
from valoa.models import Phase, Theme, page_phases_and_themes, phases_and_themes
from valoa.paginator import page_number, requested_page

__all__ = ["index_context", "page_number", "story_context"]

STORIES_PER_PAGE = 12
RELATED_STORIES = 3


def index_context(index: Page, request: HttpRequest) -> dict:
    phases, themes = phases_and_themes(
        Phase.objects.filter(locale_id=index.locale_id), Theme.objects.filter(locale_id=index.locale_id)
    )
    bound = any(request.GET.get(name) for name in FILTER_FIELDS)
    form = StoryFilterForm(
        request.GET if bound else None,
        themes=themes,
        phases=phases,
        organisations=list(organisations_with_stories(index=index)),
    )
    filters = form.filters()
    paginator = Paginator(story_queryset(index=index, **filters), STORIES_PER_PAGE)
    page_obj = requested_page(paginator, request.GET.get("page"))
    return {
        "filter_form": form,
        "active_filters": bool(filters),
        "paginator": paginator,
        "page_obj": page_obj,
        "stories": page_obj.object_list,
    }


def story_context(page: StoryPage, request: HttpRequest | None = None) -> dict:
    phases, themes = page_phases_and_themes(page, related_name="stories")
    related = related_stories(page, themes=themes, limit=RELATED_STORIES)
    # The hero's renditions come in the same query as the related cards' ones (Django's prefetch).
    prefetch_story_pictures([page, *related])
    return {
        "story_themes": themes,
        "story_phases": phases,
        "tool_links": list(tool_links_for_story(page)),
        "related_stories": related,
    }
