"""Experiments in Chromium with JavaScript on: recorded and ended through the forms, zero axe violations on the
experiment pages and the space's home in Finnish, Swedish and English (docs/team-space.md)."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import PageChecker
from tests.toolkit.meetings.support import make_plan, url
from toolkit.meetings import services
from toolkit.meetings.models import TeamExperiment

pytestmark = pytest.mark.browser


@pytest.fixture
def checker(page):
    return PageChecker(page)


def test_an_experiment_is_recorded_started_and_ended_in_the_browser(live_server, demo_site, page, checker):
    space, _ = make_plan()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + url("experiments", space))
    page.get_by_label("Mitä kokeilemme").fill("Aamupalaveri seisten")
    page.get_by_label("Kuka pitää huolta").fill("palaverin vetäjä")
    page.get_by_label("Seurantapäivä").fill("2026-12-21")
    page.get_by_role("button", name="Tallenna kokeilu").click()
    expect(page.get_by_role("heading", level=1, name="Aamupalaveri seisten")).to_be_visible()
    checker.assert_accessible("experiment page")
    page.get_by_role("button", name="Aloita kokeilu").click()
    expect(page.get_by_text("Kokeilu · Käynnissä")).to_be_visible()
    # Ending without a choice: the error summary and the message next to the field.
    page.get_by_role("radio", name="Päättynyt").check()
    page.get_by_label("Mitä opimme").fill("Lyhyt palaveri riittää.")
    page.get_by_role("button", name="Tallenna kokeilu").click()
    expect(page.locator("#id_outcome_error")).to_contain_text("Valitkaa, jatketaanko")
    checker.assert_accessible("experiment page with an error")
    page.get_by_label("Miten jatketaan").select_option("otetaan-kayttoon")
    page.get_by_role("button", name="Tallenna kokeilu").click()
    expect(page.get_by_text("Kokeilu · Päättynyt")).to_be_visible()
    experiment = TeamExperiment.objects.get(space=space)
    assert experiment.outcome == "otetaan-kayttoon" and experiment.learned == "Lyhyt palaveri riittää."
    checker.assert_clean_console()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_experiment_pages_and_the_space_home_have_no_axe_violations(
    live_server, translated_committed, page, checker, language
):
    space, plan = make_plan()
    experiment = services.experiment_create(
        space=space,
        title="Aamupalaveri seisten",
        state="kaynnissa",
        follow_up_on=timezone.localdate(),
        starts_on=dt.date(2026, 12, 1),
    )
    prefix = "" if language == "fi" else f"/{language}"
    page.set_viewport_size({"width": 375, "height": 900})
    for name, address in [
        ("space", space.get_absolute_url()),
        ("experiments", url("experiments", space) + f"?palaveri={plan.pk}"),
        ("experiment", url("experiment", space, experiment_id=experiment.pk)),
    ]:
        page.goto(live_server.url + prefix + address)
        expect(page.locator("html")).to_have_attribute("lang", language)
        checker.assert_accessible(f"{name} in {language}")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name
    checker.assert_clean_console()
