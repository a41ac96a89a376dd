"""Sharing what worked in Chromium: an ended experiment reaches the moderation queue in two clicks (the link and
the form's submit), consent first refused; zero axe violations on the share page in fi, sv and en."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from feedback.models import Submission
from tests.toolkit.meetings.support import make_plan, url
from toolkit.meetings.models import TeamExperiment

pytestmark = pytest.mark.browser


def ended_experiment(space):
    return TeamExperiment.objects.create(
        space=space,
        title="Aamupalaveri seisten",
        why="Jos pidämme palaverin seisten, se pysyy lyhyenä.",
        starts_on=dt.date(2026, 11, 2),
        ends_on=dt.date(2026, 11, 29),
        state=TeamExperiment.State.ENDED,
        learned="Palaveri lyheni puoleen.",
        outcome=TeamExperiment.Outcome.ADOPT,
    )


def test_an_ended_experiment_is_shared_in_two_clicks(live_server, demo_site, page, checker, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0  # the browser fills the form faster than a person would
    Submission.objects.all().delete()  # the demo's own; this test counts from zero
    space, _ = make_plan()
    experiment = ended_experiment(space)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + url("experiment", space, experiment_id=experiment.pk))
    page.get_by_role("link", name="Jaa Innostuun").click()  # the first click
    expect(page.get_by_role("heading", level=1)).to_have_text("Jaa kokeilu Innostuun")
    expect(page.get_by_label("Kesto")).to_have_value("4 viikkoa")
    checker.assert_accessible("share page")
    # Without consent: the summary, the message next to the box, the input kept.
    page.get_by_label("Mitä opimme").fill("Palaveri lyheni puoleen. Seisten ei jaksa kauan.")
    page.get_by_role("button", name="Lähetä moderoitavaksi").click()
    expect(page.locator("#id_consent_error")).to_contain_text("anna lupa")
    expect(page.get_by_label("Mitä opimme")).to_have_value("Palaveri lyheni puoleen. Seisten ei jaksa kauan.")
    assert not Submission.objects.exists()
    checker.assert_accessible("share page with an error")
    page.get_by_label("Annamme luvan julkaista").check()
    page.get_by_role("button", name="Lähetä moderoitavaksi").click()  # the second click
    expect(page.get_by_role("heading", level=1)).to_have_text("Kiitos viestistäsi")
    tip = Submission.objects.get()
    assert tip.kind == Submission.Kind.TIP and tip.state == Submission.State.PENDING
    assert tip.experiment_learned == "Palaveri lyheni puoleen. Seisten ei jaksa kauan."
    checker.assert_clean_console()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_share_page_has_no_axe_violations(live_server, translated_committed, page, checker, language):
    space, _ = make_plan()
    experiment = ended_experiment(space)
    prefix = "" if language == "fi" else f"/{language}"
    page.set_viewport_size({"width": 375, "height": 900})
    for name, address in [
        ("experiment", url("experiment", space, experiment_id=experiment.pk)),
        ("share", url("experiment", space, experiment_id=experiment.pk) + "jaa/"),
    ]:
        page.goto(live_server.url + prefix + address)
        expect(page.locator("html")).to_have_attribute("lang", language)
        checker.assert_accessible(f"{name} in {language}")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name
    checker.assert_clean_console()
