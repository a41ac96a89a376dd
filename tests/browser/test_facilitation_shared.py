"""A team's meeting in sync (issue 25): the shared facilitation run on three screens served by the ASGI
application with the live channel (asgi_live_server): a controller, a follower (the projector) and a member.

Timer actions are followed within a second; a late joiner and a reload continue at the same state; another
screen takes over the controls; the views fit 1280×720 and reflow at 320 px; axe finds nothing on the
facilitation and follower views; with the live channel unavailable the screens follow by polling, with no 500."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import PageChecker
from tests.toolkit.meetings.support import make_plan, plan_url
from toolkit.meetings import services
from toolkit.meetings.models import FacilitationRun, MeetingBlock
from valoa.live import publishing

pytestmark = pytest.mark.browser

FOLLOWED = 1000  # ms: every screen shows a change within a second
POLLED = 5000  # ms: the polling fallback asks every 2 s
RUNNING = re.compile(r"\bis-running\b")


@pytest.fixture
def meeting(asgi_live_server):
    space, plan = make_plan(minutes=60)
    for title, minutes in (("Kuulumiset", 5), ("Viikon asiat", 10), ("Sovitut asiat", 5)):
        services.block_add(plan=plan, kind=MeetingBlock.Kind.TOPIC, title=title, minutes=minutes)
    base = asgi_live_server.url
    return {
        "control": base + plan_url(space, plan, "meeting_facilitate"),
        "follow": base + plan_url(space, plan, "meeting_facilitate_follow"),
        "plan": plan,
    }


@pytest.fixture
def screens(browser):
    opened = []

    def open_screen(url, width=1280, height=720):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        errors = []
        page.on("response", lambda r: errors.append(r.url) if r.status >= 500 else None)
        page.goto(url)
        opened.append(context)
        page.server_errors = errors
        page.checker = PageChecker(page)
        expect(page.locator(".js-facilitate")).to_be_visible()
        return page

    yield open_screen
    for context in opened:
        context.close()


def title(page):
    return page.locator("[data-fac='title']")


def clock(page):
    return page.locator("[data-fac='clock']")


def test_three_screens_follow_one_meeting_and_the_controls_change_hands(meeting, screens):
    controller = screens(meeting["control"])
    follower = screens(meeting["follow"])
    member = screens(meeting["control"])
    for page in (controller, follower, member):
        expect(title(page)).to_have_text("Kuulumiset")
        expect(clock(page)).to_have_text("5:00")

    controller.get_by_role("button", name="Käynnistä").click()
    for page in (follower, member):
        expect(page.locator(".js-facilitate")).to_have_class(RUNNING, timeout=FOLLOWED)
    # The member's screen now follows: no controls, an explicit button to take them over.
    expect(member.get_by_role("button", name="Ota ohjaus")).to_be_visible(timeout=FOLLOWED)
    expect(member.get_by_role("button", name="Tauko")).to_be_hidden()
    expect(follower.get_by_role("button")).to_have_count(0)  # the follower view has no controls at all

    controller.get_by_role("button", name="Seuraava").click()
    for page in (follower, member):
        expect(title(page)).to_have_text("Viikon asiat", timeout=FOLLOWED)
    controller.get_by_role("button", name="Tauko").click()
    controller.get_by_role("button", name="Lisää minuutti").click()
    expect(clock(controller)).to_have_text("11:00")
    for page in (follower, member):
        expect(clock(page)).to_have_text("11:00", timeout=FOLLOWED)
        expect(page.locator(".js-facilitate")).not_to_have_class(RUNNING)

    # −1 min stops at one minute left.
    minus = controller.get_by_role("button", name="Vähennä minuutti")
    for _ in range(10):
        minus.click()
    expect(clock(controller)).to_have_text("1:00")
    expect(clock(follower)).to_have_text("1:00", timeout=FOLLOWED)
    expect(minus).to_be_disabled()
    assert controller.evaluate("document.activeElement !== document.body")  # focus went to Jatka, not <body>

    # A late joiner and a reload continue exactly where the meeting is.
    late = screens(meeting["follow"])
    expect(title(late)).to_have_text("Viikon asiat")
    expect(clock(late)).to_have_text("1:00")
    controller.reload()
    expect(title(controller)).to_have_text("Viikon asiat")
    expect(controller.get_by_role("button", name="Jatka")).to_be_visible()  # a reload keeps the controls

    # Another member takes over: the old controller's screen says it follows, with its focus kept on a control.
    controller.get_by_role("button", name="Jatka").focus()
    member.get_by_role("button", name="Ota ohjaus").click()
    expect(member.get_by_role("button", name="Jatka")).to_be_visible(timeout=FOLLOWED)
    expect(controller.get_by_role("button", name="Ota ohjaus")).to_be_visible(timeout=FOLLOWED)
    expect(controller.get_by_role("button", name="Jatka")).to_be_hidden()
    assert controller.evaluate("document.activeElement.textContent.trim()") == "Ota ohjaus"
    member.get_by_role("button", name="Jatka").click()
    for page in (controller, follower, late):
        expect(page.locator(".js-facilitate")).to_have_class(RUNNING, timeout=FOLLOWED)

    run = FacilitationRun.objects.get(plan=meeting["plan"])
    assert run.running and run.index == 1
    for page in (controller, follower, member, late):
        assert page.server_errors == []
        page.checker.assert_clean_console()


def test_shortcuts_act_only_while_the_timer_region_has_focus(meeting, screens):
    page = screens(meeting["control"])
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    expect(title(page)).to_have_text("Kuulumiset")  # focus elsewhere: the key is the browser's
    title(page).click()  # a click in the region gives it focus
    page.keyboard.press("ArrowRight")
    expect(title(page)).to_have_text("Viikon asiat")
    expect(page.get_by_text("Pikanäppäimet toimivat, kun ajastimen alue on valittuna")).to_be_visible()


def test_the_views_fit_a_projector_and_reflow_at_320_with_zero_axe_violations(meeting, screens):
    run = services.run_get(plan=meeting["plan"], planned_ms=[5 * 60_000, 10 * 60_000, 5 * 60_000])
    # 20 minutes into a 5-minute step: the clock shows "−15:00".
    FacilitationRun.objects.filter(pk=run.pk).update(
        running=True,
        started=True,
        started_at=timezone.now() - dt.timedelta(minutes=20),
        version=run.version + 1,
    )
    controller = screens(meeting["control"])
    box = controller.locator(".facilitate__controls").bounding_box()
    assert box["y"] + box["height"] <= 720, box  # every control on a 1280×720 projector's screen
    controller.checker.assert_accessible("facilitation view @ 1280×720")
    follower = screens(meeting["follow"])
    follower.checker.assert_accessible("follower view @ 1280×720")
    for page, name in ((controller, "facilitation-shared"), (follower, "facilitation-follower")):
        page.set_viewport_size({"width": 320, "height": 640})
        expect(clock(page)).to_contain_text("−15:")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        clock_box = clock(page).bounding_box()
        assert clock_box["x"] + clock_box["width"] <= 320
        page.checker.assert_accessible(f"{name} @ 320")
        page.checker.screenshot(name, 320)
    # An own block has no group: no empty pill.
    expect(controller.locator(".facilitate__group")).to_be_hidden()


@pytest.fixture
def channel_down(settings):
    """The live channel's Redis at a dead port: the ASGI server thread reads the same settings (Channels
    drops its layers when the setting changes)."""
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }
    yield
    publishing._Rest.until = 0.0  # the next test's channel is up again at once


def test_with_the_live_channel_down_the_screens_follow_by_polling(meeting, channel_down, screens):
    from channels.layers import get_channel_layer

    assert "Redis" in type(get_channel_layer()).__name__  # the setting reached the layer the server uses
    controller = screens(meeting["control"])
    follower = screens(meeting["follow"])
    expect(follower.locator("[data-fac='connection']")).to_be_visible(timeout=POLLED)
    controller.get_by_role("button", name="Käynnistä").click()
    controller.get_by_role("button", name="Seuraava").click()
    expect(title(controller)).to_have_text("Viikon asiat")
    expect(title(follower)).to_have_text("Viikon asiat", timeout=POLLED)
    expect(follower.locator(".js-facilitate")).to_have_class(RUNNING)
    for page in (controller, follower):
        assert page.server_errors == []
