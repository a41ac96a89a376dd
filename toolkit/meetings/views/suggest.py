"""Ehdota palaveri: a plan suggested from an assessment round's results."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from toolkit.assessment import services as assessment_services
from toolkit.meetings import services
from toolkit.meetings.forms import SuggestForm
from toolkit.meetings.views.page import plan_url, see_other
from toolkit.team.secret_links import get_space
from toolkit.team.views import team_view


@require_http_methods(["GET", "POST"])
@team_view
def suggest(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = assessment_services.round_get(space=space, round_id=round_id)
    results = assessment_services.round_results(assessment_round=assessment_round)
    if results is None:
        raise Http404  # no results to suggest from yet (the results page says why)
    form = SuggestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = services.plan_suggest(
            space=space,
            results=results,
            assessment_round_id=assessment_round.pk,
            title=_("Palaveri: %(page)s") % {"page": results.page.title},
            minutes=form.minutes,
            group_size=data["group_size"],
            date=data["date"],
            start_time=data["start_time"],
        )
        return see_other(plan_url(space, plan))
    if not form.is_bound:
        form = SuggestForm(initial=SuggestForm.initial_when())
    return TemplateResponse(
        request,
        "toolkit/meetings/suggest.html",
        {"space": space, "round": assessment_round, "results": results, "form": form},
        status=400 if form.is_bound else 200,
    )
