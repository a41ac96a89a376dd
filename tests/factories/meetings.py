"""Factories of the team space's meeting plans."""

import datetime

import factory

from tests.factories import TeamSpaceFactory
from toolkit.models import FacilitationRun, MeetingBlock, MeetingPlan, TeamExperiment


class MeetingPlanFactory(factory.django.DjangoModelFactory):
    space = factory.SubFactory(TeamSpaceFactory)
    title = factory.Sequence(lambda n: f"Palaveri {n + 1}")
    date = datetime.date(2026, 12, 3)
    start_time = datetime.time(9, 0)
    minutes_available = 60

    class Meta:
        model = MeetingPlan


class MeetingBlockFactory(factory.django.DjangoModelFactory):
    plan = factory.SubFactory(MeetingPlanFactory)
    position = factory.Sequence(lambda n: n)
    kind = MeetingBlock.Kind.TOPIC
    title = "Ajankohtaiset asiat"
    minutes = 15

    class Meta:
        model = MeetingBlock


class TeamExperimentFactory(factory.django.DjangoModelFactory):
    space = factory.SubFactory(TeamSpaceFactory)
    title = factory.Sequence(lambda n: f"Kokeilu {n + 1}")
    follow_up_on = datetime.date(2026, 12, 21)

    class Meta:
        model = TeamExperiment


class FacilitationRunFactory(factory.django.DjangoModelFactory):
    """A plan's shared facilitation run, not started: three steps of 5, 10 and 5 minutes."""

    plan = factory.SubFactory(MeetingPlanFactory)
    planned_ms = factory.LazyFunction(lambda: [5 * 60_000, 10 * 60_000, 5 * 60_000])
    used_ms = factory.LazyFunction(lambda: [0, 0, 0])
    adjust_ms = factory.LazyFunction(lambda: [0, 0, 0])

    class Meta:
        model = FacilitationRun
