"""The tool finder and a tool card in a real browser, by keyboard alone, checked with axe."""

from playwright.sync_api import expect


def _tab_to(page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
    raise AssertionError(f"{selector} not reachable by Tab")


def test_finder_by_keyboard_to_a_tool_card(live_server, demo_site, page, checker):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/tyokalut/")
    checker.assert_accessible("finder")

    _tab_to(page, "#id_phase")
    page.keyboard.press("ArrowDown")  # the first phase: Pysähtyminen
    expect(page.locator("#id_phase")).to_have_value("pysahtyminen")
    _tab_to(page, "#id_time")
    page.keyboard.press("ArrowDown")  # "enintään 30 min"
    expect(page.locator("#id_time")).to_have_value("30")
    _tab_to(page, ".finder__actions button")
    page.keyboard.press("Enter")

    page.wait_for_url("**/tyokalut/?*")
    assert "phase=pysahtyminen" in page.url and "time=30" in page.url
    expect(page.locator(".finder__count")).to_contain_text("työkalu")
    results = page.locator(".finder__results .card__title a")
    assert results.count() >= 1
    titles = results.all_inner_texts()
    assert "Check-in ja check-out" in titles
    checker.assert_accessible("filtered finder")
    checker.screenshot("tool-finder-filtered", 1280)

    _tab_to(page, ".finder__results .card__title a")
    first_title = page.evaluate("document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text(first_title)
    expect(page.get_by_role("heading", name="Miten")).to_be_visible()
    checker.assert_accessible("tool page")
    checker.screenshot("tool-card", 1280)
    checker.assert_clean_console()


def test_empty_finder_and_invalid_input_are_accessible(live_server, demo_site, page, checker):
    page.goto(live_server.url + "/tyokalut/?time=240&format=eta&group=abc")
    expect(page.get_by_text("Yksikään työkalu ei vastaa valintojanne.")).to_be_visible()
    expect(page.locator(".error-summary")).to_be_visible()
    checker.assert_accessible("empty finder with an error")
    page.get_by_role("link", name="Tyhjennä rajaukset ja näytä kaikki työkalut").click()
    page.wait_for_url(live_server.url + "/tyokalut/")
    assert page.locator(".finder__results .card__title a").count() >= 12
    checker.assert_clean_console()


def test_tool_card_prints_without_navigation(live_server, demo_site, page):
    page.goto(live_server.url + "/tyokalut/tilannekuva/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    after = page.evaluate("getComputedStyle(document.querySelector('.tool__related a'), '::after').content")
    assert "/tyokalut/" in after
