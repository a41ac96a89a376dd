"""The facilitation mode and the consensus presentation in a real browser.

The timer runs on Playwright's clock (page.clock.install / run_for / fast_forward): no real waiting, and the
seconds on screen are exact. Zero axe violations at 375 and 1280 px; no CSP or script errors."""

import re

import pytest
from playwright.sync_api import expect

TOOL = "/tyokalut/dialogin-pelisaannot/"  # steps: 5 min Yksin, 10 Pareittain, 10 Koko ryhmä, 5 Koko ryhmä
MIN = 60_000
START = 1_800_000_000  # seconds: Playwright for Python takes numbers as seconds


@pytest.fixture
def stage(live_server, demo_site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.clock.install(time=START)
    page.goto(live_server.url + TOOL + "ohjaa/")
    page.clock.pause_at(START + 5)  # from here on time moves only with run_for: exact seconds
    page.clock.run_for(300)
    return page


def accessible(page, checker, label):
    """axe waits on its own timers: let the page's clock run while it checks, then hold it again."""
    page.clock.resume()
    checker.assert_accessible(label)
    page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 0.1)


def clock(page):
    return page.locator("[data-fac='clock']")


def live(page):
    return page.locator("[data-fac='live']")


def test_tool_card_opens_facilitation(live_server, demo_site, page, checker):
    page.goto(live_server.url + TOOL)
    page.get_by_role("link", name="Ohjaa tätä työkalua").click()
    page.wait_for_url(live_server.url + TOOL + "ohjaa/")
    expect(page.get_by_role("heading", level=2, name="Työvaihe 1")).to_be_visible()
    expect(page.get_by_role("button", name="Käynnistä")).to_be_visible()
    checker.assert_clean_console()


def test_steps_pause_resume_and_announcements(stage, checker):
    page = stage
    expect(page.locator(".js-facilitate")).to_be_visible()
    expect(page.locator(".js-facilitate-list")).to_be_hidden()  # the no-JS list is for print now
    expect(page.locator("[data-fac='title']")).to_have_text("Työvaihe 1")
    expect(page.locator("[data-fac='group']")).to_have_text("Yksin")
    expect(clock(page)).to_have_text("5:00")
    expect(page.locator("[data-fac='session']")).to_have_text("30:00")
    expect(page.locator("[data-fac='schedule']")).to_have_text("aikataulussa")
    expect(page.get_by_text("Pikanäppäimet toimivat, kun ajastimen alue on valittuna")).to_be_visible()
    assert page.locator("[data-fac='live']").get_attribute("aria-live") == "polite"
    accessible(page, checker, "facilitation view @ 1280")

    page.get_by_role("button", name="Käynnistä").click()
    page.clock.run_for(200)
    expect(live(page)).to_have_text("Työvaihe 1/4 alkaa: Työvaihe 1. Yksin. Aikaa 5 min.")
    page.clock.run_for(MIN)
    expect(clock(page)).to_have_text("4:00")
    expect(page.locator("[data-fac='session']")).to_have_text("29:00")

    page.get_by_role("button", name="Tauko").click()
    page.clock.run_for(3 * MIN)  # paused: nothing moves
    expect(clock(page)).to_have_text("4:00")
    expect(page.get_by_role("button", name="Jatka")).to_be_visible()
    page.get_by_role("button", name="Jatka").click()
    page.clock.run_for(2 * MIN)
    expect(clock(page)).to_have_text("2:00")

    # One minute left: told once, politely; the countdown itself is a timer, not a live region.
    page.clock.run_for(MIN + 1000)
    expect(clock(page)).to_have_text("0:59")
    expect(live(page)).to_have_text("Minuutti jäljellä: Työvaihe 1.")
    assert clock(page).get_attribute("role") == "timer" and clock(page).get_attribute("aria-live") is None
    page.clock.run_for(20_000)
    expect(live(page)).to_have_text("Minuutti jäljellä: Työvaihe 1.")  # not re-announced every second

    # The end of the step: shown in words, the overtime counts; the step does not move on by itself.
    page.clock.run_for(40_000)
    expect(page.locator("[data-fac='ended']")).to_have_text("Työvaiheen aika päättyi")
    expect(page.locator(".js-facilitate")).to_have_class(re.compile(r"\bis-ended\b"))
    expect(live(page)).to_have_text("Työvaiheen aika päättyi: Työvaihe 1.")
    page.clock.run_for(5000)
    expect(clock(page)).to_have_text("−0:06")
    expect(page.locator("[data-fac='title']")).to_have_text("Työvaihe 1")
    accessible(page, checker, "facilitation view, step ended")

    page.get_by_role("button", name="Seuraava").click()
    page.clock.run_for(200)
    expect(page.locator("[data-fac='title']")).to_have_text("Työvaihe 2")
    expect(page.locator("[data-fac='group']")).to_have_text("Pareittain")
    expect(page.locator("[data-fac='ended']")).to_be_hidden()
    expect(clock(page)).to_have_text("10:00")
    expect(live(page)).to_have_text("Työvaihe 2/4 alkaa: Työvaihe 2. Pareittain. Aikaa 10 min.")
    checker.assert_clean_console()


