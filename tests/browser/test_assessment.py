"""The assessment tools in a real browser: an anonymous round with three members, consensus autosave,
and a self-assessment. Zero axe violations and no CSP errors."""

import re

from playwright.sync_api import expect

from toolkit.models import AssessmentRound


def test_anonymous_round_three_members_reveal(live_server, demo_site, page, checker, browser):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/aloita/tiimin-arviointi/")
    checker.assert_accessible("team assessment page")
    page.get_by_label("Nimettömästi: kukin vastaa omalla laitteellaan").check()
    page.get_by_role("button", name="Aloita arviointi").click()
    expect(page.get_by_role("heading", name="Vastauslinkki")).to_be_visible()
    expect(page.locator("svg.qr")).to_be_visible()
    checker.assert_accessible("facilitator page")
    respond_url = page.locator(".share__link a").get_attribute("href")
    assert re.fullmatch(r"/tiimi/vastaa/[\w-]{43}/", respond_url)

    for member, value in enumerate(("1", "2", "3")):
        context = browser.new_context()
        member_page = context.new_page()
        member_checker = type(checker)(member_page)
        member_page.goto(live_server.url + respond_url)
        for fieldset in member_page.locator("fieldset.statement").all():
            fieldset.locator(f'input[value="{value if member else "2"}"]').check()
        if member == 0:
            member_checker.assert_accessible("respondent form")
        member_page.get_by_role("button", name="Lähetä vastaus").click()
        expect(member_page.get_by_text("Kiitos! Vastauksesi on tallennettu.")).to_be_visible()
        member_checker.assert_clean_console()
        context.close()

    page.reload()
    expect(page.get_by_text("3 vastausta")).to_be_visible()
    page.get_by_role("button", name="Avaa tulokset").click()
    expect(page.get_by_text("Tulokset on avattu")).to_be_visible()
    page.get_by_role("link", name="Näytä tulokset").click()
    expect(page.get_by_role("heading", name="Kokonaistulos")).to_be_visible()
    expect(page.locator("svg.chart title")).to_have_count(1)
    expect(page.locator("table.results-table")).to_have_count(4)
    checker.assert_accessible("results page")
    checker.screenshot("assessment-results", 1280)
    page.set_viewport_size({"width": 375, "height": 900})
    checker.assert_accessible("results page @ 375")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    checker.screenshot("assessment-results", 375)
    checker.assert_clean_console()
    assert AssessmentRound.objects.get().state == "revealed"


def test_consensus_autosaves_each_statement(live_server, demo_site, page, checker):
    page.goto(live_server.url + "/aloita/tiimin-arviointi/")
    page.get_by_role("button", name="Aloita arviointi").click()  # consensus is the default
    first = page.locator("form.consensus-form").first
    first.locator('input[value="3"]').check()
    expect(first.locator(".save-status")).to_have_text("Tallennettu.")
    checker.assert_accessible("consensus page")
    page.reload()
    expect(page.locator("form.consensus-form").first.locator('input[value="3"]')).to_be_checked()
    checker.assert_clean_console()


def test_self_assessment_result_at_once(live_server, demo_site, page, checker):
    page.goto(live_server.url + "/aloita/esihenkilon-itsearviointi/")
    for fieldset in page.locator("fieldset.statement").all():
        fieldset.locator('input[value="2"]').check()
    page.get_by_role("button", name="Näytä tulos").click()
    expect(page.get_by_role("heading", name="Kokonaistulos")).to_be_visible()
    checker.assert_accessible("self-assessment result")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.get_by_text("Arviointi on tallennettu työtilaan.")).to_be_visible()
    checker.assert_accessible("saved self-assessment")
    checker.assert_clean_console()
