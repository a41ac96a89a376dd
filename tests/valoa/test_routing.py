"""Page routing in fewer queries (valoa/routing.py) behaves as Wagtail's own walk of the tree."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from tests import factories
from valoa.navigation import menu_pages
from valoa.routing import WAGTAIL_ROUTE_ATTR

pytestmark = pytest.mark.django_db


def test_wagtail_still_caches_its_route_under_the_attribute_we_fill(rf, demo_site):
    # valoa.routing hands its result to Wagtail through this attribute; if Wagtail renames it, routing
    # would silently go back to one query per segment.
    request = rf.get("/tietoa/", HTTP_HOST="localhost")
    Page.route_for_request(request, "/tietoa/")
    assert hasattr(request, WAGTAIL_ROUTE_ATTR)


def test_a_page_three_levels_deep_is_served_with_its_breadcrumbs(client, demo_site):
    from toolkit.models import StartPage

    start = StartPage.objects.get()
    guide = factories.ContentPageFactory(parent=start, title="Ohje syvällä", slug="ohje-syvalla")
    response = client.get("/aloita/ohje-syvalla/")
    assert response.status_code == 200
    assert response.context["page"] == guide
    html = response.content.decode()
    assert 'aria-current="page">Ohje syvällä</span>' in html
    assert f'href="{start.url}"' in html  # the breadcrumb to the parent


def test_routing_takes_the_same_queries_at_every_depth(client, demo_site):
    from toolkit.models import StartPage

    start = StartPage.objects.get()
    factories.ContentPageFactory(parent=start, title="Syvä", slug="syva")
    counts = []
    for url in ("/tietoa/", "/aloita/syva/"):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(
            sum(
                "wagtailcore_page" in q["sql"] and 'FROM "wagtailcore_page"' in q["sql"]
                for q in ctx.captured_queries
            )
        )
    assert counts[0] == counts[1]


def test_unpublished_page_and_unknown_path_are_404(client, demo_site):
    page = factories.ContentPageFactory(parent=demo_site, title="Luonnos", slug="luonnos")
    page.unpublish()
    assert client.get("/luonnos/").status_code == 404
    assert client.get("/ei-ole-olemassa/").status_code == 404
    assert client.get("/tietoa/ei-ole/").status_code == 404


def test_live_child_of_an_unpublished_parent_is_served_as_wagtail_does(client, demo_site):
    parent = factories.ContentPageFactory(parent=demo_site, title="Kansio", slug="kansio")
    from valoa.models import ContentPage

    ContentPage.parent_page_types = ["valoa.HomePage", "toolkit.StartPage", "valoa.ContentPage"]
    try:
        factories.ContentPageFactory(parent=parent, title="Lapsi", slug="lapsi")
    finally:
        ContentPage.parent_page_types = ["valoa.HomePage", "toolkit.StartPage"]
    parent.unpublish()
    assert client.get("/kansio/").status_code == 404
    assert client.get("/kansio/lapsi/").status_code == 200


def test_missing_trailing_slash_redirects(client, demo_site):
    response = client.get("/tietoa")
    assert response.status_code == 301
    assert response["Location"] == "/tietoa/"


def test_private_page_and_its_children_ask_for_the_password(client, demo_site):
    from toolkit.models import StartPage

    start = StartPage.objects.get()
    child = factories.ContentPageFactory(parent=start, title="Salainen ohje", slug="salainen-ohje")
    PageViewRestriction.objects.create(page=start, restriction_type="password", password="salasana")
    for url in (start.url, child.url):
        response = client.get(url)
        assert response.status_code == 200
        assert "Salainen ohje" not in response.content.decode()
        assert 'name="password"' in response.content.decode()
    # …and the private section leaves the menu.
    assert start.title not in [item.title for item in menu_pages(None, demo_site)]


def test_login_restriction_redirects_to_login(client, demo_site):
    page = factories.ContentPageFactory(parent=demo_site, title="Kirjautuneille", slug="kirjautuneille")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get("/kirjautuneille/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_alias_follows_its_source_pages_restriction(client, demo_site):
    source = factories.ContentPageFactory(parent=demo_site, title="Lähde", slug="lahde")
    alias = source.create_alias(parent=demo_site, update_slug="alias")
    assert client.get(alias.url).status_code == 200
    PageViewRestriction.objects.create(page=source, restriction_type="password", password="salasana")
    assert 'name="password"' in client.get(alias.url).content.decode()
    assert list(alias.get_view_restrictions()) == list(Page.get_view_restrictions(alias))


def test_view_restrictions_match_wagtails_own(demo_site):
    from toolkit.models import StartPage, ToolPage

    tool = ToolPage.objects.first()
    PageViewRestriction.objects.create(page=StartPage.objects.get(), restriction_type="login")
    restriction = PageViewRestriction.objects.create(page=tool.get_parent(), restriction_type="login")
    assert set(tool.get_view_restrictions()) == set(Page.get_view_restrictions(tool)) == {restriction}


def test_menu_has_live_public_menu_pages_as_wagtails_public(demo_site):
    shown = factories.ContentPageFactory(parent=demo_site, title="Näkyvä", slug="nakyva", show_in_menus=True)
    hidden = factories.ContentPageFactory(
        parent=demo_site, title="Yksityinen", slug="yks", show_in_menus=True
    )
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    expected = list(demo_site.get_children().live().in_menu().public())
    items = menu_pages(None, demo_site)
    assert [p.pk for p in items] == [p.pk for p in expected]
    assert shown.pk in [p.pk for p in items] and hidden.pk not in [p.pk for p in items]
