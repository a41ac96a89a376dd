from .pages import (
    AssessmentPage,
    Format,
    StartPage,
    ToolIndexPage,
    ToolPage,
    ToolPageRelatedTool,
    ToolPageWorkTemplate,
    WorkbookPage,
)
from .team import TeamSpace

__all__ = [
    "AssessmentPage",
    "Format",
    "StartPage",
    "TeamSpace",
    "ToolIndexPage",
    "ToolPage",
    "ToolPageRelatedTool",
    "ToolPageWorkTemplate",
    "WorkbookPage",
]
