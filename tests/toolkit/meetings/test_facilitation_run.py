"""A plan's shared facilitation run (toolkit/meetings/services/facilitation.py, views/facilitation.py): the
state transitions on a fixed clock, versions (409), the controls held by one screen and taken over, the
secret-link rules (another space's token: 404), and the plan, the agenda, the .ics and the timer agreeing."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.utils import timezone

from tests.toolkit.meetings.support import make_plan, plan_url, tools
from toolkit.meetings import services
from toolkit.meetings.models import FacilitationRun, MeetingBlock
from toolkit.meetings.services import facilitation as facilitation_service
from toolkit.tools.facilitation import fit_steps
from toolkit.tools.values import duration_text

pytestmark = pytest.mark.django_db

MIN = 60_000
KEY_A = "a" * 32
KEY_B = "b" * 32
T0 = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


@pytest.fixture
def published(monkeypatch):
    sent = []
    monkeypatch.setattr(
        facilitation_service,
        "publish_to_space",
        lambda space, topic, event, data: sent.append((space, topic, event, data)),
    )
    return sent


def own_plan(minutes=(10, 5, 20)):
    space, plan = make_plan()
    for i, m in enumerate(minutes):
        services.block_add(plan=plan, kind=MeetingBlock.Kind.TOPIC, title=f"Aihe {i + 1}", minutes=m, note="")
    return space, plan


def started_run(plan):
    return services.run_get(plan=plan, planned_ms=[10 * MIN, 5 * MIN, 20 * MIN])


# --- The totals function on fixed inputs ---------------------------------------------------------------


def steps(*minutes):
    return [{"title": f"V{i}", "minutes": m} for i, m in enumerate(minutes, 1)]


def test_fit_steps_scales_a_tools_steps_to_the_blocks_minutes():
    fitted = fit_steps(steps(5, 10, 15), 25)
    assert [s["minutes"] for s in fitted] == [4, 8, 13]
    assert [s.get("planned_minutes") for s in fitted] == [5, 10, 15]  # each was shortened, and says so
    longer = fit_steps(steps(5, 10, 15), 45)
    assert [s["minutes"] for s in longer] == [8, 15, 22]
    assert sum(s["minutes"] for s in longer) == 45


def test_fit_steps_leaves_steps_that_add_up_and_keeps_every_step_alive():
    assert fit_steps(steps(5, 10, 15), 30) == steps(5, 10, 15)
    tiny = fit_steps(steps(1, 1, 28), 3)
    assert [s["minutes"] for s in tiny] == [1, 1, 1]
    unchanged_first = fit_steps(steps(10, 20), 25)
    assert [s["minutes"] for s in unchanged_first] == [8, 17]
    assert fit_steps(steps(0, 0), 4) == [
        {"title": "V1", "minutes": 2, "planned_minutes": 0},
        {"title": "V2", "minutes": 2, "planned_minutes": 0},
    ]
    assert fit_steps([], 10) == []


def test_the_plan_the_agenda_the_ics_and_the_timer_show_one_total(client, demo_site):
    """A 60-minute plan whose tool block is set to fewer minutes than the tool's steps take: the timer runs
    the block's minutes, and the header says 1 h, as the agenda and the calendar file do."""
    space, plan = make_plan(minutes=60)
    tool = next(
        t for t in tools(20) if sum(b.value["minutes"] for b in t.steps if b.block_type == "step") > 10
    )
    tool_minutes = sum(b.value["minutes"] for b in tool.steps if b.block_type == "step")
    services.block_add(plan=plan, kind=MeetingBlock.Kind.OPENING, title="Avaus", minutes=60 - 10, note="")
    services.block_add(plan=plan, kind=MeetingBlock.Kind.TOOL, tool=tool, title=tool.title, minutes=10)
    assert tool_minutes != 10
    response = client.get(plan_url(space, plan, "meeting_facilitate"))
    assert response.context["total_minutes"] == 60
    html = response.content.decode()
    assert f"Torstain palaveri · {duration_text(60)}" in html  # 1 tunti, not 1 h 5 min
    data = json.loads(
        re.search(r'<script id="facilitation-data" type="application/json">(.*?)</script>', html, re.S).group(
            1
        )
    )
    tool_block = data["blocks"][1]
    assert sum(step["minutes"] for step in tool_block["steps"]) == 10 == tool_block["minutes"]
    assert "mitoitettu osion aikaan" in html  # the list says which steps were fitted
    agenda = client.get(plan_url(space, plan, "meeting_agenda")).content.decode()
    assert "10.00" in agenda  # 9.00 + 60 min: the agenda ends where the timer does
    ics = client.get(plan_url(space, plan, "meeting_ics")).content.decode()
    assert f"({10} min)" in ics and "(50 min)" in ics


