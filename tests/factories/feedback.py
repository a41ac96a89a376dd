"""Factories for the feedback app."""

import factory
from django.utils import timezone

from feedback.models import Submission


class SubmissionFactory(factory.django.DjangoModelFactory):
    kind = Submission.Kind.EXPERIENCE
    text = factory.Sequence(lambda n: f"Kokeilimme työkalua tiimipalaverissa, kerta {n}. Keskustelu avartui.")
    name = factory.Sequence(lambda n: f"Nimimerkki {n}")
    organisation = "Esimerkkivirasto"
    email = factory.Sequence(lambda n: f"lahettaja{n}@example.org")
    publish_permission = True

    class Meta:
        model = Submission

    class Params:
        approved = factory.Trait(
            state=Submission.State.APPROVED, handled_at=factory.LazyFunction(timezone.now)
        )
