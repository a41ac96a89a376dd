"""Factories for Innostu models that tests/factories/__init__.py does not cover."""

import factory

from inspire.models import StoryToolLink


class StoryToolLinkFactory(factory.django.DjangoModelFactory):
    """Link a story to a tool it used: StoryToolLinkFactory(page=story, tool=tool)."""

    note = "Kahdessa viikkopalaverissa."
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = StoryToolLink
