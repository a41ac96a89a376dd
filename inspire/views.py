"""Context for the Innostu pages: the filtered, paginated index and a story with its tools and relatives."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page

from inspire.forms import FILTER_FIELDS, StoryFilterForm
from inspire.models import Organisation
from inspire.selectors import (
    HERO_IMAGE_SPECS,
    HERO_PICTURE,
    card_images,
    organisations_with_stories,
    story_cards,
    story_queryset,
    tool_links_for_story,
)
from valoa import chrome_cache
from valoa.labels import load_labels, related_of
from valoa.models import Phase, Theme
from valoa.pagination import page_number, paginate
from valoa.pictures import picture

__all__ = ["index_context", "page_number", "story_context"]

STORIES_PER_PAGE = 12
RELATED_STORIES = 3


def index_context(index: Page, request: HttpRequest) -> dict:
    # The filter choices change only with content: kept with the chrome until the next publish or snippet
    # change (valoa/chrome_cache.py). Labels are frozen dataclasses, safe to share between requests.
    labels = chrome_cache.get(
        request,
        ("innostu_filter_labels", index.pk),
        lambda: load_labels(
            themes=Theme.objects.filter(locale_id=index.locale_id),
            phases=Phase.objects.filter(locale_id=index.locale_id),
            organisations=organisations_with_stories(index=index),
        ),
    )
    organisations = sorted(labels["organisations"], key=lambda o: o.name)
    bound = any(request.GET.get(name) for name in FILTER_FIELDS)
    form = StoryFilterForm(
        request.GET if bound else None,
        themes=labels["themes"],
        phases=labels["phases"],
        organisations=organisations,
    )
    filters = form.filters()
    paginator, page_obj = paginate(
        story_queryset(index=index, **filters), request.GET.get("page"), STORIES_PER_PAGE
    )
    return {
        "filter_form": form,
        "active_filters": bool(filters),
        "paginator": paginator,
        "page_obj": page_obj,
        "cards": story_cards(page_obj.object_list, request=request),
    }


def story_context(page: Page, request: HttpRequest | None = None) -> dict:
    labels = load_labels(
        themes=related_of(page, "themes"),
        phases=related_of(page, "phases"),
        organisation=Organisation.objects.filter(pk=page.organisation_id),
    )
    themes = labels["themes"]
    siblings = story_queryset(index=None, siblings_of=page, any_themes=[t.pk for t in themes] or None)
    related = list(siblings.exclude(pk=page.pk)[:RELATED_STORIES])
    # The hero picture's image and renditions come with the cards' ones, in the same query.
    images = card_images(related, also=(page.hero_image_id, HERO_IMAGE_SPECS))
    hero_picture = ""
    if page.hero_image_id and page.hero_image_id in images:
        page.hero_image = images[page.hero_image_id]
        hero_picture = picture(
            page.hero_image, HERO_PICTURE, sizes="(max-width: 860px) 100vw, 800px", alt=page.hero_alt
        )
    return {
        "hero_picture": hero_picture,
        "story_themes": themes,
        "story_phases": labels["phases"],
        "story_organisation": labels["organisation"][0] if labels["organisation"] else None,
        "tool_links": list(tool_links_for_story(page)),
        "related_cards": story_cards(related, request=request, images=images),
    }