def test_keyboard_adjust_previous_next_and_schedule(stage, checker):
    page = stage
    page.keyboard.press("Space")  # focus outside the timer's region: the key is the browser's (WCAG 2.1.4)
    page.clock.run_for(MIN)
    expect(clock(page)).to_have_text("5:00")
    page.locator("[data-fac='title']").click()  # a click in the region gives it focus: the shortcuts act
    page.keyboard.press("Space")
    page.clock.run_for(MIN)
    expect(clock(page)).to_have_text("4:00")
    page.keyboard.press("+")
    page.clock.run_for(200)
    expect(clock(page)).to_have_text("5:00")
    expect(live(page)).to_have_text("Aikaa jäljellä 5:00.")
    # +1 min on the step: the session now ends a minute later than planned.
    expect(page.locator("[data-fac='schedule']")).to_have_text("1 min jäljessä aikataulusta")
    page.keyboard.press("-")
    page.keyboard.press("-")
    page.clock.run_for(200)
    expect(clock(page)).to_have_text("3:00")
    expect(page.locator("[data-fac='schedule']")).to_have_text("1 min edellä aikataulusta")

    page.keyboard.press("ArrowRight")  # step 1 done after 1 of its 5 minutes: 4 min ahead
    page.clock.run_for(200)
    expect(page.locator("[data-fac='title']")).to_have_text("Työvaihe 2")
    expect(page.locator("[data-fac='schedule']")).to_have_text("4 min edellä aikataulusta")
    page.clock.run_for(3 * MIN)
    expect(clock(page)).to_have_text("7:00")
    page.keyboard.press("ArrowRight")
    page.clock.run_for(200)
    expect(page.locator("[data-fac='title']")).to_have_text("Työvaihe 3")
    expect(page.locator("[data-fac='group']")).to_have_text("Koko ryhmä")
    page.keyboard.press("ArrowLeft")  # back: step 2 keeps the time it used
    page.clock.run_for(200)
    expect(page.locator("[data-fac='title']")).to_have_text("Työvaihe 2")
    expect(clock(page)).to_have_text("7:00")
    page.keyboard.press("Space")  # pause
    page.clock.run_for(MIN)
    expect(clock(page)).to_have_text("7:00")
    expect(page.get_by_role("button", name="Edellinen")).to_be_enabled()

    page.get_by_role("button", name="Aloita alusta").click()
    page.clock.run_for(200)
    expect(page.locator("[data-fac='title']")).to_have_text("Työvaihe 1")
    expect(clock(page)).to_have_text("5:00")
    expect(page.get_by_role("button", name="Käynnistä")).to_be_visible()
    expect(page.get_by_role("button", name="Edellinen")).to_be_disabled()
    checker.assert_clean_console()


