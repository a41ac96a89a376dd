from .pages import AssessmentPage, StartPage, ToolIndexPage, ToolPage, WorkbookPage
from .team import TeamSpace

__all__ = ["AssessmentPage", "StartPage", "TeamSpace", "ToolIndexPage", "ToolPage", "WorkbookPage"]
