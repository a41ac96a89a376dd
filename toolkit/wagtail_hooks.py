"""Wagtail admin hooks of the toolkit app; each room keeps its hooks in its own module."""

from wagtail import hooks

from toolkit.assessment import admin as assessment_admin  # noqa: F401  (registers the assessment scale snippet)
from toolkit.team import admin as team_admin  # noqa: F401  (registers the team-data statistics view)
from toolkit.tools.frontend_cache import tool_page_targets

hooks.register("frontend_cache_page_targets", tool_page_targets)
