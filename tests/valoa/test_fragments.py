"""The tools recommended per phase and the story and tool cards are rendered once per publish, shared by every
page that shows them, and never shown stale (valoa/pages/fragments.py, docs/decisions/011-site-chrome-cache.md).
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from inspire.models import Organisation, StoryPage
from inspire.templatetags.inspire_tags import story_cards
from toolkit.models import ToolPage
from valoa.models import Phase

pytestmark = pytest.mark.django_db

DUMMY_CACHE = {
    alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"} for alias in ("default", "renditions")
}


def view(client, url) -> tuple[list[str], str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in ctx.captured_queries], response.content.decode()


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def publish(page, capture, **changes):
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    with capture(execute=True):
        page.save_revision().publish()
    return page


def card_of(html: str, title: str) -> str:
    return next(card for card in html.split('<li class="story-card">')[1:] if title in card).split("</li>")[0]


def recommended_tool(client) -> ToolPage:
    html = view(client, "/")[1]
    section = html.split('id="recommended-title"', 1)[1].split("</section>", 1)[0]
    return next(tool for tool in ToolPage.objects.live() if f">{tool.title}</a>" in section)


def test_a_second_view_renders_no_fragment(client, demo_site):
    story = StoryPage.objects.live().order_by("-story_date", "-pk").first()
    for url in ("/", "/aloita/", "/tyokalut/", "/innostu/", story.url):
        first, first_html = view(client, url)
        second, second_html = view(client, url)
        assert len(second) < len(first), url
        assert without_tokens(second_html) == without_tokens(first_html), url  # Aloita has a form
    # The recommended tools' one query (a window over every tool's phases) is not made again.
    assert not [sql for sql in view(client, "/")[0] if "ROW_NUMBER" in sql]


def test_a_published_tool_shows_its_new_title_in_every_list_at_once(
    client, demo_site, django_capture_on_commit_callbacks
):
    tool = recommended_tool(client)
    view(client, "/tyokalut/")
    # First in the alphabet: still among the first tools of its phases on the home page and Aloita.
    publish(tool, django_capture_on_commit_callbacks, title="Aakkosissa ensimmäinen työkalu")
    for url in ("/", "/aloita/", "/tyokalut/"):
        html = view(client, url)[1]
        assert "Aakkosissa ensimmäinen työkalu" in html and f">{tool.title}<" not in html, url


def test_a_published_story_and_a_renamed_organisation_show_on_their_cards_at_once(
    client, demo_site, django_capture_on_commit_callbacks
):
    story = StoryPage.objects.live().filter(organisation__isnull=False).order_by("-story_date", "-pk").first()
    assert story.title in view(client, "/innostu/")[1]
    publish(story, django_capture_on_commit_callbacks, title="Uusi otsikko tarinalle")
    assert "Uusi otsikko tarinalle" in view(client, "/innostu/")[1]
    organisation = Organisation.objects.get(pk=story.organisation_id)
    organisation.name = "Uudelleen nimetty virasto"
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()  # a snippet, as the admin saves it
    # On the story's card, not only in the filter's list of organisations.
    assert "Uudelleen nimetty virasto · " in card_of(view(client, "/innostu/")[1], "Uusi otsikko tarinalle")


def test_a_renamed_phase_shows_on_the_finders_cards_at_once(
    client, demo_site, django_capture_on_commit_callbacks
):
    phase = Phase.objects.filter(locale__language_code="fi", tools__live=True).first()
    assert phase.name in view(client, "/tyokalut/")[1]
    phase.name = "Uusi vaihe"
    with django_capture_on_commit_callbacks(execute=True):
        phase.save()
    html = view(client, "/tyokalut/")[1]
    assert '<span class="tag">Uusi vaihe</span>' in html


def test_without_a_working_cache_every_list_is_still_there(client, demo_site):
    with override_settings(CACHES=DUMMY_CACHE):
        cache.clear()
        assert 'id="recommended-title"' in view(client, "/")[1]
        assert 'class="card tool-card"' in view(client, "/tyokalut/")[1]
        assert 'class="story-card"' in view(client, "/innostu/")[1]


def test_a_listed_id_whose_page_is_gone_has_no_card(rf, demo_site):
    """A listing reads ids and the cards not kept read their pages: an id unpublished in between is left out."""
    story = StoryPage.objects.live().first()
    ids = [story.pk, StoryPage.objects.order_by("-pk").first().pk + 1000]
    for _ in range(2):  # rendered, then kept
        html = story_cards({"request": rf.get("/innostu/")}, ids)
        assert html.count('<li class="story-card">') == 1 and story.title in html
