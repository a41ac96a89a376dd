"""The demo site in a real browser: accessibility, keyboard use, security policy, screenshots."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

WIDTHS = (375, 1280)


def _slug(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "etusivu"


@pytest.mark.slow
def test_every_demo_page_is_accessible_at_both_widths(live_server, demo_site, page, checker):
    urls = [p.url for p in Page.objects.live().filter(depth__gte=2).order_by("path")]
    urls += ["/haku/?q=tiimi", "/haku/?q=eilöydy", "/ei-ole-olemassa/"]
    assert len(urls) >= 23
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for url in urls:
            response = page.goto(live_server.url + url)
            assert response.status == (404 if url == "/ei-ole-olemassa/" else 200), url
            expect(page.locator("h1").first).to_be_visible()
            assert page.locator("html").get_attribute("lang") == "fi"
            checker.assert_accessible(f"{url} @ {width}px")
            checker.screenshot(_slug(url), width)
            # Nothing overflows sideways on a phone.
            assert page.evaluate("document.documentElement.scrollWidth") <= width, url
    checker.assert_clean_console()


def test_keyboard_reaches_skip_link_search_and_main_navigation(live_server, demo_site, page, checker):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/tyokalut/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry pääsisältöön")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()

    page.goto(live_server.url + "/tyokalut/")
    reached = []
    for _ in range(15):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "(() => { const el = document.activeElement;"
                " return [el.tagName, el.getAttribute('name') || el.textContent.trim(),"
                " getComputedStyle(el).outlineStyle]; })()"
            )
        )
    names = [name for _tag, name, _outline in reached]
    assert "q" in names  # the search field
    for title in ("Etusivu", "Aloita", "Työkalut", "Innostu", "Palaute"):
        assert title in names, names
    # Focus is visible on every stop.
    assert all(outline != "none" for _tag, _name, outline in reached), reached

    search = page.get_by_label("Hae sivustolta")
    search.focus()
    page.keyboard.type("kokeilu")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/haku/\?q=kokeilu"))
    expect(page.get_by_role("link", name="Kokeilukortti")).to_be_visible()
    checker.assert_clean_console()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_works_in_the_admin_page_editor_under_the_policy(live_server, demo_site, page, checker):
    from django.contrib.auth import get_user_model

    from toolkit.models import ToolPage

    get_user_model().objects.create_superuser("paatoimittaja", "pt@example.org", "salasana-selaimeen-42")
    tool = ToolPage.objects.get(slug="kokeilukortti")
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill("paatoimittaja")
    page.locator("#id_password").fill("salasana-selaimeen-42")
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(live_server.url + f"/admin/pages/{tool.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value("Kokeilukortti")
    page.wait_for_load_state("networkidle")
    checker.screenshot("admin-edit-tool", 1280)
    checker.assert_clean_console()
