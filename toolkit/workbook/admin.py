"""The admin's only view of team data: counts of spaces, workbook sessions and answers per month.
Editors never see a team's answers or links. It lives in the workbook room because it counts the workbook's
data; toolkit/wagtail_hooks.py registers its URL and menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from toolkit.team.models import TeamSpace
from toolkit.workbook import selectors
from toolkit.workbook.models import WorkbookAnswer, WorkbookSession


class TeamDataStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "toolkit/workbook/admin_statistics.html"
    page_title = _("Tiimien työtilat: tilastot")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["months"] = selectors.team_data_monthly_counts(months=24)
        context["totals"] = {
            "spaces": TeamSpace.objects.filter(usage_opt_out=False).count(),
            "sessions": WorkbookSession.objects.filter(space__usage_opt_out=False).count(),
            "answers": WorkbookAnswer.objects.filter(session__space__usage_opt_out=False).count(),
        }
        return context


def statistics_urls():
    return [path("tiimit/tilastot/", TeamDataStatisticsView.as_view(), name="toolkit_team_statistics")]


def statistics_menu_item():
    return MenuItem(
        _("Tiimien työtilat"),
        reverse("toolkit_team_statistics"),
        name="team-statistics",
        icon_name="table",
        order=900,
    )
