"""Wagtail hooks of the toolkit app, all in one place: each room defines its viewsets, admin views and slot
panels, and this module registers them."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from toolkit.assessment.admin import AssessmentScaleViewSet
from toolkit.assessment.slots import team_space_rounds
from toolkit.common.slots import TEAM_SPACE_PANELS, WORKBOOK_EXPERIMENT_PANELS
from toolkit.meetings.slots import team_space_meetings, workbook_experiment_part
from toolkit.tools.frontend_cache import tool_page_targets
from toolkit.workbook.admin import statistics_menu_item, statistics_urls
from toolkit.workbook.slots import team_space_sessions

register_snippet(AssessmentScaleViewSet)

hooks.register("register_admin_urls", statistics_urls)
hooks.register("register_reports_menu_item", statistics_menu_item)
hooks.register("frontend_cache_page_targets", tool_page_targets)

# The team space's page: the workbook sessions first, then the assessment rounds, then the meeting plans.
hooks.register(TEAM_SPACE_PANELS, team_space_sessions, order=10)
hooks.register(TEAM_SPACE_PANELS, team_space_rounds, order=20)
hooks.register(TEAM_SPACE_PANELS, team_space_meetings, order=30)
hooks.register(WORKBOOK_EXPERIMENT_PANELS, workbook_experiment_part)
