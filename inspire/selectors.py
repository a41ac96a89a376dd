"""Reading stories for a page: Django's and Wagtail's queryset methods on the stories the page hands over.

Nothing here imports inspire.models: the page models use these helpers, so the import arrows point one way.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page

from valoa.pages.queries import public_q

# The renditions of a story card's {% picture %} (templates/inspire/includes/story_card.html); keep both in the
# same filter order, so the cards' renditions come prefetched with the page of cards.
CARD_PICTURE_SPECS = Filter.expand_spec("fill-{400x225,800x450}|format-{webp,jpeg}")
# The story page's hero {% picture %} (templates/inspire/story_page.html), the same way.


def card_renditions(specs=CARD_PICTURE_SPECS) -> Prefetch:
    """The renditions of the stories' hero images (joined to the stories): one query for any number."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return Prefetch("hero_image__renditions", queryset=renditions)


def prefetch_card_pictures(stories: list[Page]) -> None:
    """The card renditions of already fetched stories (the cards about to be rendered): one query, none for
    stories without a picture."""
    prefetch_related_objects(stories, card_renditions())


def for_cards(stories: QuerySet) -> QuerySet:
    """What a story card needs (the manager joins the organisation and the image), in Innostu's order. The
    renditions come with the cards that are rendered (inspire_tags.story_cards): a cached card needs none."""
    # A card shows no body: leave the stories' StreamFields in the database.
    return stories.defer_streamfields().order_by("-story_date", "-page_ptr")


def card_ids(stories: QuerySet) -> QuerySet:
    """The ids of `stories` in Innostu's order: a listing's cards are kept (inspire_tags.story_cards), and only the
    ones not kept are read as objects (cards_by_id)."""
    return stories.order_by("-story_date", "-page_ptr").values_list("pk", flat=True)


def cards_by_id(stories: QuerySet, ids) -> dict:
    """{id: story} of `ids` in `stories`, with what a card needs (for_cards)."""
    return {story.pk: story for story in for_cards(stories.filter(pk__in=ids))}


def related_stories(page: Page, *, themes: list, limit: int) -> list[int]:
    """The ids of other live, public stories beside `page` that share one of `themes` (any, if it has none), for
    their cards (inspire_tags.story_cards)."""
    story_model = type(page)
    stories = story_model.objects.sibling_of(page, inclusive=False).live().filter(public_q())
    theme_ids = [theme.pk for theme in themes]
    if theme_ids:
        # A subquery, not a join: a story sharing two themes is still one card.
        stories = stories.filter(pk__in=story_model.objects.filter(themes__in=theme_ids).values("pk"))
    return list(card_ids(stories)[:limit])


def tool_links_for_story(page: Page) -> QuerySet | list:
    if page.pk is None:
        # The preview of a story not saved yet: its links are the form's, held on the page in memory.
        links = [link for link in page.story_tool_links.all() if link.tool.live]
        return sorted(links, key=lambda link: link.sort_order or 0)
    return page.story_tool_links.filter(tool__live=True).select_related("tool").order_by("sort_order")
