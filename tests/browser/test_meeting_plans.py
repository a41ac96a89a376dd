"""Issue 26's plans in Chromium: duplicating a plan opens the copy, and removing a block offers "Peru poisto"
(focused) which brings the block back at its place; zero axe violations on each page on the way, and on the
undo notice and the plans page with a template in Swedish and English."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.toolkit.meetings.support import make_plan, plan_url, url
from toolkit.meetings import services


def test_duplicate_a_plan_then_remove_a_block_and_undo(live_server, demo_site, page, checker):
    space, plan = make_plan()
    services.block_add(plan=plan, kind="avaus", minutes=5)
    services.block_add(plan=plan, kind="aihe", title="Budjetti", minutes=20, note="Luvut")
    services.block_add(plan=plan, kind="lopetus", minutes=5)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + plan_url(space, plan))
    checker.assert_accessible("plan page")

    page.get_by_role("button", name="Kopioi palaveri").click()
    expect(page.get_by_role("heading", level=1, name="Torstain palaveri (kopio)")).to_be_visible()
    expect(page.get_by_text("Tämä on kopio.")).to_be_visible()
    titles = page.locator(".meeting-block__title")
    expect(titles).to_have_text(["Avaus", "Budjetti", "Lopetus"])
    checker.assert_accessible("the copy")

    page.get_by_role("button", name=re.compile(r"^Poista\s*:\s*Budjetti$")).click()
    expect(titles).to_have_text(["Avaus", "Lopetus"])
    undo = page.get_by_role("button", name="Peru poisto")
    expect(undo).to_be_focused()
    expect(page.get_by_text("Osio poistettu.")).to_be_visible()
    checker.assert_accessible("the undo notice")

    page.keyboard.press("Enter")
    expect(titles).to_have_text(["Avaus", "Budjetti", "Lopetus"])
    expect(page.get_by_text("Luvut")).to_be_visible()
    expect(page.get_by_role("button", name="Peru poisto")).to_have_count(0)
    checker.assert_clean_console()


@pytest.mark.parametrize(
    ("language", "undo_name", "template_choice"),
    [("sv", "Ångra raderingen", "Teamets mötesmall"), ("en", "Undo removal", "The team's meeting template")],
)
def test_the_new_views_in_swedish_and_english_have_no_axe_violations(
    live_server, demo_site, page, checker, language, undo_name, template_choice
):
    space, plan = make_plan()
    services.block_add(plan=plan, kind="avaus", minutes=5)
    budget = services.block_add(plan=plan, kind="aihe", title="Budjetti", minutes=20)
    services.plan_save_as_template(plan=plan)
    plan.refresh_from_db()
    services.block_delete(plan=plan, block_id=budget.pk, base_version=plan.order_version)
    with translation.override(language):
        address, plans = plan_url(space, plan), url("meeting_plans", space)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}{address}?poistettu={budget.pk}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("button", name=undo_name)).to_be_focused()
    checker.assert_accessible(f"plan page with the undo notice ({language})")
    page.goto(live_server.url + plans)
    expect(page.get_by_role("radio", name=re.compile(template_choice))).to_be_checked()
    checker.assert_accessible(f"plans page with the template ({language})")
    checker.assert_clean_console()
