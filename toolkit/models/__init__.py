from .pages import AssessmentPage, StartPage, ToolIndexPage, ToolPage, WorkbookPage

__all__ = ["AssessmentPage", "StartPage", "ToolIndexPage", "ToolPage", "WorkbookPage"]
