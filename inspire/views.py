"""Context for the Innostu pages: the filtered, paginated index and a story with its tools and relatives."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest
from wagtail.models import Page

from inspire.forms import FILTER_FIELDS, StoryFilterForm
from inspire.selectors import organisations_with_stories, story_cards, story_queryset, tool_links_for_story
from valoa.models import Phase, Theme

STORIES_PER_PAGE = 12
RELATED_STORIES = 3


def page_number(raw: str | None, num_pages: int) -> int:
    """The nearest valid page for whatever the reader typed: 0, -1 and "abc" give 1; 999 the last."""
    try:
        number = int(raw or 1)
    except (TypeError, ValueError):
        number = 1
    return min(max(number, 1), num_pages)


def index_context(index: Page, request: HttpRequest) -> dict:
    themes = list(Theme.objects.filter(locale_id=index.locale_id).only("name", "slug"))
    phases = list(Phase.objects.filter(locale_id=index.locale_id).only("name", "slug"))
    organisations = list(organisations_with_stories(index=index).only("name"))
    bound = any(request.GET.get(name) for name in FILTER_FIELDS)
    form = StoryFilterForm(
        request.GET if bound else None, themes=themes, phases=phases, organisations=organisations
    )
    filters = form.filters()
    paginator = Paginator(story_queryset(index=index, **filters), STORIES_PER_PAGE)
    page_obj = paginator.page(page_number(request.GET.get("page"), paginator.num_pages))
    return {
        "filter_form": form,
        "active_filters": bool(filters),
        "paginator": paginator,
        "page_obj": page_obj,
        "cards": story_cards(page_obj.object_list),
    }


def story_context(page: Page) -> dict:
    themes = list(page.themes.all())
    phases = list(page.phases.all())
    siblings = story_queryset(index=None, siblings_of=page, any_themes=[t.pk for t in themes] or None)
    related = siblings.exclude(pk=page.pk)[:RELATED_STORIES]
    return {
        "story_themes": themes,
        "story_phases": phases,
        "tool_links": list(tool_links_for_story(page)),
        "related_cards": story_cards(related),
    }