# --- State transitions on a fixed clock ----------------------------------------------------------------


def test_start_pause_next_previous_and_the_minute_buttons(published):
    space, plan = own_plan()
    run = started_run(plan)
    assert (run.index, run.running, run.version) == (0, False, 1)

    run = services.run_act(plan=plan, action="start", base_version=1, key=KEY_A, now=at(0))
    assert run.running and run.controller == KEY_A
    run = services.run_act(plan=plan, action="pause", base_version=run.version, key=KEY_A, now=at(90))
    assert not run.running and run.used_ms[0] == 90_000
    assert facilitation_service.remaining_ms(run, now=at(500)) == 10 * MIN - 90_000  # paused: time stands

    run = services.run_act(plan=plan, action="plus", base_version=run.version, key=KEY_A, now=at(100))
    assert facilitation_service.remaining_ms(run, now=at(100)) == 11 * MIN - 90_000
    run = services.run_act(plan=plan, action="start", base_version=run.version, key=KEY_A, now=at(100))
    run = services.run_act(plan=plan, action="next", base_version=run.version, key=KEY_A, now=at(130))
    assert run.index == 1 and run.used_ms[0] == 120_000 and run.running
    assert facilitation_service.remaining_ms(run, now=at(160)) == 5 * MIN - 30_000

    # −1 min stops at one minute left: 4:30 → 3:30 → 2:30 → 1:30 → 1:00, then nothing.
    for left in (210_000, 150_000, 90_000, 60_000):
        run = services.run_act(plan=plan, action="minus", base_version=run.version, key=KEY_A, now=at(160))
        assert facilitation_service.remaining_ms(run, now=at(160)) == left
    version = run.version
    run = services.run_act(plan=plan, action="minus", base_version=version, key=KEY_A, now=at(160))
    assert run.version == version  # no change, no new version
    assert facilitation_service.remaining_ms(run, now=at(160)) == MIN

    run = services.run_act(plan=plan, action="previous", base_version=run.version, key=KEY_A, now=at(170))
    assert run.index == 0
    version = run.version
    run = services.run_act(plan=plan, action="previous", base_version=version, key=KEY_A, now=at(171))
    assert run.index == 0 and run.version == version

    run = services.run_act(plan=plan, action="restart", base_version=run.version, key=KEY_A, now=at(200))
    assert (run.index, run.running, run.started, run.used_ms) == (0, False, False, [0, 0, 0])
    assert run.controller == KEY_A

    # Every change went to the space's screens, without the controlling screen's key.
    assert published and all(p[0] == space.pk and p[1] == f"facilitation:{plan.pk}" for p in published)
    assert all(KEY_A not in json.dumps(p[3]) for p in published)
    assert published[-1][3]["version"] == run.version


def test_an_edited_plan_starts_a_new_run():
    _space, plan = own_plan()
    started_run(plan)
    run = services.run_act(plan=plan, action="start", base_version=1, key=KEY_A, now=at(0))
    again = services.run_get(plan=plan, planned_ms=[10 * MIN, 5 * MIN, 20 * MIN])
    assert again.running and again.version == run.version  # the same plan: the meeting goes on
    edited = services.run_get(plan=plan, planned_ms=[10 * MIN, 25 * MIN])
    assert not edited.running and edited.used_ms == [0, 0] and edited.version > run.version
    assert FacilitationRun.objects.filter(plan=plan).count() == 1


