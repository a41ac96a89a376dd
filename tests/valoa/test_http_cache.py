"""Cache-Control per kind of page: what a front cache (Varnish) may keep, and what it must never keep."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.cache import get_max_age

from tests.factories import TeamSpaceFactory, UserFactory
from tests.feedback.helpers import form_data
from toolkit.models import ToolPage, WorkbookPage

pytestmark = pytest.mark.django_db


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def assert_public(response):
    assert response.status_code == 200
    found = directives(response)
    assert "public" in found, found
    assert "s-maxage=3600" in found and "max-age=60" in found and "stale-while-revalidate=30" in found
    assert not response.cookies


def assert_private(response):
    found = directives(response)
    assert {"private", "no-store"} <= found, found
    assert not any(d.startswith("s-maxage") for d in found)


@pytest.fixture
def tool(demo_site):
    return ToolPage.objects.live().first()


def test_public_pages_are_public_for_anonymous_visitors(client, demo_site, tool):
    public = (
        "/",
        "/tyokalut/",
        "/tyokalut/?vaihe=1",
        tool.url,
        "/innostu/",
        "/innostu/syote/rss/",
        "/palaute/",
    )
    for url in (*public, "/sitemap.xml", "/robots.txt"):
        assert_public(client.get(url))


@override_settings(HTTP_CACHE_MAX_AGE=5, HTTP_CACHE_S_MAXAGE=600, HTTP_CACHE_STALE_WHILE_REVALIDATE=7)
def test_lifetimes_come_from_settings(client, demo_site):
    response = client.get("/")
    assert get_max_age(response) == 5
    assert {"s-maxage=600", "stale-while-revalidate=7"} <= directives(response)


def test_team_pages_are_private(client, demo_site):
    space = TeamSpaceFactory()
    response = client.get(space.get_absolute_url())
    assert response.status_code == 200
    assert_private(response)


def test_a_page_with_a_csrf_form_is_private(client, demo_site):
    # The workbook page offers "start a session" (a POST form): it sets the CSRF cookie, so it is never shared.
    response = client.get(WorkbookPage.objects.live().first().url)
    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    assert_private(response)
    # A returning visitor already has the cookie: Django sets it again whenever a page uses the token.
    again = client.get(WorkbookPage.objects.live().first().url)
    assert "csrftoken" in again.cookies
    assert_private(again)


def test_search_is_private(client, demo_site):
    response = client.get(reverse("search"), {"q": "palaute"})
    assert response.status_code == 200
    assert_private(response)


def test_feedback_form_get_and_post_are_private(client, demo_site, tool):
    url = reverse("feedback:form", args=["kokemus"])
    assert_private(client.get(url, {"sivu": tool.pk}))
    response = client.post(url, form_data("kokemus", page=tool))
    assert response.status_code in (200, 302)
    assert_private(response)


def test_a_logged_in_user_gets_private_pages(client, demo_site, tool):
    client.force_login(UserFactory())
    for url in ("/", tool.url):
        response = client.get(url)
        assert response.status_code == 200
        assert_private(response)


def test_the_user_bar_is_for_editors_only_and_their_pages_stay_private(client, demo_site, tool):
    # Anonymous visitors get the cacheable page without Wagtail's user bar: nothing in it changes for them.
    for url in ("/", tool.url, "/innostu/"):
        response = client.get(url)
        assert_public(response)
        assert b"wagtail-userbar" not in response.content
    # A reader who has an account but no admin access gets no user bar either.
    client.force_login(UserFactory())
    assert b"wagtail-userbar" not in client.get(tool.url).content
    client.force_login(UserFactory(groups=["Editors"]))
    response = client.get(tool.url)
    assert_private(response)
    html = response.content.decode()
    assert "<wagtail-userbar>" in html
    assert f"/admin/pages/{tool.pk}/edit/" in html  # "Muokkaa tätä sivua"


def test_a_session_cookie_alone_makes_a_page_private(client, demo_site):
    client.cookies["sessionid"] = "not-a-real-session"
    assert_private(client.get("/"))


def test_admin_and_preview_are_private(client, demo_site, tool):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert_private(client.get("/admin/"))
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[tool.pk]))
    assert response.status_code == 200
    assert_private(response)


def test_errors_and_redirects_are_private(client, demo_site):
    assert_private(client.get("/ei-tallaista-sivua/"))
    assert_private(client.get("/tyokalut"))  # APPEND_SLASH redirect


def test_health_endpoints_are_never_stored(client, demo_site):
    for name in ("health_live", "health_ready"):
        response = client.get(reverse(name))
        assert "no-store" in directives(response)
