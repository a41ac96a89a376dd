"""Factories for the tool card's related rows: related tools and work templates."""

import factory
import wagtail_factories

from toolkit.models import ToolPageRelatedTool, ToolPageWorkTemplate


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
