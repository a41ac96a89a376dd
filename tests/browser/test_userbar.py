"""Wagtail's user bar on public pages, for a logged-in editor: it works under the site's CSP and passes axe."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.factories import UserFactory
from toolkit.models import ToolPage


def _log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.mark.parametrize("path", ["/", "tool", "/innostu/"])
def test_an_editor_gets_the_user_bar_and_the_page_stays_accessible(
    live_server, demo_site, page, checker, path
):
    tool = ToolPage.objects.live().first()
    url = tool.url if path == "tool" else path
    _log_in(page, live_server, UserFactory(groups=["Editors"]))
    page.goto(live_server.url + url)

    trigger = page.get_by_role("button", name="Näytä Wagtailin pikatoiminnot")
    expect(trigger).to_be_visible()
    trigger.click()
    edit = page.get_by_role("menuitem", name=re.compile("Muokkaa"))
    expect(edit).to_be_visible()
    checker.screenshot(f"userbar-{url.strip('/').replace('/', '-') or 'home'}", 1280)
    checker.assert_accessible(f"{url} with the user bar open")
    checker.assert_clean_console()  # the bar's script and styles come from our origin: the CSP allows them
    edit.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))


def test_an_anonymous_visitor_gets_no_user_bar(live_server, demo_site, page, checker):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    assert page.locator("wagtail-userbar").count() == 0
    checker.assert_clean_console()