def test_reload_continues_where_it_was(stage, checker):
    page = stage
    page.get_by_role("button", name="Käynnistä").click()
    page.clock.run_for(2 * MIN)
    page.get_by_role("button", name="Seuraava").click()
    page.clock.run_for(MIN)
    page.get_by_role("button", name="Tauko").click()
    page.reload()
    page.clock.run_for(300)
    expect(page.locator("[data-fac='title']")).to_have_text("Työvaihe 2")
    expect(clock(page)).to_have_text("9:00")
    expect(page.get_by_role("button", name="Jatka")).to_be_visible()

    page.get_by_role("button", name="Jatka").click()
    page.clock.run_for(30_000)
    page.reload()  # while running: the time went on from the saved timestamp, not from a tick count
    page.clock.run_for(30_000)
    expect(page.locator("[data-fac='title']")).to_have_text("Työvaihe 2")
    expect(clock(page)).to_have_text("8:00")
    expect(page.get_by_role("button", name="Tauko")).to_be_visible()
    checker.assert_clean_console()


def test_facilitation_view_at_375(stage, checker):
    page = stage
    page.set_viewport_size({"width": 375, "height": 800})
    accessible(page, checker, "facilitation view @ 375")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    checker.screenshot("facilitation", 375)
    page.set_viewport_size({"width": 1280, "height": 900})
    checker.screenshot("facilitation", 1280)


def test_without_javascript_lists_all_steps(live_server, demo_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + TOOL + "ohjaa/")
    expect(page.locator(".js-facilitate")).to_be_hidden()
    steps = page.locator(".facilitate-list__steps > li")
    expect(steps).to_have_count(4)
    expect(steps.nth(1)).to_contain_text("10 min · Pareittain")
    expect(steps.nth(1)).to_contain_text("0:05–0:15")
    page.emulate_media(media="print")
    expect(steps.first).to_be_visible()
    context.close()


# The consensus presentation --------------------------------------------------------------------------------


@pytest.fixture
def revealed_round(demo_site):
    from toolkit.assessment import services
    from toolkit.models import AssessmentPage
    from toolkit.team.services import team_space_create

    space = team_space_create(name="Esitystiimi")
    page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    assessment_round = services.round_open(space=space, page=page, mode="anonymous")
    keys = [s.key for g in page.statement_groups() for s in g.statements]
    # The last statement splits the team (1, 1, 3): it is the one to discuss first.
    for n, values in enumerate(((1, 2), (1, 2), (3, 2))):
        ratings = dict.fromkeys(keys, values[1]) | {keys[-1]: values[0]}
        services.response_save(assessment_round=assessment_round, respondent=f"r{n}", ratings=ratings)
    services.round_reveal(assessment_round=assessment_round)
    return space, assessment_round, page, keys


def test_consensus_presentation_by_keyboard(live_server, revealed_round, page, checker):
    space, assessment_round, assessment_page, _keys = revealed_round
    last_group = assessment_page.statement_groups()[-1]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/tiimi/{space.token}/arviointi/{assessment_round.pk}/tulokset/")
    page.get_by_role("link", name="Näytä esityksenä").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kokonaistulos")
    expect(page.get_by_role("heading", name="Keskustelkaa tästä ensin")).to_be_visible()
    checker.assert_accessible("consensus overview @ 1280")

    page.wait_for_load_state("load")  # the keys are bound by a deferred script
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"/esitys/2/$"))
    # The theme with the split statement comes first, and the statement first in it.
    expect(page.get_by_role("heading", level=1)).to_have_text(last_group.heading)
    first = page.locator(".chart-key li").first
    expect(first).to_contain_text(last_group.statements[-1].text)
    expect(first).to_contain_text("keskustelkaa tästä ensin")
    chart = page.locator("svg.chart")
    expect(chart.locator("title")).to_have_count(1)
    assert "keskiarvo" in chart.locator("desc").text_content()
    checker.assert_accessible("consensus theme @ 1280")
    checker.screenshot("consensus-theme", 1280)
    page.set_viewport_size({"width": 375, "height": 800})
    checker.assert_accessible("consensus theme @ 375")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    checker.screenshot("consensus-theme", 375)

    page.keyboard.press("ArrowLeft")
    page.wait_for_url(re.compile(r"/esitys/1/$"))
    checker.assert_accessible("consensus overview @ 375")
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(r"/tulokset/$"))
    checker.assert_clean_console()
