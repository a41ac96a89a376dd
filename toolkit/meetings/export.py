"""A plan outside the plan page: the calendar file (.ics) and the facilitation view's data island."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from toolkit.meetings.models import MeetingBlock, MeetingPlan
from toolkit.meetings.services.schedule import Schedule
from toolkit.tools.facilitation import tool_block

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
    # Every change (details, order, a block's edit) moves `updated_at`; no one version counts them all.
    event.add("sequence", max(0, int((plan.updated_at - plan.created_at).total_seconds())))
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


def plan_facilitation(*, plan: MeetingPlan, schedule: Schedule) -> dict:
    """The facilitation view's data (docs/facilitation.md): a tool block nests its tool's timed steps (as the
    tool's own facilitation view shows them), an own block has none and counts as one step of its minutes.

    The key names the plan (not its version), so a reload during the meeting continues where it was; the
    script drops a saved state whose step minutes no longer match.
    """
    blocks = []
    for row in schedule.rows:
        block = row.block
        if block.kind == MeetingBlock.Kind.TOOL and block.tool is not None and block.tool.live:
            blocks.append(
                {**tool_block(block.tool, minutes=block.minutes, note=block.note), "title": block.title}
            )
        else:
            blocks.append({"title": block.title, "minutes": block.minutes, "note": block.note, "steps": []})
    return {"title": plan.title, "key": f"palaveri-{plan.uid}", "blocks": blocks}


def ics_filename(plan: MeetingPlan) -> str:
    return f"palaveri-{plan.date:%Y-%m-%d}.ics"


def experiment_ics(*, experiment) -> bytes:
    """The experiment's follow-up date as an all-day VEVENT: what we try and how we'll know it worked.

    As with plans, the team's link is left out: calendar invitations travel further than the team.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"{experiment.uid}@valoa")
    event.add("dtstamp", timezone.now())
    event.add("last-modified", experiment.updated_at)
    event.add("sequence", experiment.version)
    event.add("summary", _("Kokeilun seuranta: %(title)s") % {"title": experiment.title})
    event.add("dtstart", experiment.follow_up_on)
    event.add("dtend", experiment.follow_up_on + dt.timedelta(days=1))
    lines = [experiment.title]
    if experiment.success:
        lines += ["", _("Mistä tiedämme, että se toimi:"), experiment.success]
    event.add("description", "\n".join(lines))
    calendar.add_component(event)
    return calendar.to_ical()


def experiment_ics_filename(experiment) -> str:
    return f"kokeilun-seuranta-{experiment.follow_up_on:%Y-%m-%d}.ics"
