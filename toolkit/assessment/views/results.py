"""A round's results: the page (for the team link and, once revealed, the respondents' link) and the CSV."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from toolkit.assessment import exports, services
from toolkit.assessment.views.common import round_urls
from toolkit.team.page_cache import cached_team_page
from toolkit.team.secret_links import get_space
from toolkit.team.views import team_view
from toolkit.tools.usage import Event as ToolEvent
from toolkit.tools.usage import tool_usage_count


def results_response(request, assessment_round, *, space, back_url) -> TemplateResponse:
    results = services.round_results(assessment_round=assessment_round)
    if results is None:
        return TemplateResponse(
            request,
            "toolkit/assessment/results_hidden.html",
            {"round": assessment_round, "space": space, "back_url": back_url, "page": assessment_round.page},
            status=403,
        )
    if space is not None and not space.usage_opt_out:
        # The team's own view of its results (not each respondent's), once per round and day.
        tool_usage_count(
            tool_ids=[tool.pk for _result, tools in results.recommendations for tool in tools],
            event=ToolEvent.RECOMMEND,
            once_key=f"round{assessment_round.pk}",
        )
    return TemplateResponse(
        request,
        "toolkit/assessment/results.html",
        {
            "round": assessment_round,
            "results": results,
            "space": space,
            "back_url": back_url,
            "page": results.page,
        },
    )


@require_GET
@team_view
@cached_team_page
def assessment_results(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    assessment_round.space = space
    urls = round_urls(assessment_round, request)
    return results_response(request, assessment_round, space=space, back_url=urls["facilitator_url"])


@require_GET
@team_view
def assessment_results_csv(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    results = services.round_results(assessment_round=assessment_round)
    if results is None:
        return HttpResponse(
            _("Tulokset eivät ole vielä näkyvissä."), status=403, content_type="text/plain; charset=utf-8"
        )
    response = HttpResponse(exports.results_csv(results), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="arviointi-{assessment_round.created_at:%Y-%m-%d}.csv"'
    )
    return response
