"""Wagtail admin hooks of the toolkit app; each area keeps its hooks in its own module."""

from wagtail import hooks

from toolkit import (
    assessment_admin,  # noqa: F401  (registers the assessment scale snippet)
    team_admin,  # noqa: F401  (registers the team-data statistics view)
)
from toolkit.frontend_cache import tool_page_targets

hooks.register("frontend_cache_page_targets", tool_page_targets)
