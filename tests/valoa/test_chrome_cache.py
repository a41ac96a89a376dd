"""The site chrome kept between requests (valoa/chrome_cache.py) shows every change at the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from tests import factories
from valoa import chrome_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def chrome_cache_on(settings):
    settings.CHROME_CACHE_ENABLED = True
    chrome_cache.clear()
    yield
    chrome_cache.clear()


def html(client, url="/tietoa/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_chrome_costs_no_queries_after_the_first_request(client, demo_site, settings):
    first = queries(client, "/tietoa/")
    second = queries(client, "/tietoa/")
    settings.CHROME_CACHE_ENABLED = False
    uncached = queries(client, "/tietoa/")
    assert second < first
    assert uncached - second == 3  # the site, the menu and the footer's contact settings


def test_a_new_menu_page_is_in_the_menu_at_once(client, demo_site):
    assert "Uusi valikkosivu" not in html(client)
    factories.ContentPageFactory(parent=demo_site, title="Uusi valikkosivu", slug="uusi", show_in_menus=True)
    assert "Uusi valikkosivu" in html(client)
    assert "Uusi valikkosivu" in html(client, "/haku/?q=x")


def test_unpublished_and_private_menu_pages_leave_the_menu_at_once(client, demo_site):
    page = factories.ContentPageFactory(
        parent=demo_site, title="Valikossa", slug="valikossa", show_in_menus=True
    )
    assert "Valikossa" in html(client)
    page.unpublish()
    assert "Valikossa" not in html(client)
    page.save_revision().publish()
    assert "Valikossa" in html(client)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert "Valikossa" not in html(client)


def test_contact_settings_change_shows_at_once(client, demo_site):
    from valoa.models import ContactSettings

    html(client)
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.email = "uusi.osoite@example.fi"
    contact.save()
    assert "uusi.osoite@example.fi" in html(client)


def test_renamed_footer_page_shows_at_once(client, demo_site):
    from valoa.models import ContactSettings, ContentPage

    about = ContentPage.objects.get(slug="tietoa")
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.about_page = about
    contact.save()
    assert about.title in html(client, "/")
    about.title = "Tietoa palvelusta uudella nimellä"
    about.save_revision().publish()
    assert "Tietoa palvelusta uudella nimellä" in html(client, "/")


def test_nothing_outlives_the_request_on_shared_objects(rf, demo_site):
    from valoa.models import ContactSettings

    first, second = rf.get("/", HTTP_HOST="localhost"), rf.get("/", HTTP_HOST="localhost")
    a = chrome_cache.site_setting(first, ContactSettings)
    b = chrome_cache.site_setting(second, ContactSettings)
    assert a is not b and a._request is first and b._request is second
    assert chrome_cache.find_site(first) is not chrome_cache.find_site(second)


def test_repeated_search_is_answered_from_the_cache_and_a_publish_shows_at_once(client, demo_site):
    url = "/haku/?q=kirahvi"
    assert "0 tulosta" in html(client, url)
    with CaptureQueriesContext(connection) as ctx:
        assert "0 tulosta" in html(client, url)
    assert not any("wagtailsearch_indexentry" in q["sql"] for q in ctx.captured_queries)

    page = factories.ContentPageFactory(parent=demo_site, title="Kirahvi työpaikalla", slug="kirahvi")
    found = html(client, url)
    assert "1 tulos haulle" in found and "Kirahvi työpaikalla" in found
    assert "Kirahvi työpaikalla" in html(client, url)  # the cached copy has the page too

    page.unpublish()
    assert "0 tulosta" in html(client, url)


def test_cached_search_keeps_pagination(client, demo_site):
    for i in range(12):
        factories.ContentPageFactory(parent=demo_site, title=f"Seepra {i}", slug=f"seepra-{i}")
    first = html(client, "/haku/?q=seepra&page=2")
    second = html(client, "/haku/?q=seepra&page=2")
    assert first == second
    assert "12 tulosta" in second and "Sivu 2 / 2" in second
    assert second.count('<h3><a href="') == 2  # the last two of twelve


def test_recommended_tools_follow_a_publish_at_once(client, demo_site):
    """The home page's tools per phase are kept with the chrome; a published or unpublished tool shows at once."""
    from toolkit.models import ToolIndexPage
    from valoa.models import Phase

    phase = Phase.objects.order_by("sort_order").first()
    assert "Aaaa uusi työkalu" not in html(client, "/")
    tool = factories.ToolPageFactory(
        parent=ToolIndexPage.objects.get(), title="Aaaa uusi työkalu", slug="aaaa"
    )
    tool.phases.set([phase])
    tool.save_revision().publish()
    assert "Aaaa uusi työkalu" in html(client, "/")
    assert "Aaaa uusi työkalu" in html(client, "/aloita/")
    tool.unpublish()
    assert "Aaaa uusi työkalu" not in html(client, "/")


def test_filter_choices_follow_content_changes_at_once(client, demo_site):
    """The finder's and Innostu's filter choices are kept with the chrome; a new theme or organisation shows."""
    from inspire.models import CaseStudyPage
    from valoa.models import Theme

    assert "Uusi teema" not in html(client, "/tyokalut/")
    assert "Uusi teema" not in html(client, "/innostu/")
    Theme.objects.create(name="Uusi teema", slug="uusi-teema")
    assert "Uusi teema" in html(client, "/tyokalut/")
    assert "Uusi teema" in html(client, "/innostu/")
    # An organisation is offered once it has a live story.
    story = CaseStudyPage.objects.live().first()
    organisation = factories.OrganisationFactory(name="Uusi virasto")
    assert "Uusi virasto" not in html(client, "/innostu/")
    story.organisation = organisation
    story.save_revision().publish()
    assert "Uusi virasto" in html(client, "/innostu/")
