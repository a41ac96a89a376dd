"""RSS 2.0 and Atom feeds of the newest published stories (Django's syndication framework)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from inspire.selectors import story_cards, story_queryset

FEED_ITEMS = 20


class StoryRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "fi"

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("VALOA – Innostu: uusimmat tarinat")

    def link(self):
        return self.index.get_url(self.request)

    def description(self):
        return self.index.intro or _("Tapausesimerkkejä, kokeiluja ja oivalluksia valtion työyhteisöistä.")

    def items(self):
        # A feed is about what is new on the site: newest publication first, not the story's own date.
        queryset = story_queryset(index=self.index).order_by("-first_published_at", "-pk")[:FEED_ITEMS]
        return story_cards(queryset)

    def item_title(self, card):
        return card.page.title

    def item_description(self, card):
        return card.intro

    def item_link(self, card):
        return card.page.get_url(self.request)

    def item_guid(self, card):
        return f"{self.request.build_absolute_uri(self.index.get_url(self.request))}#tarina-{card.page.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, card):
        return card.page.first_published_at

    def item_updateddate(self, card):
        return card.page.last_published_at or card.page.first_published_at

    def item_author_name(self, card):
        return card.organisation.name if card.organisation else None

    def item_categories(self, card):
        return [str(card.kind.label)] if card.kind else []


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed
    subtitle = StoryRssFeed.description
