"""RSS 2.0 and Atom feeds of the newest published stories (Django's syndication framework).

The Innostu index page serves them from its routes and hands them its stories: nothing here imports
inspire.models, so the page can use the feeds without an import circle.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_ITEMS = 20


class StoryRssFeed(Feed):
    feed_type = Rss201rev2Feed
    # None: the active language, which is the feed URL's (/innostu/syote/rss/ Finnish, /sv/…/ Swedish): the
    # Swedish Innostu page's feed lists its own (Swedish) stories, child_of(index) below.
    language = None

    def __init__(self, index, stories):
        super().__init__()
        self.index = index
        self.stories = stories

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
        return self.stories.order_by("-first_published_at", "-pk")[:FEED_ITEMS]

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.intro or story.search_description

    def item_link(self, story):
        return story.get_url(self.request)

    def item_guid(self, story):
        return f"{self.request.build_absolute_uri(self.index.get_url(self.request))}#tarina-{story.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at or story.first_published_at

    def item_author_name(self, story):
        return story.organisation.name if story.organisation else None

    def item_categories(self, story):
        return [story.get_kind_display()]


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed
    subtitle = StoryRssFeed.description
