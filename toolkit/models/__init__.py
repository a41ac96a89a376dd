from .assessment import (
    AssessmentPhaseBand,
    AssessmentRating,
    AssessmentResponse,
    AssessmentRound,
    AssessmentScale,
    AssessmentScaleLevel,
)
from .pages import AssessmentPage, StartPage, ToolIndexPage, ToolPage, WorkbookPage
from .team import TeamSpace, WorkbookAnswer, WorkbookSession

__all__ = [
    "AssessmentPage",
    "AssessmentPhaseBand",
    "AssessmentRating",
    "AssessmentResponse",
    "AssessmentRound",
    "AssessmentScale",
    "AssessmentScaleLevel",
    "StartPage",
    "TeamSpace",
    "ToolIndexPage",
    "ToolPage",
    "WorkbookAnswer",
    "WorkbookPage",
    "WorkbookSession",
]
