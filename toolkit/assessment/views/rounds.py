"""Starting a team round, the space's rounds, the facilitator's page and revealing or closing a round."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from toolkit.assessment import live, services
from toolkit.assessment.forms import StartRoundForm
from toolkit.assessment.models import AssessmentRound
from toolkit.assessment.views.common import bad_request, live_page, pasted_space, round_urls
from toolkit.team.secret_links import get_space
from toolkit.team.services import team_space_create, team_space_touch
from toolkit.team.views import team_view


@require_POST
@team_view
def assessment_start(request: HttpRequest, page_id: int) -> HttpResponse:
    """Start a team assessment: in the team's space, or in a new one when the visitor has no link."""
    page = live_page(page_id)
    if not page.is_team:
        raise Http404
    form = StartRoundForm(request.POST)
    space = pasted_space(request, form)
    if not form.is_valid():
        context = {"page": page, "self": page, "start_form": form, **page.scale_context()}
        return TemplateResponse(request, "toolkit/assessment/assessment_page.html", context, status=400)
    if space is None:
        space = team_space_create()
    assessment_round = services.round_open(
        space=space,
        page=page,
        mode=form.cleaned_data["mode"],
        threshold=form.cleaned_data["threshold"] or services.MIN_THRESHOLD,
    )
    team_space_touch(space=space)
    return redirect("toolkit:assessment_round", token=space.token, round_id=assessment_round.pk)


@require_GET
@team_view
def assessment_rounds(request: HttpRequest, token: str) -> HttpResponse:
    space = get_space(request, token)
    return TemplateResponse(
        request,
        "toolkit/assessment/rounds.html",
        {
            "space": space,
            "rounds": services.space_rounds(space=space),
            "team_pages": services.team_assessment_pages(),
            "start_form": StartRoundForm(),
        },
    )


def facilitator_response(
    request: HttpRequest,
    space,
    assessment_round: AssessmentRound,
    *,
    errors: dict[str, str] | None = None,
    shown: dict[str, int] | None = None,
    status: int = 200,
) -> TemplateResponse:
    """The facilitator's page; after a consensus save that failed, with the error next to its statement
    and the rating that was sent kept (`shown`)."""
    assessment_round.space = space
    page = services.assessment_page_for_results(page_id=assessment_round.page_id)
    count = services.round_response_count(assessment_round=assessment_round)
    context = {
        "space": space,
        "round": assessment_round,
        "page": page,
        "response_count": count,
        "can_reveal": assessment_round.is_anonymous
        and assessment_round.is_open
        and count >= assessment_round.threshold,
        "visible": services.results_visible(assessment_round=assessment_round, response_count=count),
        "errors": errors or {},
        **page.scale_context(),
        **round_urls(assessment_round, request),
    }
    if assessment_round.mode == AssessmentRound.Mode.CONSENSUS:
        saved = services.response_ratings(
            assessment_round=assessment_round, respondent=services.CONSENSUS_RESPONDENT
        )
        context["saved"] = saved  # what is stored: each form's "version"
        context["current"] = {**saved, **(shown or {})}  # what the radios show
    return TemplateResponse(request, "toolkit/assessment/facilitator.html", context, status=status)


@require_GET
@team_view
def assessment_round(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    if assessment_round.mode == AssessmentRound.Mode.SELF:
        return redirect("toolkit:assessment_results", token=token, round_id=assessment_round.pk)
    return facilitator_response(request, space, assessment_round)


@require_POST
@team_view
def assessment_state(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    action = request.POST.get("action")
    try:
        if action == "reveal":
            services.round_reveal(assessment_round=assessment_round)
            live.announce_state(assessment_round, "revealed")
            messages.success(request, _("Tulokset on avattu kaikille, joilla on vastauslinkki."))
        elif action == "close":
            services.round_close(assessment_round=assessment_round)
            live.announce_state(assessment_round, "closed")
            messages.success(request, _("Kierros on suljettu. Vastauksia ei voi enää muuttaa."))
        else:
            return bad_request(request, _("Tuntematon toiminto."))
    except ValidationError as error:
        return bad_request(request, " ".join(error.messages))
    team_space_touch(space=space)
    return redirect("toolkit:assessment_round", token=token, round_id=assessment_round.pk)
