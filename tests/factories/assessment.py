"""Factories of the assessment tools."""

from decimal import Decimal

import factory

from toolkit.models import (
    AssessmentPhaseBand,
    AssessmentRating,
    AssessmentResponse,
    AssessmentRound,
    AssessmentScale,
    AssessmentScaleLevel,
)

from . import AssessmentPageFactory, PhaseFactory, TeamSpaceFactory


class AssessmentScaleFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Asteikko {n}")

    class Meta:
        model = AssessmentScale
        skip_postgeneration_save = True

    @factory.post_generation
    def levels(self, create, extracted, **kwargs):
        if not create:
            return
        labels = extracted or ["ei vielä", "osittain", "hyvin"]
        for i, label in enumerate(labels):
            AssessmentScaleLevel.objects.create(scale=self, value=i + 1, label=label, sort_order=i)


class AssessmentScaleLevelFactory(factory.django.DjangoModelFactory):
    scale = factory.SubFactory(AssessmentScaleFactory, levels=["a", "b"])
    value = 3
    label = "hyvin"

    class Meta:
        model = AssessmentScaleLevel


class AssessmentPhaseBandFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(AssessmentPageFactory)
    phase = factory.SubFactory(PhaseFactory)
    min_score = Decimal("1.00")
    max_score = Decimal("3.00")

    class Meta:
        model = AssessmentPhaseBand


class AssessmentRoundFactory(factory.django.DjangoModelFactory):
    space = factory.SubFactory(TeamSpaceFactory)
    page = factory.SubFactory(AssessmentPageFactory)
    mode = AssessmentRound.Mode.ANONYMOUS

    class Meta:
        model = AssessmentRound


class AssessmentResponseFactory(factory.django.DjangoModelFactory):
    round = factory.SubFactory(AssessmentRoundFactory)
    respondent = factory.Sequence(lambda n: f"{n:064x}")

    class Meta:
        model = AssessmentResponse


class AssessmentRatingFactory(factory.django.DjangoModelFactory):
    response = factory.SubFactory(AssessmentResponseFactory)
    round = factory.SelfAttribute("response.round")
    statement_key = "kuuntelemme"
    value = 2

    class Meta:
        model = AssessmentRating
