"""The toolkit app's models, one module per room; importing them here lets Django register them under the one
`toolkit` app label (tables, content types and permissions stay as they were) and keeps
`from toolkit.models import X` working."""

from toolkit.assessment.models import (
    AssessmentPage,
    AssessmentPhaseBand,
    AssessmentRating,
    AssessmentResponse,
    AssessmentRound,
    AssessmentScale,
    AssessmentScaleLevel,
)
from toolkit.meetings.models import FacilitationRun, MeetingBlock, MeetingPlan, TeamExperiment
from toolkit.team.models import TeamSpace
from toolkit.tools.models import (
    StartPage,
    ToolIndexPage,
    ToolPage,
    ToolPageRelatedTool,
    ToolPageWorkTemplate,
    ToolUsageDay,
)
from toolkit.tools.values import Format
from toolkit.workbook.models import WorkbookAnswer, WorkbookPage, WorkbookSession

__all__ = [
    "AssessmentPage",
    "AssessmentPhaseBand",
    "AssessmentRating",
    "AssessmentResponse",
    "AssessmentRound",
    "AssessmentScale",
    "AssessmentScaleLevel",
    "FacilitationRun",
    "Format",
    "MeetingBlock",
    "MeetingPlan",
    "StartPage",
    "TeamExperiment",
    "TeamSpace",
    "ToolIndexPage",
    "ToolPage",
    "ToolPageRelatedTool",
    "ToolPageWorkTemplate",
    "ToolUsageDay",
    "WorkbookAnswer",
    "WorkbookPage",
    "WorkbookSession",
]
