"""Innostu's template tags: story cards rendered once per publish (valoa.pages.fragments)."""

from __future__ import annotations

from django import template

from inspire.models import StoryPage
from inspire.selectors import cards_by_id, prefetch_card_pictures
from valoa.pages.fragments import cards

register = template.Library()

CARD_TEMPLATE = "inspire/includes/story_card.html"


@register.simple_tag(takes_context=True)
def story_cards(context, stories, heading_tag: str = "h3"):
    """The cards of the stories whose ids are `stories` (`<li>` each), every card rendered once per publish and
    language and shared by every list it is in (each page and filter of Innostu, a story's related stories); the
    stories and their pictures' renditions are read for the cards not in the cache only."""
    return cards(
        context.get("request"),
        CARD_TEMPLATE,
        stories,
        as_name="story",
        options={"heading_tag": heading_tag},
        prepare=prefetch_card_pictures,
        load=lambda ids: cards_by_id(StoryPage.objects.all(), ids),
    )
