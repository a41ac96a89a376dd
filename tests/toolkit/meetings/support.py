"""Helpers for the meeting-plan tests: a team space with a plan, and the demo's tools."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from toolkit.meetings import services
from toolkit.models import ToolPage
from toolkit.team import services as team_services


def make_plan(*, name="Testitiimi", minutes=60, title="Torstain palaveri", space=None):
    space = space or team_services.team_space_create(name=name)
    plan = services.plan_create(
        space=space,
        title=title,
        date=dt.date(2026, 12, 3),
        start_time=dt.time(9, 0),
        minutes_available=minutes,
    )
    return space, plan


def tools(n=2) -> list[ToolPage]:
    return list(ToolPage.objects.live().order_by("title")[:n])


def url(name, space, **kwargs) -> str:
    return reverse(f"toolkit:{name}", kwargs={"token": space.token, **kwargs})


def plan_url(space, plan, name="meeting_plan", **kwargs) -> str:
    return url(name, space, plan_id=plan.pk, **kwargs)
