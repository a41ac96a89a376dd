"""The site chrome (main menu, footer) is computed once per language and publish, and never shown stale.

valoa/pages/chrome.py keeps it in Django's cache; the publish signals that purge the front cache forget it when
the change commits (docs/decisions/011-site-chrome-cache.md).
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from toolkit.team import services as team_services
from valoa.models import ContactSettings, ContentPage
from valoa.pages import chrome

pytestmark = pytest.mark.django_db

DUMMY_CACHE = {
    **{
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in ("default", "renditions")
    },
}


def _queries(client, url) -> tuple[list[str], str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in ctx.captured_queries], response.content.decode()


def _chrome_queries(queries: list[str]) -> list[str]:
    return [
        sql for sql in queries if 'FROM "wagtailcore_page"' in sql or 'FROM "valoa_contactsettings"' in sql
    ]


def test_a_team_page_reads_the_menu_and_footer_from_the_cache(client, demo_site):
    space = team_services.team_space_create(name="Tiimi")
    url = space.get_absolute_url()
    first, first_html = _queries(client, url)
    second, second_html = _queries(client, url)
    # The menu, the footer settings and the footer's pages in this language: queried once, then cached.
    assert len(_chrome_queries(first)) >= 3
    assert _chrome_queries(second) == []
    assert len(second) <= len(first) - 3
    menu_title = Page.objects.live().filter(depth=3, show_in_menus=True).first().title
    assert menu_title in first_html and menu_title in second_html
    assert second_html.count('class="site-footer__links"') == 1


def test_publishing_a_section_shows_in_the_menu_on_the_next_request(
    client, demo_site, django_capture_on_commit_callbacks
):
    client.get("/tietoa/")  # the chrome is now cached
    section = ContentPage.objects.live().get(url_path__endswith="/tietoa/")
    with django_capture_on_commit_callbacks(execute=True):
        section.title = "Tietoa palvelusta uusi otsikko"
        section.save_revision().publish()
    assert "Tietoa palvelusta uusi otsikko" in client.get("/").content.decode()


def test_changing_the_contact_settings_shows_in_the_footer(
    client, demo_site, django_capture_on_commit_callbacks
):
    client.get("/")
    settings = ContactSettings.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        settings.email = "uusi.osoite@example.fi"
        settings.save()
    assert "uusi.osoite@example.fi" in client.get("/palaute/").content.decode()


def test_naming_another_page_the_accessibility_statement_moves_its_facts_at_once(
    client, demo_site, django_capture_on_commit_callbacks
):
    """Which content pages show the statements' facts is in the cached chrome (statement_settings)."""
    facts = 'id="accessibility-status-heading"'
    settings = ContactSettings.objects.get()
    statement = settings.accessibility_page
    assert facts in client.get(statement.url).content.decode()
    assert facts not in client.get("/tietoa/").content.decode()  # both are now cached
    with django_capture_on_commit_callbacks(execute=True):
        settings.accessibility_page = ContentPage.objects.live().get(url_path__endswith="/tietoa/")
        settings.save()
    assert facts in client.get("/tietoa/").content.decode()
    assert facts not in client.get(statement.url).content.decode()


def test_without_a_working_cache_every_page_still_has_its_chrome(client, demo_site):
    with override_settings(CACHES=DUMMY_CACHE):
        cache.clear()
        html = client.get("/").content.decode()
        menu_title = Page.objects.live().filter(depth=3, show_in_menus=True).first().title
        assert menu_title in html
        assert 'class="site-footer__links"' in html


def _switcher_queries(queries: list[str]) -> list[str]:
    return [sql for sql in queries if '"wagtailcore_page"."translation_key" IN (SELECT' in sql]


def test_a_pages_language_links_are_kept_with_the_chrome(client, demo_site):
    first, first_html = _queries(client, "/tietoa/")
    second, second_html = _queries(client, "/tietoa/")
    assert len(_switcher_queries(first)) == 1
    assert _switcher_queries(second) == []
    # The same links from the cache.
    assert _language_links(second_html) == _language_links(first_html) != []


def _language_links(html: str) -> list[str]:
    return re.findall(r'<a href="[^"]*" lang="[^"]+"[^>]*>', html)


def test_a_renamed_page_shows_its_new_address_in_its_language_links_at_once(
    client, demo_site, django_capture_on_commit_callbacks
):
    assert _current_link(client.get("/tietoa/").content.decode()) == "/tietoa/"  # now cached
    page = ContentPage.objects.live().get(url_path__endswith="/tietoa/")
    with django_capture_on_commit_callbacks(execute=True):
        page.slug = "tietoa-palvelusta"
        page.save_revision().publish()
    assert _current_link(client.get("/tietoa-palvelusta/").content.decode()) == "/tietoa-palvelusta/"


def _current_link(html: str) -> str:
    """The switcher's link to the page itself, in the language being read."""
    (url,) = re.findall(r'<a href="([^"]*)" lang="fi" aria-current="true">', html)
    return url


def test_a_preview_never_keeps_its_language_links(client, demo_site):
    from django.test import RequestFactory

    from valoa.pages.chrome import site_chrome
    from valoa.pages.fragments import fragment_key
    from valoa.pages.navigation import SWITCHER, page_navigation

    page = ContentPage.objects.live().get(url_path__endswith="/tietoa/")
    request = RequestFactory().get("/tietoa/")
    request.is_preview = True
    navigation = page_navigation(request, page)
    assert [link.code for link in navigation.links] == ["fi"]
    assert cache.get(fragment_key(site_chrome(request).generation, SWITCHER, (page.pk,))) is None


def test_a_page_reads_the_chrome_from_the_cache_once(client, demo_site, monkeypatch):
    """The menu, the language links and the story cards all ask for the chrome: one cache read a request."""
    client.get("/innostu/")  # computed and stored
    reads = []
    original_get = cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return original_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    html = client.get("/innostu/").content.decode()
    assert [key for key in reads if key.startswith(chrome.KEY_PREFIX)] == [chrome.cache_key("fi")]
    assert 'class="story-list"' in html
