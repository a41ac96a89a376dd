"""The toolkit app's models, one module per room; importing them here lets Django register them under the one
`toolkit` app label (tables, content types and permissions stay as they were) and keeps
`from toolkit.models import X` working."""

from toolkit.assessment.models import (
    AssessmentPhaseBand,
    AssessmentRating,
    AssessmentResponse,
    AssessmentRound,
    AssessmentScale,
    AssessmentScaleLevel,
)
from toolkit.team.models import TeamSpace, WorkbookAnswer, WorkbookSession
from toolkit.tools.models import (
    AssessmentPage,
    Format,
    StartPage,
    ToolIndexPage,
    ToolPage,
    ToolPageRelatedTool,
    ToolPageWorkTemplate,
    WorkbookPage,
)

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
