"""public_q() keeps exactly the pages Wagtail's own public() keeps, and a private story leaves the listings."""

import pytest
from wagtail.models import Page, PageViewRestriction

from tests import factories
from valoa.pages.queries import public_q

pytestmark = pytest.mark.django_db


def test_public_q_agrees_with_wagtails_public(demo_site):
    from toolkit.models import StartPage

    start = StartPage.objects.get()
    private_section = factories.ContentPageFactory(parent=start, title="Sisäinen ohje")
    PageViewRestriction.objects.create(page=start, restriction_type="password", password="salasana")
    public = set(Page.objects.filter(public_q()).values_list("pk", flat=True))
    assert public == set(Page.objects.public().values_list("pk", flat=True))
    assert private_section.pk not in public and start.pk not in public
    # The restricted section's parent and siblings stay public.
    assert demo_site.pk in public
    assert Page.objects.get(slug="tyokalut").pk in public


def test_a_private_story_or_tool_is_in_no_listing_or_menu(client, demo_site):
    from inspire.models import InspireIndexPage

    story = factories.InsightPageFactory(parent=InspireIndexPage.objects.get(), title="Salainen oivallus")
    PageViewRestriction.objects.create(page=story, restriction_type="password", password="salasana")
    assert "Salainen oivallus" not in client.get("/innostu/").content.decode()
    assert "Salainen oivallus" not in client.get("/innostu/syote/rss/").content.decode()
    menu_page = factories.ContentPageFactory(
        parent=demo_site, title="Salainen valikkosivu", show_in_menus=True
    )
    # Published as an editor does (the factory makes the page live without Wagtail's publish signal, which is
    # what tells the cached menu: valoa/pages/chrome.py).
    menu_page.save_revision().publish()
    assert "Salainen valikkosivu" in client.get("/").content.decode()
    PageViewRestriction.objects.create(page=menu_page, restriction_type="password", password="salasana")
    assert "Salainen valikkosivu" not in client.get("/").content.decode()
