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
