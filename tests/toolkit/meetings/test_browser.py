"""Meeting plans in Chromium: a plan built with the keyboard alone, focus and announcements after a move,
zero axe violations at 375 and 1280 px on the plan pages and the agenda, print styles, and the remembered team
link (only with consent, forgotten on request)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PageChecker
from tests.toolkit.meetings.support import make_plan, plan_url, tools, url
from toolkit.meetings import services
from toolkit.meetings.models import MeetingBlock
from toolkit.models import ToolIndexPage

WIDTHS = [375, 1280]


@pytest.fixture
def checker(page):
    return PageChecker(page)


def named(action, title):
    """A button's name: the visible action, then the block's title from a visually hidden span (Chromium
    puts a space before the span's colon, as it is positioned out of the flow)."""
    return re.compile(rf"^{re.escape(action)}\s*:\s*{re.escape(title)}$")


def tab_to(page, locator, limit=120):
    """Press Tab until `locator` has focus: proves it is reachable by keyboard, in order."""
    for _ in range(limit):
        if locator.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"not reachable with Tab: {locator}")


def test_a_plan_is_built_with_the_keyboard_alone(live_server, demo_site, page, checker):
    space, plan = make_plan(minutes=30)
    tool = tools(1)[0]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + plan_url(space, plan))
    expect(page.get_by_role("heading", level=1, name="Torstain palaveri")).to_be_visible()

    # A tool from the select: focus it, pick with the arrow keys, Enter on the button.
    select = page.get_by_label("Työkalu", exact=True)
    tab_to(page, select)
    options = select.locator("option").all_text_contents()
    index = next(i for i, text in enumerate(options) if text.startswith(tool.title))
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    expect(select).to_have_value(str(tool.pk))
    tab_to(page, page.get_by_role("button", name="Lisää työkalu"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=3, name=tool.title)).to_be_visible()

    # An own block: an opening with a note.
    kind = page.get_by_label("Osion tyyppi")
    tab_to(page, kind)
    page.keyboard.press("Home")  # the first choice: Avaus
    expect(kind).to_have_value("avaus")
    page.keyboard.press("Tab")  # Otsikko: left empty, the kind names the block
    page.keyboard.press("Tab")
    page.keyboard.press("Control+a")
    page.keyboard.type("5")
    page.keyboard.press("Tab")
    page.keyboard.type("Kuulumiskierros")
    tab_to(page, page.get_by_role("button", name="Lisää osio"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=3, name="Avaus")).to_be_visible()

    # Move the opening to the top: focus stays on the moved block's button and the new place is announced.
    opening = MeetingBlock.objects.get(plan=plan, kind="avaus")
    up = page.get_by_role("button", name=named("Siirrä ylös", "Avaus"))
    tab_to(page, up)
    page.keyboard.press("Enter")
    status = page.get_by_role("status").filter(has_text="on nyt kohdassa")
    expect(status).to_have_text("”Avaus” on nyt kohdassa 1/2, alkaa klo 9.00.")
    focused = page.evaluate("document.activeElement.closest('li') && document.activeElement.closest('li').id")
    assert focused == f"osio-{opening.pk}"
    # At the top there is no "up" any more: focus went to "Siirrä alas" of the same block.
    expect(page.get_by_role("button", name=named("Siirrä alas", "Avaus"))).to_be_focused()
    assert list(MeetingBlock.objects.filter(plan=plan).values_list("kind", flat=True)) == ["avaus", "tyokalu"]

    # Times follow the order; the total is over the 30 minutes reserved when the tool is long.
    expect(page.locator(f"#osio-{opening.pk} .meeting-block__time")).to_have_text("9.00–9.05")
    if 5 + tool.duration_minutes > 30:
        expect(page.get_by_text("Aika ei riitä:")).to_be_visible()

    # Edit a block: "Muokkaa" opens its form (its own page) with Enter, and the next Tab stops start at the form;
    # an error keeps the input and names the field.
    edit = page.get_by_role("link", name=named("Muokkaa", "Avaus"))
    tab_to(page, edit)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=4, name="Muokkaa osiota")).to_be_visible()
    minutes = page.locator(f"#id_osio-{opening.pk}-minutes")
    tab_to(page, minutes, limit=5)
    page.keyboard.press("Control+a")
    page.keyboard.type("0")
    tab_to(page, page.locator(f"#osio-{opening.pk}").get_by_role("button", name="Tallenna osio"))
    page.keyboard.press("Enter")
    expect(page.locator(f"#id_osio-{opening.pk}-minutes")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#id_osio-{opening.pk}-minutes_error")).to_have_text("Vähintään 1 min.")
    checker.assert_accessible("plan page with an error")
    checker.assert_clean_console()


@pytest.mark.parametrize("width", WIDTHS)
def test_plan_pages_and_the_agenda_have_no_axe_violations(live_server, demo_site, page, checker, width):
    space, plan = make_plan(minutes=30)
    tool = tools(1)[0]
    services.block_add(plan=plan, kind="avaus", minutes=10, note="Kuulumiset")
    services.block_add(plan=plan, kind="tyokalu", tool=tool, minutes=tool.duration_minutes)
    services.block_add(plan=plan, kind="tauko", minutes=25)  # over the 30 minutes: the warning shows
    page.set_viewport_size({"width": width, "height": 900})
    for name, address in [
        ("plans", url("meeting_plans", space)),
        ("plan", plan_url(space, plan)),
        ("edit-block", plan_url(space, plan, "meeting_block_edit_page", block_id=plan.blocks.first().pk)),
        ("agenda", plan_url(space, plan, "meeting_agenda")),
        ("facilitate", plan_url(space, plan, "meeting_facilitate")),
        ("add-tool", url("meeting_add_tool", space, tool_id=tool.pk)),
        ("paste-link", f"/tiimi/palaveriin/{tool.pk}/"),
    ]:
        page.goto(live_server.url + address)
        checker.assert_accessible(f"{name} at {width}px")
        checker.screenshot(f"meetings-{name}", width)
        # Nothing wider than the screen (WCAG 1.4.10 reflow at 320 CSS px ≈ 375 px phones).
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name
    page.goto(live_server.url + plan_url(space, plan))
    expect(page.get_by_text("Aika ei riitä:")).to_be_visible()
    checker.assert_clean_console()


def test_print_styles_leave_only_the_agenda(live_server, demo_site, page):
    space, plan = make_plan()
    services.block_add(plan=plan, kind="avaus", minutes=10)
    page.goto(live_server.url + plan_url(space, plan, "meeting_agenda"))
    back = page.get_by_role("link", name="Takaisin suunnitelmaan")
    expect(back).to_be_visible()
    page.emulate_media(media="print")
    expect(back).to_be_hidden()
    expect(page.get_by_role("heading", level=1, name="Torstain palaveri")).to_be_visible()
    expect(page.get_by_role("cell", name="9.00–9.10")).to_be_visible()
    page.goto(live_server.url + plan_url(space, plan))
    expect(
        page.get_by_role("button", name=named("Siirrä alas", "Avaus")).or_(
            page.get_by_role("button", name=named("Poista", "Avaus"))
        )
    ).to_be_hidden()
    expect(page.get_by_role("heading", level=3, name="Avaus")).to_be_visible()


def test_the_team_link_is_remembered_only_with_consent_and_forgotten_on_request(live_server, demo_site, page):
    space, plan = make_plan()
    tool = tools(1)[0]
    finder = ToolIndexPage.objects.get()
    stored = "() => window.localStorage.getItem('valoa.tiimin-linkki')"

    # Visiting the team's pages stores nothing; the finder shows no "Lisää palaveriin" without a team.
    page.goto(live_server.url + plan_url(space, plan))
    page.goto(live_server.url + url("meeting_plans", space))
    assert page.evaluate(stored) is None
    page.goto(live_server.url + finder.url)
    expect(page.get_by_role("link", name=re.compile("^Lisää palaveriin"))).to_have_count(0)

    # The member chooses to remember it.
    page.goto(live_server.url + url("meeting_plans", space))
    page.get_by_role("button", name="Muista tiimin linkki tässä selaimessa").click()
    expect(page.get_by_text("Tiimin linkki muistetaan tässä selaimessa.")).to_be_visible()
    assert page.evaluate(stored) == f"/tiimi/{space.token}/"

    # Now finder results link straight to the team's plans (same site), and the tool's own page too.
    page.goto(live_server.url + finder.url)
    link = page.get_by_role("link", name=named("Lisää palaveriin", tool.title))
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", f"/tiimi/{space.token}/palaverit/lisaa/{tool.pk}/")
    link.click()
    expect(page.get_by_role("heading", level=1, name=re.compile("palaveriin"))).to_be_visible()
    page.get_by_role("button", name="Lisää palaveriin").click()
    expect(page.get_by_role("heading", level=3, name=tool.title)).to_be_visible()
    assert MeetingBlock.objects.filter(plan=plan, tool=tool).exists()

    # "Unohda": nothing stays in the browser and the links go back to asking for the link.
    page.goto(live_server.url + finder.url)
    page.get_by_role("button", name="Unohda tiimin linkki").click()
    assert page.evaluate(stored) is None
    expect(page.get_by_text("Tiimin linkkiä ei enää muisteta tässä selaimessa.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Lisää palaveriin"))).to_have_count(0)

    # The paste page remembers only when its box is ticked.
    page.goto(live_server.url + tool.url)
    page.get_by_role("link", name=named("Lisää palaveriin", tool.title)).click()
    page.get_by_label("Tiimin linkki", exact=True).fill(live_server.url + space.get_absolute_url())
    page.get_by_role("button", name="Jatka").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("palaveriin"))).to_be_visible()
    assert page.evaluate(stored) is None
    page.goto(live_server.url + f"/tiimi/palaveriin/{tool.pk}/")
    page.get_by_label("Tiimin linkki", exact=True).fill(live_server.url + space.get_absolute_url())
    page.get_by_label(re.compile("^Muista tiimin linkki")).check()
    page.get_by_role("button", name="Jatka").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("palaveriin"))).to_be_visible()
    assert page.evaluate(stored) == f"/tiimi/{space.token}/"
