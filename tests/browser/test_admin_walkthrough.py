"""Issue 29: an admin walk-through in the browser, as an Editor and as a Moderator.

The editor makes a tool under Työkalut (steps, a picture, a related tool), sends it to the workflow and
uploads a document; the moderator asks for changes, the editor resubmits, the moderator approves and the tool
is on the site; a moderator schedules a page. On every admin screen: no English among a few probe words, no
forbidden variant of the glossary (docs/writing.md), and axe on the main ones.
"""

import contextlib
import re
from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import FINITE_ANIMATIONS_DONE, WCAG_21_AA
from tests.valoa.test_admin_terms import _forbidden_in

PASSWORD = "salasana-testiin-123"  # the UserFactory's
ENGLISH = ["Submit", "Publish", "Save draft", "Password", "Root", "Locale", "Moderators approval", "Sync"]
WORKSHEET = (
    Path(__file__).resolve().parents[2] / "toolkit" / "demo" / "worksheets" / "arbetsmall-lagesbild.pdf"
)
TITLE = "Kävelypalaveri"


def _sign_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(base_url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.login-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def _words_checked(page, where):
    """No English probe word and no forbidden variant of an admin term in the screen's visible text."""
    text = page.locator("body").inner_text()
    english = [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", text)]
    assert english == [], f"{where}: {english}"
    forbidden = [(line, hits) for line in text.splitlines() if (hits := _forbidden_in(line))]
    assert forbidden == [], f"{where}: {forbidden}"


# Wagtail 8's own unlabelled inputs, which axe reports (label / aria-input-field-name): Draftail's textbox (its
# label's `for` points at the hidden input) and the tag field's autocomplete input. Wagtail's markup, not
# VALOA's fields: left out, everything else on the screen is checked.
WAGTAIL_UNLABELLED = [[".public-DraftEditor-content"], [".ui-autocomplete-input"]]


def _admin_accessible(page, where):
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(FINITE_ANIMATIONS_DONE, timeout=5000)
    results = Axe().run(page, context={"exclude": WAGTAIL_UNLABELLED}, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{where}\n{results.generate_report()}"


def _rich_text(page, field, text):
    editor = page.locator(f"[data-contentpath='{field}'] [contenteditable='true']").first
    editor.click()
    page.keyboard.type(text)


def _action_menu(page):
    """Opens the editor's footer menu of more actions."""
    page.get_by_role("button", name="Lisää toimintoja").click()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_and_a_moderator_walk_a_tool_through_the_workflow(live_server, demo_site, page, checker):
    from wagtail.documents.models import Document

    from toolkit.models import ToolIndexPage, ToolPage

    editor = factories.UserFactory(username="toimittaja", first_name="Eeva", last_name="Editori")
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = factories.UserFactory(username="moderaattori", first_name="Mikko", last_name="Moderaattori")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    index = ToolIndexPage.objects.get(locale__language_code="fi")

    # --- The editor makes a tool ----------------------------------------------------------------------------
    _sign_in(page, live_server.url, "toimittaja")
    page.goto(live_server.url + f"/admin/pages/add/toolkit/toolpage/{index.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_duration_minutes").fill("20")
    _rich_text(page, "what", "Palaveri kävellen ulkona.")
    _rich_text(page, "when", "Kun istuminen puuduttaa.")
    page.get_by_role("button", name="Valitse kuva").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=re.compile("Paripalaute etätiimissä")).click()
    expect(modal).to_be_hidden()
    page.locator("#id_image_alt").fill("Neljä ihmistä kävelee metsäpolulla.")
    _words_checked(page, "new tool: basics")
    _admin_accessible(page, "new tool: basics")

    page.get_by_role("tab", name="Työvaiheet").click()
    page.locator("[data-contentpath='steps']").get_by_role("button", name="Lisää lohko").first.click()
    step = page.locator("[data-contentpath='steps'] [data-contentpath='minutes'] input")
    expect(step).to_have_count(1)
    _rich_text(page, "text", "Kävelkää pareittain ja puhukaa aiheesta.")
    step.fill("15")
    # Minutes that do not add up to the duration: saving names the error at the duration (Wagtail's preview
    # panel can only say that the form has errors).
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.get_by_role("tab", name="Perustiedot").click()
    duration = page.locator("[data-contentpath='duration_minutes']")
    expect(duration).to_contain_text("Työvaiheiden minuutit ovat yhteensä 15")
    _words_checked(page, "new tool with an error")
    page.get_by_role("tab", name="Työvaiheet").click()
    # The form came back with the step's Ohje empty (the rich text in the step block is lost when a new
    # page's form returns with errors; reported in issue 29's walk-through): it is typed again.
    _rich_text(page, "text", "Kävelkää pareittain ja puhukaa aiheesta.")
    step.fill("20")

    page.get_by_role("tab", name="Yhteydet").click()
    page.get_by_role("button", name=re.compile("Lisää liittyvä työkalu")).click()
    page.get_by_role("button", name="Valitse sivu").click()
    expect(modal).to_be_visible()
    expect(modal.get_by_text("Työkalut").first).to_be_visible()
    _words_checked(page, "related tool chooser")
    modal.get_by_role("link", name="Dialogin pelisäännöt").click()
    expect(modal).to_be_hidden()

    _action_menu(page)
    page.get_by_role("button", name=re.compile("Lähetä työnkulkuun")).click()
    expect(page.get_by_text(re.compile("lähetetty työnkulkuun"))).to_be_visible()
    _words_checked(page, "after the submission")
    tool = ToolPage.objects.get(title=TITLE)
    assert not tool.live

    # The editor uploads a document; the form advises on accessible PDFs.
    # (The single upload form: Wagtail's multiple upload page has a file input without a label, which axe reports.)
    page.goto(live_server.url + "/admin/documents/add/")
    expect(page.get_by_text(re.compile("tee siitä saavutettava"))).to_be_visible()
    _words_checked(page, "document upload")
    _admin_accessible(page, "document upload")
    page.get_by_label("Otsikko").fill("Tilannekuvan työpohja")
    page.get_by_label("Tiedosto").set_input_files(str(WORKSHEET))
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_text(re.compile("Tilannekuvan työpohja")).first).to_be_visible()
    assert Document.objects.filter(title="Tilannekuvan työpohja").exists()

    # --- The moderator asks for changes ----------------------------------------------------------------------
    _sign_in(page, live_server.url, "moderaattori")
    page.goto(live_server.url + f"/admin/pages/{tool.pk}/edit/")
    _words_checked(page, "moderator's editor")
    _action_menu(page)
    page.get_by_role("button", name="Pyydä muutoksia").click()
    dialog = page.locator(".modal-dialog")
    dialog.get_by_label("Kommentti", exact=True).fill("Lisää toinen työvaihe loppukeskustelulle.")
    _words_checked(page, "request for changes dialog")
    dialog.get_by_role("button", name=re.compile("Pyydä muutoksia")).click()
    expect(page.get_by_text(re.compile("pyydetty muutoksia"))).to_be_visible()
    _words_checked(page, "after the request for changes")

    # --- The editor resubmits ---------------------------------------------------------------------------------
    _sign_in(page, live_server.url, "toimittaja")
    page.goto(live_server.url + f"/admin/pages/{tool.pk}/edit/")
    expect(
        page.get_by_text(re.compile("pyysi muutoksia.*Lisää toinen työvaihe loppukeskustelulle"))
    ).to_be_visible()
    _words_checked(page, "editor after the request for changes")
    _action_menu(page)
    resubmit = page.get_by_role("button", name=re.compile("Lähetä uudelleen|Lähetä työnkulkuun"))
    expect(resubmit).to_have_count(1)
    resubmit.click()
    expect(page.get_by_text(re.compile("lähetetty"))).to_be_visible()

    # --- The moderator approves; the tool is on the site ------------------------------------------------------
    _sign_in(page, live_server.url, "moderaattori")
    page.goto(live_server.url + f"/admin/pages/{tool.pk}/edit/")
    _action_menu(page)
    page.get_by_role("button", name=re.compile(r"^Hyväksy( ja julkaise)?$")).click()
    expect(page.get_by_text(re.compile("hyväksytty ja julkaistu"))).to_be_visible()
    _words_checked(page, "after the approval")
    _admin_accessible(page, "after the approval")
    tool.refresh_from_db()
    assert tool.live
    response = page.goto(live_server.url + tool.url)
    assert response.status == 200
    expect(page.get_by_role("img", name="Neljä ihmistä kävelee metsäpolulla.")).to_be_visible()

    # --- The moderator schedules a page -----------------------------------------------------------------------
    scheduled = ToolPage.objects.get(slug="dialogin-pelisaannot", locale__language_code="fi")
    page.goto(live_server.url + f"/admin/pages/{scheduled.pk}/edit/")
    page.get_by_role("button", name="Näytä tai piilota tila").click()
    page.get_by_role("button", name=re.compile("^Aseta (julkaisu)?ajastus$")).click()
    dialog = page.get_by_role("dialog").filter(has_text=re.compile("ajastus", re.IGNORECASE))
    go_live = (timezone.localtime() + timedelta(days=7)).strftime("%Y-%m-%d %H:%M")
    go_live_field = dialog.get_by_label(re.compile("julkaisupäivämäärä|julkaise alkaen", re.IGNORECASE))
    go_live_field.fill(go_live)
    _words_checked(page, "publishing schedule dialog")
    # From the keyboard: the open date picker lies over the button.
    dialog.get_by_role("button", name=re.compile("Tallenna ajastus|Aseta ajastus")).press("Enter")
    _action_menu(page)
    page.get_by_role("button", name="Ajasta julkaisu").click()
    expect(page.get_by_text(re.compile("ajastettu", re.IGNORECASE)).first).to_be_visible()
    _words_checked(page, "after scheduling")
    scheduled.refresh_from_db()
    assert scheduled.get_latest_revision().approved_go_live_at is not None
    checker.assert_clean_console()
