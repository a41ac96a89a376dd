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

# Meeting plans live in their own room (toolkit/meetings/) but belong to this app: imported last, as they
# refer to TeamSpace and ToolPage above.
from toolkit.meetings.models import MeetingBlock, MeetingPlan  # noqa: E402  isort: skip

__all__ = [
    "AssessmentPage",
    "AssessmentPhaseBand",
    "AssessmentRating",
    "AssessmentResponse",
    "AssessmentRound",
    "AssessmentScale",
    "AssessmentScaleLevel",
    "Format",
    "MeetingBlock",
    "MeetingPlan",
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
