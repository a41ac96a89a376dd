"""The assessment tools in a real browser: an anonymous round with three members, consensus autosave,
and a self-assessment. Zero axe violations and no CSP errors."""

import re

from playwright.sync_api import expect

from toolkit.assessment import services
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
    first.locator('input[name=value][value="3"]').check()
    expect(first.locator(".js-status")).to_have_text(re.compile(r"^Tallennettu klo \d"))
    checker.assert_accessible("consensus page")
    page.reload()
    expect(page.locator("form.consensus-form").first.locator('input[name=value][value="3"]')).to_be_checked()
    checker.assert_clean_console()


def test_a_rating_picked_before_the_scripts_run_is_saved(live_server, demo_site, page, checker):
    """On a slow connection the radios are there before the deferred scripts: the pick is saved once they run."""
    page.goto(live_server.url + "/aloita/tiimin-arviointi/")
    held = []
    page.route("**/js/assessment.js", lambda route: held.append(route))  # waits until the test lets it go
    page.get_by_role("button", name="Aloita arviointi").click()
    first = page.locator("form.consensus-form").first
    first.locator('input[name=value][value="2"]').check()
    page.wait_for_timeout(200)  # let any script that did run react: none may have
    assert len(held) == 1
    expect(first.locator(".js-status")).to_have_text("")
    held[0].continue_()
    page.unroute("**/js/assessment.js")
    expect(first.locator(".js-status")).to_have_text(re.compile(r"^Tallennettu klo \d"))
    page.reload()
    expect(page.locator("form.consensus-form").first.locator('input[name=value][value="2"]')).to_be_checked()
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


def test_consensus_autosave_conflict_and_offline(live_server, demo_site, page, checker):
    """The shared autosave on the consensus form: status, the conflict choice, an honest offline state."""
    page.goto(live_server.url + "/aloita/tiimin-arviointi/")
    page.get_by_role("button", name="Aloita arviointi").click()
    forms = page.locator("form.consensus-form")
    first, second, third = forms.nth(0), forms.nth(1), forms.nth(2)
    first.locator('input[name=value][value="3"]').check()
    expect(first.locator(".js-status")).to_have_text(re.compile(r"^Tallennettu klo \d"))
    expect(page.locator("#progress")).to_have_text(re.compile("^Arvioitu 1 / "))

    # Another device agreed "1" on the second statement meanwhile: nothing is overwritten, the team chooses.
    assessment_round = AssessmentRound.objects.get()
    key = second.locator("input[name=statement]").input_value()
    services.consensus_save(assessment_round=assessment_round, statement_key=key, value=1, base=None)
    second.locator('input[name=value][value="2"]').check()
    conflict = second.locator(".js-conflict")
    expect(conflict).to_be_visible()
    expect(second.locator(".js-status")).to_have_text(re.compile("^Ei tallennettu"))
    expect(conflict.locator("blockquote").first).to_have_text(re.compile("^1 "))
    expect(conflict.locator("blockquote").last).to_have_text(re.compile("^2 "))
    checker.assert_accessible("consensus conflict")
    conflict.get_by_role("button", name="Käytä omaa versiota").click()
    expect(conflict).to_be_hidden()
    expect(second.locator(".js-status")).to_have_text(re.compile("^Tallennettu"))
    assert (
        services.response_ratings(
            assessment_round=assessment_round, respondent=services.CONSENSUS_RESPONDENT
        )[key]
        == 2
    )

    # Offline: the status says the rating is not saved yet; back online, it is saved without a click.
    page.context.set_offline(True)
    third.locator('input[name=value][value="1"]').check()
    expect(third.locator(".js-status")).to_have_text(re.compile("ei ole vielä tallennettu"))
    checker_offline = third.locator(".js-status").get_attribute("class")
    assert "is-error" in checker_offline
    page.context.set_offline(False)
    expect(third.locator(".js-status")).to_have_text(re.compile("^Tallennettu"), timeout=15_000)
    expect(page.locator("#progress")).to_have_text(re.compile("^Arvioitu 3 / "))
    checker.assert_accessible("consensus after autosave")
    checker.assert_clean_console()


def test_trend_of_consensus_and_anonymous_rounds_and_the_latest_phase(live_server, demo_site, page, checker):
    """The results of a team with both kinds of round: one trend chart and table per mode, each round named by
    its date, time and mode; the space's home names the latest phase. axe at 1280 and 375 px."""
    from toolkit.models import AssessmentPage
    from toolkit.team.services import team_space_create

    space = team_space_create(name="Trenditiimi")
    assessment_page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    keys = [s.key for g in assessment_page.statement_groups() for s in g.statements]
    rounds = []
    for mode, values in (("consensus", [2]), ("anonymous", [1, 2, 3]), ("consensus", [3])):
        assessment_round = services.round_open(space=space, page=assessment_page, mode=mode)
        for n, value in enumerate(values):
            respondent = services.CONSENSUS_RESPONDENT if mode == "consensus" else f"r{n}"
            services.response_save(
                assessment_round=assessment_round, respondent=respondent, ratings=dict.fromkeys(keys, value)
            )
        if mode == "anonymous":
            services.round_reveal(assessment_round=assessment_round)
        rounds.append(assessment_round)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/tiimi/{space.token}/")
    phase_line = page.locator(".space-rounds__phase")
    expect(phase_line).to_contain_text("Viimeisin vaihe:")
    expect(phase_line).to_contain_text("(yhdessä sopien, ")
    checker.assert_accessible("space home with the latest phase")
    phase_line.get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/arviointi/{rounds[-1].pk}/tulokset/$"))
    expect(page.locator("svg.chart--trend")).to_have_count(2)
    consensus_table = page.locator(".trend-series--consensus table")
    expect(consensus_table.locator("tbody tr")).to_have_count(2)
    expect(consensus_table).to_contain_text("yhdessä sopien")
    expect(consensus_table).not_to_contain_text("nimettömästi")
    expect(page.locator(".trend-series--anonymous tbody tr")).to_have_count(1)
    expect(page.get_by_role("columnheader", name="Sovittu arvio", exact=True).first).to_be_visible()
    checker.assert_accessible("results with the trend")
    page.set_viewport_size({"width": 375, "height": 900})
    checker.assert_accessible("results with the trend @ 375")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    checker.assert_clean_console()
