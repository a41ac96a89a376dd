"""A team's experiment from start to end through the pages, as a team does it (issue 26): recorded from a
meeting plan or from the experiments page, started, followed up from the space's home, ended with what was
learned and a choice. Once with JavaScript and once without (every form is a plain POST); axe finds nothing
on any page on the way (docs/team-space.md, docs/meetings.md)."""

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from tests.browser.conftest import PageChecker
from tests.toolkit.meetings.support import make_plan, plan_url, url
from toolkit.meetings.models import TeamExperiment

pytestmark = pytest.mark.browser


def follow_up_day() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=14)


class NoScriptChecker:
    """axe for a page without JavaScript. axe runs on timers, which never fire where scripts are off (its run
    never returns), so each check copies the page's own DOM, as that browser has it, into a page of a second
    context with scripts on and the site's scripts refused, and lets axe check that copy."""

    def __init__(self, page, context):
        self.page = page
        self.copy = context.new_page()
        self.copy.route("**/*.js", lambda route: route.abort())
        self.checker = PageChecker(self.copy)

    def assert_accessible(self, label: str = ""):
        self.copy.goto(self.page.url)  # the same address, so the copy's styles and links resolve alike
        self.copy.set_content(self.page.content())
        self.checker.assert_accessible(f"{label} (without JavaScript)")


def record_start_follow_and_end(page, checker, base, space, *, title):
    """From the experiment form to an ended experiment; `page` shows the form when called."""
    follow_up = follow_up_day()
    shown = date_format(follow_up, "SHORT_DATE_FORMAT")  # as the pages write it: 21.12.2026
    checker.assert_accessible("experiment form")
    page.get_by_label("Mitä kokeilemme").fill(title)
    page.get_by_label("Kuka pitää huolta").fill("palaverin vetäjä")
    page.get_by_label("Seurantapäivä").fill(follow_up.isoformat())
    page.get_by_role("button", name="Tallenna kokeilu").click()
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    expect(page.get_by_text("Kokeilu · Suunniteltu")).to_be_visible()
    checker.assert_accessible("experiment, planned")

    page.get_by_role("button", name="Aloita kokeilu").click()
    expect(page.get_by_text("Kokeilu · Käynnissä")).to_be_visible()
    checker.assert_accessible("experiment, running")

    # The space's home lists it among the open experiments with its follow-up date.
    page.goto(base + space.get_absolute_url())
    panel = page.locator("section", has=page.get_by_role("heading", level=2, name="Kokeilut"))
    item = panel.get_by_role("listitem").filter(has=page.get_by_role("link", name=title))
    expect(item).to_contain_text("Käynnissä")
    expect(item).to_contain_text(f"seuranta {shown}")
    expect(item.locator("time")).to_have_attribute("datetime", follow_up.isoformat())
    checker.assert_accessible("space home with a running experiment")

    # Ended without a choice: the message next to the field, the rest of the input kept.
    item.get_by_role("link", name=title).click()
    page.get_by_role("radio", name="Päättynyt").check()
    page.get_by_label("Mitä opimme").fill("Lyhyt palaveri riittää.")
    page.get_by_role("button", name="Tallenna kokeilu").click()
    expect(page.locator("#id_outcome_error")).to_contain_text("Valitkaa, jatketaanko")
    expect(page.get_by_label("Mitä opimme")).to_have_value("Lyhyt palaveri riittää.")
    checker.assert_accessible("experiment with an error")
    page.get_by_label("Miten jatketaan").select_option("otetaan-kayttoon")
    page.get_by_role("button", name="Tallenna kokeilu").click()
    expect(page.get_by_text("Kokeilu · Päättynyt")).to_be_visible()
    saved = page.locator(".summary-list")
    expect(saved).to_contain_text("Lyhyt palaveri riittää.")
    expect(saved).to_contain_text("Otetaan pysyväksi tavaksi")
    checker.assert_accessible("experiment, ended")

    # Ended, it leaves the space's open experiments and stays in the team's list with its choice.
    page.goto(base + space.get_absolute_url())
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    page.goto(base + url("experiments", space))
    ended = page.get_by_role("listitem").filter(has=page.get_by_role("link", name=title))
    expect(ended).to_contain_text("Päättynyt · Otetaan pysyväksi tavaksi")
    checker.assert_accessible("experiments, one ended")

    experiment = TeamExperiment.objects.get(space=space, title=title)
    assert experiment.state == "paattynyt" and experiment.outcome == "otetaan-kayttoon"
    assert experiment.follow_up_on == follow_up
    return experiment


def test_an_experiment_from_a_meeting_plan_with_javascript(live_server, demo_site, page, checker):
    space, plan = make_plan()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + plan_url(space, plan))
    checker.assert_accessible("meeting plan")
    page.get_by_role("link", name="Kirjaa kokeilu").click()
    expect(page.get_by_text(f"Kokeilu kirjataan palaverissa ”{plan.title}” sovituksi.")).to_be_visible()
    experiment = record_start_follow_and_end(
        page, checker, live_server.url, space, title="Aamupalaveri seisten"
    )
    assert experiment.plan_id == plan.pk and experiment.starts_on == plan.date  # the meeting's day
    page.goto(live_server.url + url("experiment", space, experiment_id=experiment.pk))
    expect(page.locator(".summary-list")).to_contain_text(plan.title)  # agreed on in that meeting
    checker.assert_clean_console()


def test_an_experiment_from_the_experiments_page_without_javascript(live_server, demo_site, browser):
    space, _plan = make_plan()
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    axe_context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        checker = NoScriptChecker(page, axe_context)
        page.goto(live_server.url + space.get_absolute_url())
        page.get_by_role("link", name="Kaikki kokeilut ja uuden kirjaaminen").click()
        expect(page.get_by_role("heading", level=1, name="Kokeilut")).to_be_visible()
        experiment = record_start_follow_and_end(
            page, checker, live_server.url, space, title="Viikkopalaute parin kanssa"
        )
        assert experiment.plan_id is None and experiment.starts_on == timezone.localdate()  # started today
    finally:
        context.close()
        axe_context.close()
