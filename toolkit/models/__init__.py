from .pages import AssessmentPage, StartPage, ToolIndexPage, ToolPage, WorkbookPage
from .team import TeamSpace, WorkbookAnswer, WorkbookSession

__all__ = [
    "AssessmentPage",
    "StartPage",
    "TeamSpace",
    "ToolIndexPage",
    "ToolPage",
    "WorkbookAnswer",
    "WorkbookPage",
    "WorkbookSession",
]
