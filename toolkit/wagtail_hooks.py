"""Wagtail admin hooks of the toolkit app; each area keeps its hooks in its own module."""

from toolkit import (
    assessment_admin,  # noqa: F401  (registers the assessment scale snippet)
    team_admin,  # noqa: F401  (registers the team-data statistics view)
)
