"""A plan outside the plan page: the calendar file (.ics) and the facilitation view's data island."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from toolkit.meetings.models import MeetingBlock, MeetingPlan
from toolkit.meetings.services import Schedule, plain_text
from toolkit.tools.blocks import Grouping

PRODID = "-//VALOA//Palaverin suunnitelma//FI"


def plan_uid(plan: MeetingPlan) -> str:
    """The event's UID: the same for every download of the plan, so a calendar updates the event it has."""
    return f"{plan.uid}@valoa"


def plan_ics(*, plan: MeetingPlan, schedule: Schedule) -> bytes:
    """One VEVENT in Helsinki time for the reserved time, the agenda in its description.

    The team's link is left out on purpose: calendar invitations travel further than the team.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", plan_uid(plan))
    event.add("dtstamp", timezone.now())
    event.add("last-modified", plan.updated_at)
    event.add("sequence", plan.version)
    event.add("summary", plan.title)
    event.add("dtstart", schedule.start)
    event.add("dtend", schedule.reserved_end)
    lines = [
        f"{row.start:%H.%M} {row.block.title} ({row.block.minutes} min)"
        + (f"\n    {row.block.note}" if row.block.note else "")
        for row in schedule.rows
    ]
    event.add("description", "\n".join([_("Asialista:"), *lines]))
    calendar.add_component(event)
    # icalendar adds the VTIMEZONE that Europe/Helsinki times need.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _steps(block: MeetingBlock) -> list[dict]:
    """The tool's timed steps, read from the StreamField's stored JSON: no block parsing on every page view."""
    tool = block.tool
    if tool is None or not tool.live:
        return []
    groups = dict(Grouping.choices)
    steps = [raw.get("value") or {} for raw in tool.steps.raw_data if raw.get("type") == "step"]
    return [
        {
            "title": step.get("title") or str(_("Vaihe %(n)s") % {"n": number}),
            "minutes": step.get("minutes") or 0,
            "group": str(groups.get(step.get("grouping"), "")),
            "instruction": plain_text(str(step.get("text") or "")),
        }
        for number, step in enumerate(steps, start=1)
    ]


def plan_facilitation(*, plan: MeetingPlan, schedule: Schedule) -> dict:
    """The data island of the facilitation view (docs/facilitation.md): a tool block nests the tool's steps.

    The key names the plan (not its version), so a reload during the meeting continues where it was.
    """
    return {
        "title": plan.title,
        "key": f"palaveri-{plan.uid}",
        "blocks": [
            {
                "title": row.block.title,
                "minutes": row.block.minutes,
                "note": row.block.note,
                "steps": _steps(row.block) if row.block.kind == MeetingBlock.Kind.TOOL else [],
            }
            for row in schedule.rows
        ],
    }


def ics_filename(plan: MeetingPlan) -> str:
    return f"palaveri-{plan.date:%Y-%m-%d}.ics"