# --- Through the views ---------------------------------------------------------------------------------


def post(client, space, plan, action, version, key=KEY_A):
    return client.post(
        plan_url(space, plan, "meeting_facilitate_state"),
        {"action": action, "version": version, "key": key},
        HTTP_ACCEPT="application/json",
    )


def test_the_views_share_one_state_and_a_stale_change_is_409(client, published):
    space, plan = own_plan()
    page = client.get(plan_url(space, plan, "meeting_facilitate"))
    assert page.status_code == 200
    shared = page.context["shared"]
    assert shared["initial"]["version"] == 1 and shared["live"] == f"/live/tiimi/{space.token}/"

    started = post(client, space, plan, "start", 1)
    assert started.status_code == 200
    state = started.json()["state"]
    assert state["running"] and state["version"] == 2 and state["controller"] == state["you"]
    assert abs(state["now"] - timezone.now().timestamp() * 1000) < 5000  # the server's clock is sent along

    stale = post(client, space, plan, "next", 1)
    assert stale.status_code == 409
    assert stale.json()["state"]["index"] == 0 and stale.json()["state"]["version"] == 2

    follower = client.get(plan_url(space, plan, "meeting_facilitate_follow"))
    assert follower.status_code == 200 and follower.context["shared"]["initial"]["running"]
    html = follower.content.decode()
    assert "js-fac-toggle" not in html and "Ota ohjaus" not in html  # no controls on the follower view

    polled = client.get(plan_url(space, plan, "meeting_facilitate_state"), {"avain": KEY_B}).json()["state"]
    assert polled["version"] == 2 and polled["you"] != polled["controller"]


def test_the_controls_belong_to_one_screen_until_another_takes_them_over(client, published):
    space, plan = own_plan()
    client.get(plan_url(space, plan, "meeting_facilitate"))
    assert post(client, space, plan, "start", 1, key=KEY_A).status_code == 200
    refused = post(client, space, plan, "pause", 2, key=KEY_B)
    assert refused.status_code == 409 and refused.json()["state"]["running"]
    taken = post(client, space, plan, "takeover", 2, key=KEY_B)
    assert taken.status_code == 200
    state = taken.json()["state"]
    assert state["controller"] == state["you"] == facilitation_service.key_tag(KEY_B)
    assert post(client, space, plan, "pause", state["version"], key=KEY_A).status_code == 409
    assert post(client, space, plan, "pause", state["version"], key=KEY_B).status_code == 200


@pytest.mark.parametrize(
    "data",
    [
        {"action": "explode", "version": 1, "key": KEY_A},
        {"action": "start", "version": 0, "key": KEY_A},
        {"action": "start", "version": 1, "key": "short"},
        {"action": "start", "version": "x", "key": KEY_A},
    ],
)
def test_a_tampered_control_is_400(client, data):
    space, plan = own_plan()
    client.get(plan_url(space, plan, "meeting_facilitate"))
    response = client.post(
        plan_url(space, plan, "meeting_facilitate_state"), data, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert FacilitationRun.objects.get(plan=plan).version == 1


def test_another_spaces_token_can_neither_read_nor_change_a_run(client, published):
    space, plan = own_plan()
    client.get(plan_url(space, plan, "meeting_facilitate"))
    other, _ = make_plan(name="Toinen tiimi")
    for name in ("meeting_facilitate", "meeting_facilitate_follow", "meeting_facilitate_state"):
        assert client.get(plan_url(other, plan, name)).status_code == 404
    response = post(client, other, plan, "start", 1)
    assert response.status_code == 404
    assert not FacilitationRun.objects.get(plan=plan).running
    assert published == []


def test_without_javascript_the_view_still_lists_every_step(client):
    space, plan = own_plan()
    html = client.get(plan_url(space, plan, "meeting_facilitate")).content.decode()
    assert "Aihe 1" in html and "09.00–09.10" in html and "09.15–09.35" in html
    assert 'class="facilitate js-facilitate" hidden' in html  # the timer stage only with JavaScript
    assert "<svg" in html  # the follower link's QR code
