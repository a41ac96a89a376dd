"""The page cache: anonymous pages are served from it, and every content change is visible at once."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from tests import factories
from valoa.page_cache import PageCacheMiddleware, mark_cacheable

pytestmark = pytest.mark.django_db
HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def get(client, url):
    response = client.get(url)
    return response, response.content.decode()


def test_second_anonymous_view_is_served_from_the_cache(client, demo_site):
    first, first_html = get(client, "/tietoa/")
    second, second_html = get(client, "/tietoa/")
    assert first.status_code == second.status_code == 200
    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert first_html == second_html
    assert second["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in second


def test_publish_is_visible_at_once_on_the_page_and_where_it_is_listed(client, demo_site):
    from toolkit.models import ToolPage

    tool = ToolPage.objects.live().first()
    get(client, tool.url)
    get(client, "/tyokalut/")
    assert get(client, "/tyokalut/")[0][HEADER] == "hit"

    tool.title = "Aivan uusi nimi työkalulle"
    tool.save_revision().publish()

    response, html = get(client, tool.url)
    assert response[HEADER] == "miss"
    assert "Aivan uusi nimi työkalulle" in html
    assert "Aivan uusi nimi työkalulle" in get(client, "/tyokalut/")[1]


def test_unpublish_is_visible_at_once(client, demo_site):
    from valoa.models import ContentPage

    page = ContentPage.objects.get(slug="tietoa")
    get(client, "/tietoa/")
    get(client, "/")
    assert get(client, "/tietoa/")[0][HEADER] == "hit"

    page.unpublish()

    assert client.get("/tietoa/").status_code == 404
    assert page.title not in get(client, "/")[1]  # the footer link is gone too


def test_move_is_visible_at_once(client, demo_site):
    from toolkit.models import StartPage
    from valoa.models import ContentPage

    page = ContentPage.objects.get(slug="tervetuloa")
    start = StartPage.objects.get()
    get(client, "/tervetuloa/")
    get(client, "/aloita/")

    page.move(start, pos="last-child")

    old = client.get("/tervetuloa/")  # Wagtail made a redirect to the new place
    assert (old.status_code, old["Location"]) == (301, "/aloita/tervetuloa/")
    assert client.get("/aloita/tervetuloa/").status_code == 200
    assert "/aloita/tervetuloa/" in get(client, "/aloita/")[1]


def test_delete_is_visible_at_once(client, demo_site):
    from toolkit.models import ToolPage

    tool = ToolPage.objects.live().first()
    url = tool.url
    get(client, url)
    get(client, "/tyokalut/")

    tool.delete()

    assert client.get(url).status_code == 404
    assert url not in get(client, "/tyokalut/")[1]


def test_snippet_change_is_visible_at_once(client, demo_site):
    from valoa.models import Phase

    get(client, "/")
    phase = Phase.objects.first()
    phase.name = "Vaiheen uusi nimi"
    phase.save()

    assert "Vaiheen uusi nimi" in get(client, "/")[1]


def test_site_setting_change_is_visible_at_once(client, demo_site):
    from valoa.models import ContactSettings

    get(client, "/")
    contact = ContactSettings.objects.get()
    contact.email = "uusi.osoite@example.org"
    contact.save()

    assert "uusi.osoite@example.org" in get(client, "/")[1]


def test_logged_in_editor_is_never_served_or_stored(admin_client, client, demo_site):
    admin_response = admin_client.get("/")
    assert HEADER not in admin_response
    assert HEADER not in admin_client.get("/")
    # The editor's page (with the Wagtail user bar) did not enter the cache for anonymous visitors.
    assert client.get("/")[HEADER] == "miss"


def test_admin_is_never_cached(admin_client, demo_site):
    for _ in range(2):
        response = admin_client.get("/admin/")
        assert response.status_code == 200
        assert HEADER not in response


def test_search_is_not_cached(client, demo_site):
    for _ in range(2):
        assert HEADER not in client.get("/haku/?q=palaute")


class Counter:
    """A view that says it is a Wagtail page and counts how often it really runs."""

    def __init__(self, use_csrf=False, cookie=False, user=None):
        self.calls = 0
        self.use_csrf = use_csrf
        self.cookie = cookie
        self.user = user

    def __call__(self, request):
        self.calls += 1
        request.user = self.user or AnonymousUser()
        mark_cacheable(request)
        response = HttpResponse(f"<p>sivu {self.calls}</p>")
        if self.use_csrf:
            get_token(request)
        if self.cookie:
            response.set_cookie("seuranta", "1")
        return response


def run_twice(view, path="/jokin-sivu/", method="get", **extra):
    middleware = PageCacheMiddleware(view)
    factory = RequestFactory()
    for _ in range(2):
        request = getattr(factory, method)(path, **extra)
        middleware(request)
    return view.calls


def test_the_middleware_serves_a_marked_page_from_the_cache(db):
    assert run_twice(Counter()) == 1


@pytest.mark.parametrize("path", ["/tiimi/abc123/", "/tiimi/abc123/tyokirja/", "/admin/pages/", "/haku/"])
def test_team_space_admin_and_search_paths_are_never_cached(db, path):
    assert run_twice(Counter(), path=path) == 2


def test_post_is_never_cached(db):
    assert run_twice(Counter(), method="post") == 2


def test_page_with_a_csrf_token_form_is_never_cached(db):
    assert run_twice(Counter(use_csrf=True)) == 2


def test_response_setting_a_cookie_is_never_cached(db):
    assert run_twice(Counter(cookie=True)) == 2


def test_request_with_a_session_is_never_served_from_the_cache(db, settings):
    view = Counter()
    run_twice(view)
    assert view.calls == 1
    run_twice(view, HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc")
    assert view.calls == 3


def test_logged_in_user_is_never_stored(db):
    user = factories.UserFactory()
    assert run_twice(Counter(user=user)) == 2


def test_unmarked_responses_are_never_cached(db):
    calls = []

    def plain_view(request):
        calls.append(1)
        return HttpResponse("ei Wagtail-sivu")

    middleware = PageCacheMiddleware(plain_view)
    for _ in range(2):
        middleware(RequestFactory().get("/sitemap.xml"))
    assert len(calls) == 2


def test_cache_off_by_setting(db, settings):
    settings.PAGE_CACHE_ENABLED = False
    assert run_twice(Counter()) == 2


def test_search_is_rate_limited_per_address(client, demo_site, settings):
    settings.SEARCH_RATE_LIMIT = "3/h"
    statuses = [client.get("/haku/?q=palaute").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_clear_page_cache_command_makes_every_page_stale(client, demo_site):
    from django.core.management import call_command

    get(client, "/tietoa/")
    assert get(client, "/tietoa/")[0][HEADER] == "hit"
    call_command("clear_page_cache", stdout=io.StringIO())
    assert get(client, "/tietoa/")[0][HEADER] == "miss"


def test_query_count_header_middleware_counts_queries(db):
    from django.db import connection

    from valoa.query_count import QueryCountHeaderMiddleware

    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.execute("SELECT 2")
        return HttpResponse("ok")

    response = QueryCountHeaderMiddleware(view)(RequestFactory().get("/"))
    assert response["X-Query-Count"] == "2"


def test_making_a_page_private_drops_it_from_the_cache_at_once(client, demo_site):
    from wagtail.models import PageViewRestriction

    from valoa.models import ContentPage

    get(client, "/tietoa/")
    assert get(client, "/tietoa/")[0][HEADER] == "hit"
    PageViewRestriction.objects.create(
        page=ContentPage.objects.get(slug="tietoa"), restriction_type="password", password="salasana"
    )
    response, html = get(client, "/tietoa/")
    assert 'name="password"' in html
    assert response.get(HEADER) != "hit"
