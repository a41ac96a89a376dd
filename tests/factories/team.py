"""Factories of the team space's workbook data."""

import factory

from tests.factories import TeamSpaceFactory
from toolkit.models import WorkbookAnswer, WorkbookSession


class WorkbookSessionFactory(factory.django.DjangoModelFactory):
    space = factory.SubFactory(TeamSpaceFactory)
    number = factory.Sequence(lambda n: n + 1)

    class Meta:
        model = WorkbookSession


class WorkbookAnswerFactory(factory.django.DjangoModelFactory):
    session = factory.SubFactory(WorkbookSessionFactory)
    question_key = factory.Sequence(lambda n: f"kysymys-{n}")
    text = "Tiimin yhteinen vastaus."

    class Meta:
        model = WorkbookAnswer


def team_pages_changed() -> None:
    """Every space changed, as a team's write request leaves it (toolkit/team/page_cache.py): its pages' next
    views are rendered again, not read from the cache. For tests that measure a rendered team page."""
    from toolkit.team import services
    from toolkit.team.models import TeamSpace

    services.team_spaces_revise(space_ids=TeamSpace.objects.values_list("pk", flat=True))
