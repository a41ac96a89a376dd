"""The Innostu feeds are valid RSS 2.0 and Atom: parsed by feedparser, a real feed parser."""

import feedparser
import pytest

from inspire.models import InspireIndexPage, StoryPage
from tests import factories

pytestmark = pytest.mark.django_db


def _live_count():
    return StoryPage.objects.live().count()


@pytest.mark.parametrize(
    ("url", "version", "content_type"),
    [
        ("/innostu/syote/rss/", "rss20", "application/rss+xml"),
        ("/innostu/syote/atom/", "atom10", "application/atom+xml"),
    ],
)
def test_feed_is_valid_and_lists_the_stories(client, demo_site, url, version, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.title == "VALOA – Innostu: uusimmat tarinat"
    assert feed.feed.language if version == "rss20" else True
    assert len(feed.entries) == _live_count()
    titles = {entry.title for entry in feed.entries}
    assert "Paripalaute etätiimissä" in titles
    for entry in feed.entries:
        assert entry.link.startswith("http://testserver/innostu/")
        assert entry.get("published_parsed") or entry.get("updated_parsed")
        assert entry.id


def test_feed_shows_the_newest_published_first_and_is_capped(client, demo_site, monkeypatch):
    monkeypatch.setattr("inspire.feeds.FEED_ITEMS", 5)
    index = InspireIndexPage.objects.get()
    newest = factories.ExperimentPageFactory(parent=index, title="Aivan uusi kokeilu")
    newest.save_revision().publish()
    feed = feedparser.parse(client.get("/innostu/syote/atom/").content)
    assert feed.bozo == 0
    assert len(feed.entries) == 5 < _live_count()
    assert feed.entries[0].title == "Aivan uusi kokeilu"


def test_drafts_never_reach_the_feed(client, demo_site):
    index = InspireIndexPage.objects.get()
    draft = factories.InsightPageFactory(parent=index, title="Keskeneräinen")
    draft.unpublish()
    feed = feedparser.parse(client.get("/innostu/syote/rss/").content)
    assert "Keskeneräinen" not in {entry.title for entry in feed.entries}
