from .assessment import (
    AssessmentPhaseBand,
    AssessmentRating,
    AssessmentResponse,
    AssessmentRound,
    AssessmentScale,
    AssessmentScaleLevel,
)
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
from .team import TeamSpace, WorkbookAnswer, WorkbookSession

__all__ = [
    "AssessmentPage",
    "AssessmentPhaseBand",
    "AssessmentRating",
    "AssessmentResponse",
    "AssessmentRound",
    "AssessmentScale",
    "AssessmentScaleLevel",
    "Format",
    "StartPage",
    "TeamSpace",
    "ToolIndexPage",
    "ToolPage",
    "ToolPageRelatedTool",
    "ToolPageWorkTemplate",
    "WorkbookAnswer",
    "WorkbookPage",
    "WorkbookSession",
]
