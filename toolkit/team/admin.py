"""The admin's only view of team data: counts per month. Editors never see a team's answers or links."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from toolkit.team.models import TeamSpace, WorkbookAnswer, WorkbookSession
from toolkit.workbook import services


class TeamDataStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "toolkit/team/admin_statistics.html"
    page_title = _("Tiimien työtilat: tilastot")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["months"] = services.team_data_monthly_counts(months=24)
        context["totals"] = {
            "spaces": TeamSpace.objects.count(),
            "sessions": WorkbookSession.objects.count(),
            "answers": WorkbookAnswer.objects.count(),
        }
        return context


@hooks.register("register_admin_urls")
def register_team_statistics_url():
    return [path("tiimit/tilastot/", TeamDataStatisticsView.as_view(), name="toolkit_team_statistics")]


@hooks.register("register_reports_menu_item")
def register_team_statistics_menu_item():
    return MenuItem(
        _("Tiimien työtilat"),
        reverse("toolkit_team_statistics"),
        name="team-statistics",
        icon_name="table",
        order=900,
    )
