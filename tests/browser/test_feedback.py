"""A reader tells an experience (an error first), a moderator approves it in the real admin, it shows up."""

import re

from django.contrib.auth.models import Group
from playwright.sync_api import expect

from feedback.models import Submission
from tests import factories
from toolkit.models import ToolPage

PASSWORD = "moderaattorin-salasana-42"


def test_experience_from_tool_page_to_moderation_and_back(live_server, demo_site, page, checker, settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0  # the browser fills the form faster than a person would
    # The tool page is seen before and after the approval: the browser may keep a public page for
    # HTTP_CACHE_MAX_AGE seconds (valoa/caching/http_cache.py), which a purge cannot reach; this test wants the new one.
    settings.HTTP_CACHE_MAX_AGE = 0
    Submission.objects.all().delete()  # the demo's own; this test counts from zero
    tool = ToolPage.objects.live().order_by("pk").first()
    moderator = factories.UserFactory(username="moderaattori", password=PASSWORD)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    page.set_viewport_size({"width": 1280, "height": 900})

    # The reader starts from the tool page.
    page.goto(live_server.url + tool.url)
    page.get_by_role("link", name="Kerro kokemuksesta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kerro kokemuksesta")
    expect(page.locator(".field--fixed strong")).to_have_text(tool.title)
    checker.assert_accessible("empty experience form")

    # First an error: the text is missing.
    page.get_by_label("Nimi tai nimimerkki").fill("Tiimi Pohjantähti")
    page.get_by_role("textbox", name=re.compile("^Organisaatio")).fill("Esimerkkivirasto")
    page.get_by_label(re.compile("Annan luvan julkaista")).check()
    page.get_by_role("button", name="Lähetä").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name=re.compile("Kokemuksesi"))).to_have_attribute("href", "#id_text")
    expect(page.get_by_label("Nimi tai nimimerkki")).to_have_value("Tiimi Pohjantähti")
    checker.assert_accessible("experience form with errors")
    checker.screenshot("feedback-form-errors", 1280)

    # The summary's link takes the reader to the field.
    summary.get_by_role("link", name=re.compile("Kokemuksesi")).click()
    page.get_by_label(re.compile("Kokemuksesi")).fill(
        "Kokeilimme työkalua kahdesti. Toisella kerralla <b>kaikki</b> puhuivat."
    )
    page.get_by_role("button", name="Lähetä").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kiitos viestistäsi")
    submission = Submission.objects.get()
    expect(page.locator(".reference-code")).to_have_text(submission.reference)
    checker.assert_accessible("thanks page")

    # Not shown before moderation.
    page.goto(live_server.url + tool.url)
    expect(page.get_by_text("Toisella kerralla")).to_have_count(0)

    # The moderator approves it in the admin's queue.
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill("moderaattori")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").first.click()
    expect(page.get_by_text("1 viesti odottaa moderointia.")).to_be_visible()
    page.get_by_role("link", name="Avaa moderointijono").click()
    row = page.locator("tr", has_text=submission.reference)
    row.locator("input[type=checkbox]").check()
    page.get_by_role("link", name="Hyväksy valitut").click()
    page.get_by_role("button", name="Kyllä").click()
    expect(page.get_by_text("Hyväksytty: 1.")).to_be_visible()
    submission.refresh_from_db()
    assert submission.state == Submission.State.APPROVED
    assert submission.handled_by == moderator

    # Now it shows on the tool page, as text.
    page.goto(live_server.url + tool.url)
    experience = page.locator(".experience", has_text="Toisella kerralla")
    expect(experience).to_contain_text("<b>kaikki</b>")
    expect(experience).to_contain_text("Tiimi Pohjantähti, Esimerkkivirasto")
    checker.assert_accessible("tool page with an experience")
    checker.screenshot("tool-page-experience", 1280)
    checker.assert_clean_console()


def test_moderator_decides_from_the_edit_view_with_the_keyboard(live_server, demo_site, page):
    from tests.factories.feedback import SubmissionFactory

    tip = SubmissionFactory(kind=Submission.Kind.TIP, title="Vinkki näppäimistöllä")
    moderator = factories.UserFactory(username="moderaattori", password=PASSWORD)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill("moderaattori")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").first.click()
    page.goto(live_server.url + f"/admin/snippets/feedback/submission/edit/{tip.pk}/")

    # Every decision shows at once, without opening the "⋯" menu.
    for label in ("Hyväksy", "Hylkää", "Merkitse roskapostiksi", "Tee tarinaluonnos"):
        expect(page.get_by_role("link", name=label, exact=True)).to_be_visible()

    # Tab reaches "Hylkää"; Enter opens the confirmation, which returns to the edit view.
    page.locator("body").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Hylkää":
            break
    else:
        raise AssertionError("Tab never reached Hylkää")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Kyllä").click()
    expect(page.get_by_text("Hylätty: 1.")).to_be_visible()
    tip.refresh_from_db()
    assert tip.state == Submission.State.REJECTED
