"""The calendar file parsed back with icalendar, the printable agenda, and "Ehdota palaveria" after a round."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.toolkit.meetings import support
from tests.toolkit.meetings.support import make_plan, plan_url, tools, url
from toolkit.assessment import services as assessment_services
from toolkit.meetings import services
from toolkit.meetings.models import MeetingPlan
from toolkit.models import AssessmentPage, AssessmentRound

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def test_ics_is_one_event_in_helsinki_time_with_a_stable_uid_and_the_agenda(client, demo_site):
    space, plan = make_plan(minutes=90)
    services.block_add(plan=plan, kind="avaus", minutes=10, note="Kuulumiset")
    services.block_add(plan=plan, kind="aihe", title="Budjetti", minutes=30)
    response = client.get(plan_url(space, plan, "meeting_ics"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="palaveri-2026-12-03.ics"'
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == dt.datetime(2026, 12, 3, 9, 0, tzinfo=HELSINKI)
    assert str(start.tzinfo) == "Europe/Helsinki" and end - start == dt.timedelta(minutes=90)
    assert event.decoded("dtstart").utcoffset() == dt.timedelta(hours=2)  # winter time
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    assert str(event["summary"]) == "Torstain palaveri"
    description = str(event["description"])
    assert "9.00 Avaus (10 min)" in description.replace("09.00", "9.00") and "Kuulumiset" in description
    assert "Budjetti (30 min)" in description
    assert space.token not in response.content.decode()
    uid = str(event["uid"])
    # The UID stays when the plan changes, so calendars update the event instead of adding another.
    plan.refresh_from_db()
    services.plan_update(
        plan=plan,
        base_version=plan.version,
        title="Uusi nimi",
        date=dt.date(2026, 7, 1),
        start_time=dt.time(14, 15),
        minutes_available=45,
    )
    again = Calendar.from_ical(client.get(plan_url(space, plan, "meeting_ics")).content)
    event = next(iter(again.walk("VEVENT")))
    assert str(event["uid"]) == uid
    assert event.decoded("dtstart") == dt.datetime(2026, 7, 1, 14, 15, tzinfo=HELSINKI)
    assert event.decoded("dtstart").utcoffset() == dt.timedelta(hours=3)  # summer time
    _, other = make_plan(space=space, title="Toinen")
    other_event = next(
        iter(Calendar.from_ical(client.get(plan_url(space, other, "meeting_ics")).content).walk("VEVENT"))
    )
    assert str(other_event["uid"]) != uid


def test_agenda_is_one_printable_page_without_the_site_chrome(client, demo_site):
    space, plan = make_plan(minutes=30)
    services.block_add(plan=plan, kind="avaus", minutes=10)
    services.block_add(plan=plan, kind="aihe", title="Budjetti", minutes=30, note="Luvut mukaan")
    html = client.get(plan_url(space, plan, "meeting_agenda")).content.decode()
    assert '<html lang="fi">' in html and 'class="site-header' not in html
    assert "meetings.css" in html
    assert "9.00–9.10" in html and "9.10–9.40" in html and "Luvut mukaan" in html
    assert "Aika ei riitä:" in html and "(10 min yli)" in html


def test_print_css_hides_the_controls_and_keeps_the_agenda_on_a4():
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/meetings.css")).read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    assert "@page { size: A4" in print_rules
    hidden = re.search(r"\n    ([^{}]+)\{ display: none !important; \}", print_rules).group(1)
    selectors = {selector.strip() for selector in hidden.split(",")}
    assert {
        ".no-print",
        ".meeting-block__controls",
        ".meeting-add",
        ".meeting-details",
        ".site-header",
    } <= selectors


@pytest.fixture
def revealed_round(demo_site):
    return support.revealed_round()


def test_suggest_a_plan_from_a_round_then_edit_it(client, revealed_round):
    space, assessment_round = revealed_round
    results_page = client.get(url("assessment_results", space, round_id=assessment_round.pk)).content.decode()
    suggest_url = url("meeting_suggest", space, round_id=assessment_round.pk)
    assert suggest_url in results_page and "Ehdota palaveria" in results_page
    form = client.get(suggest_url)
    assert form.status_code == 200
    invalid = client.post(
        suggest_url,
        {"length": "oma", "own_minutes": "", "group_size": "0", "date": "2026-12-10", "start_time": "9:00"},
    )
    assert invalid.status_code == 400
    html = invalid.content.decode()
    assert "Antakaa palaverin pituus minuutteina." in html and "Vähintään 1 henki." in html
    response = client.post(
        suggest_url, {"length": "60", "group_size": "6", "date": "2026-12-10", "start_time": "09:00"}
    )
    assert response.status_code == 303
    plan = MeetingPlan.objects.filter(space=space).latest("pk")
    blocks = list(plan.blocks.all())
    assert plan.minutes_available == 60 and sum(b.minutes for b in blocks) == 60
    assert blocks[0].kind == "avaus" and blocks[-1].kind == "lopetus"
    results = assessment_services.round_results(assessment_round=assessment_round)
    weak, phase = services.suggestion_inputs(results=results)
    assert [w.number for w in weak] == [s.statement.number for s in results.weakest]
    suggested = services.suggest_blocks(minutes=60, group_size=6, weak=weak, phase_tools=phase)
    expected_tools = [b.tool_id for b in suggested if b.tool_id]
    assert [b.tool_id for b in blocks if b.kind == "tyokalu"] == expected_tools
    assert expected_tools, "the demo recommends tools that fit an hour"
    # The results block links the round's slides.
    results_block = next(b for b in blocks if b.assessment_round_id)
    assert results_block.assessment_round_id == assessment_round.pk
    slides = url("assessment_present", space, round_id=assessment_round.pk, position=1)
    # The suggestion is an ordinary plan: the team edits it like any other.
    plan_page = client.get(response["Location"])
    assert plan_page.status_code == 200 and "Siirrä alas" in plan_page.content.decode()
    assert slides in plan_page.content.decode()


def test_suggest_before_results_are_visible_is_404(client, demo_site):
    page = AssessmentPage.objects.get(slug="tiimin-arviointi")
    space, _ = make_plan()
    assessment_round = assessment_services.round_open(
        space=space, page=page, mode=AssessmentRound.Mode.ANONYMOUS
    )
    assert client.get(url("meeting_suggest", space, round_id=assessment_round.pk)).status_code == 404


def test_deleting_the_space_deletes_its_plans_and_activity_counts_for_retention(demo_site):
    from toolkit.team import services as team_services

    space, plan = make_plan()
    block = services.block_add(plan=plan, kind="aihe", title="Budjetti", minutes=20, tool=None)
    old = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    type(space).objects.filter(pk=space.pk).update(last_active_at=old)
    plan.refresh_from_db()
    services.block_update(
        plan=plan, block_id=block.pk, base_version=block.version, title="B", minutes=5, note=""
    )
    space.refresh_from_db()
    assert space.last_active_at > old
    team_services.team_space_delete(space=space)
    assert not MeetingPlan.objects.filter(pk=plan.pk).exists()


def test_a_tool_block_keeps_its_title_when_the_tool_is_unpublished(client, demo_site):
    space, plan = make_plan()
    tool = tools(1)[0]
    services.block_add(plan=plan, kind="tyokalu", tool=tool, minutes=tool.duration_minutes)
    tool.unpublish()
    html = client.get(plan_url(space, plan)).content.decode()
    assert tool.title in html and "Työkalun ohje" not in html


def test_the_plan_runs_in_the_facilitation_view_with_the_tools_steps_nested(client, demo_site):
    import json

    space, plan = make_plan()
    tool = next(t for t in tools(10) if any(b.block_type == "step" for b in t.steps))
    services.block_add(plan=plan, kind="avaus", minutes=5, note="Kuulumiset")
    services.block_add(plan=plan, kind="tyokalu", tool=tool, minutes=tool.duration_minutes)
    facilitate = plan_url(space, plan, "meeting_facilitate")
    assert facilitate in client.get(plan_url(space, plan)).content.decode()
    response = client.get(facilitate)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    html = response.content.decode()
    # Without JavaScript the list shows clock times from the plan's start.
    assert "09.00" in html and "09.05" in html
    raw = re.search(
        r'<script id="facilitation-data" type="application/json">(.*?)</script>', html, re.S
    ).group(1)
    data = json.loads(raw)
    assert data["title"] == "Torstain palaveri" and data["key"] == f"palaveri-{plan.uid}"
    opening, tool_block = data["blocks"]
    assert opening == {"title": "Avaus", "minutes": 5, "note": "Kuulumiset", "steps": []}
    steps = [b.value for b in tool.steps if b.block_type == "step"]
    assert tool_block["title"] == tool.title and len(tool_block["steps"]) == len(steps)
    first = tool_block["steps"][0]
    assert first["minutes"] == steps[0]["minutes"]
    assert first["group"] == steps[0].grouping_label()
    assert "<" not in first["instruction"] and first["instruction"]
    bad = plan_url(space, plan, "meeting_facilitate").replace(space.token, "z" * 43)
    assert client.get(bad).status_code == 404
