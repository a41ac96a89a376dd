"""What the assessment views share: the page and its scale, pasted team links, the round's URLs, errors."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from toolkit.assessment.forms import token_from_link
from toolkit.assessment.models import AssessmentPage, AssessmentRound
from toolkit.team.models import TeamSpace
from toolkit.team.secret_links import get_space
from valoa.languages.locales import prefer_active_language


def live_page(page_id: int) -> AssessmentPage:
    # The page in the language being read when it is translated (valoa.languages.locales.prefer_active_language).
    page = prefer_active_language(
        AssessmentPage.objects.live().public().select_related("scale").prefetch_related("scale__levels"),
        page_id,
    ).first()
    if page is None or page.scale is None:
        raise Http404
    return page


def pasted_space(request: HttpRequest, form) -> TeamSpace | None:
    """The space of the team link pasted into `form` (None when none was given); an unknown link becomes
    the field's error."""
    if not (form.is_valid() and form.cleaned_data["team_link"]):
        return None
    token = token_from_link(form.cleaned_data["team_link"])
    if not token:
        return None
    try:
        return get_space(request, token)
    except Http404:
        form.add_error("team_link", _("Linkillä ei löytynyt tiimin työtilaa. Tarkista linkki."))
        return None


def round_urls(assessment_round: AssessmentRound, request: HttpRequest) -> dict:
    token = assessment_round.space.token
    kwargs = {"token": token, "round_id": assessment_round.pk}
    respond = reverse("toolkit:assessment_respond", kwargs={"round_token": assessment_round.token})
    return {
        "facilitator_url": reverse("toolkit:assessment_round", kwargs=kwargs),
        "results_url": reverse("toolkit:assessment_results", kwargs=kwargs),
        "csv_url": reverse("toolkit:assessment_results_csv", kwargs=kwargs),
        "state_url": reverse("toolkit:assessment_state", kwargs=kwargs),
        "save_url": reverse("toolkit:assessment_consensus_save", kwargs=kwargs),
        "rounds_url": reverse("toolkit:assessment_rounds", kwargs={"token": token}),
        "respond_url": respond,
        "respond_absolute_url": request.build_absolute_uri(respond),
    }


def bad_request(request: HttpRequest, message: str) -> TemplateResponse:
    """A request no page can answer (a tampered signature, an unknown action): 400 with the reason."""
    return TemplateResponse(request, "toolkit/assessment/bad_request.html", {"message": message}, status=400)
