"""Factories for the tool card's related rows: related tools and work templates."""

import factory
import wagtail_factories
from django.utils import timezone

from toolkit.models import ToolPageRelatedTool, ToolPageWorkTemplate, ToolUsageDay


class ToolPageRelatedToolFactory(factory.django.DjangoModelFactory):
    page = None  # pass page= and tool= (both ToolPages)
    tool = None

    class Meta:
        model = ToolPageRelatedTool


class ToolPageWorkTemplateFactory(factory.django.DjangoModelFactory):
    page = None  # pass page= (a ToolPage)
    document = factory.SubFactory(wagtail_factories.DocumentFactory)
    title = "Työpohja"

    class Meta:
        model = ToolPageWorkTemplate


class ToolUsageDayFactory(factory.django.DjangoModelFactory):
    tool = None  # pass tool= (a ToolPage)
    day = factory.LazyFunction(timezone.localdate)
    event = "view"
    count = 1

    class Meta:
        model = ToolUsageDay
