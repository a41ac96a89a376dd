"""The tools room's page models: the tool card (tool.py) and the section pages above it, Aloita and Työkalut with
its tool finder (sections.py)."""

from toolkit.tools.models.sections import StartPage, ToolIndexPage
from toolkit.tools.models.tool import (
    CARD_FIELDS,
    LISTING_FIELDS,
    SectionPage,
    ToolPage,
    ToolPageRelatedTool,
    ToolPageWorkTemplate,
)
from toolkit.tools.models.usage import ToolUsageDay

__all__ = [
    "CARD_FIELDS",
    "LISTING_FIELDS",
    "SectionPage",
    "StartPage",
    "ToolIndexPage",
    "ToolPage",
    "ToolPageRelatedTool",
    "ToolPageWorkTemplate",
    "ToolUsageDay",
]
