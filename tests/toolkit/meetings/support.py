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


def revealed_round(*, rating: int = 3):
    """A new team's anonymous round of the Finnish team assessment, three responses rating every statement
    `rating` but the first (1, the weakest), results revealed. Returns (space, round)."""
    from toolkit.assessment import services as assessment_services
    from toolkit.models import AssessmentPage, AssessmentRound

    page = AssessmentPage.objects.get(locale__language_code="fi", slug="tiimin-arviointi")
    keys = [s.key for g in page.statement_groups() for s in g.statements]
    space, _ = make_plan()
    assessment_round = assessment_services.round_open(
        space=space, page=page, mode=AssessmentRound.Mode.ANONYMOUS
    )
    for i in range(3):
        ratings = dict.fromkeys(keys, rating)
        ratings[keys[0]] = 1  # the weakest statement
        assessment_services.response_save(
            assessment_round=assessment_round, respondent=f"r{i}", ratings=ratings
        )
    assessment_services.round_reveal(assessment_round=assessment_round)
    return space, assessment_round
