"""Innostu's template tags: story cards rendered once per publish (valoa.pages.fragments)."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from inspire.selectors import prefetch_card_pictures
from valoa.pages.fragments import cached_fragments

register = template.Library()

CARD_TEMPLATE = "inspire/includes/story_card.html"


@register.simple_tag(takes_context=True)
def story_cards(context, stories, heading_tag: str = "h3"):
    """The stories' cards (`<li>` each), every card rendered once per publish and language and shared by every
    list it is in (each page and filter of Innostu, a story's related stories); the pictures' renditions are
    fetched for the cards not in the cache only."""
    request = context.get("request")

    def render(story) -> str:
        return render_to_string(CARD_TEMPLATE, {"story": story, "heading_tag": heading_tag}, request=request)

    cards = cached_fragments(
        request,
        "story-card",
        list(stories),
        lambda story: (story.pk, heading_tag),
        render,
        prepare=prefetch_card_pictures,
    )
    return mark_safe("".join(cards))  # noqa: S308 - each card is a rendered, autoescaped template
