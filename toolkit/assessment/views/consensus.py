"""Consensus mode's save: one statement's agreed rating at a time, by the progressive-saving convention
(docs/team-space.md, "Progressive saving"): JSON for static/js/autosave.js when `Accept` asks for it, else the
facilitator's page (303 back to the statement, or the page again with the error next to it)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toolkit.assessment import live, services
from toolkit.assessment.forms import ConsensusRatingForm
from toolkit.assessment.models import AssessmentRound
from toolkit.assessment.views.rounds import facilitator_response
from toolkit.team import autosave
from toolkit.team.secret_links import get_space
from toolkit.team.services import team_space_touch
from toolkit.team.views import team_view


def _version(value: int | None) -> str:
    """A rating's version in the convention: the rating itself, empty for none."""
    return "" if value is None else str(value)


@require_POST
@team_view
def assessment_consensus_save(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    if assessment_round.mode != AssessmentRound.Mode.CONSENSUS:
        raise Http404
    page = services.assessment_page_for_results(page_id=assessment_round.page_id)
    form = ConsensusRatingForm(request.POST, page=page)
    key = request.POST.get("statement", "")
    if not form.is_valid():
        if autosave.wants_json(request):
            return autosave.invalid(form.errors)
        return _page_again(request, space, assessment_round, form, key, status=400)
    try:
        result = services.consensus_save(
            assessment_round=assessment_round,
            statement_key=form.cleaned_data["statement"],
            value=form.cleaned_data["value"],
            base=form.cleaned_data["version"],
        )
    except services.RoundClosed as error:
        if autosave.wants_json(request):
            return autosave.gone(" ".join(error.messages), status=410)
        form.add_error("value", error)
        return _page_again(request, space, assessment_round, form, key, status=400)
    if result.conflict:
        if autosave.wants_json(request):
            return autosave.conflict(
                version=_version(result.value), value=_version(result.value), mine=str(result.attempted)
            )
        form.add_error(
            "value",
            _(
                "Joku muu tallensi tälle väittämälle arvion sillä välin (näkyy nyt valittuna). Valitkaa uudelleen ja tallentakaa."
            ),
        )
        return _page_again(request, space, assessment_round, form, key, status=409, keep_input=False)
    team_space_touch(space=space)
    live.announce_rating(
        assessment_round, statement=form.cleaned_data["statement"], value=result.value, done=result.rated
    )
    if autosave.wants_json(request):
        return autosave.saved(
            version=_version(result.value),
            value=_version(result.value),
            saved_at=result.saved_at,
            done=result.rated,
            total=sum(len(group.statements) for group in page.statement_groups()),
        )
    url = reverse("toolkit:assessment_round", kwargs={"token": token, "round_id": assessment_round.pk})
    return redirect(f"{url}#s-{form.cleaned_data['statement']}")


def _page_again(request, space, assessment_round, form, key, *, status, keep_input=True):
    """The facilitator's page with the error next to the statement (an unknown statement: at the top)."""
    messages = [str(message) for errors in form.errors.values() for message in errors]
    known = form.fields["statement"].valid_value(key)
    errors = {key if known else "form": " ".join(messages)}
    shown = {}
    raw = request.POST.get("value", "").strip()
    if known and keep_input and raw.isdigit():
        shown[key] = int(raw)
    return facilitator_response(request, space, assessment_round, errors=errors, shown=shown, status=status)
