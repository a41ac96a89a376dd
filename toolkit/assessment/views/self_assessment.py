"""Self-assessment: one person's result at once, stored nowhere unless they choose to save it in a space."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature, Signer
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toolkit.assessment import services
from toolkit.assessment.forms import RatingsForm, SaveSelfForm
from toolkit.assessment.views.common import bad_request, live_page, pasted_space
from toolkit.team.services import team_space_create, team_space_touch
from toolkit.team.views import team_view

SELF_SIGNER_SALT = "toolkit.self-assessment"


@require_POST
@team_view
def self_assessment(request: HttpRequest, page_id: int) -> HttpResponse:
    page = live_page(page_id)
    if page.is_team:
        raise Http404
    form = RatingsForm(request.POST, page=page)
    if form.is_valid():
        try:
            results = services.self_assessment_results(page=page, ratings=form.ratings())
        except ValidationError as error:
            form.add_error(None, error)
    if not form.is_valid():
        context = {
            "page": page,
            "self": page,
            "errors": form.first_errors(),
            "current": form.shown(),
            **page.scale_context(),
        }
        return TemplateResponse(request, "toolkit/assessment/assessment_page.html", context, status=400)
    signed = Signer(salt=SELF_SIGNER_SALT).sign_object(form.ratings())
    return TemplateResponse(
        request,
        "toolkit/assessment/self_result.html",
        {"page": page, "results": results, "signed": signed, "save_form": SaveSelfForm()},
    )


@require_POST
@team_view
def self_assessment_save(request: HttpRequest, page_id: int) -> HttpResponse:
    page = live_page(page_id)
    if page.is_team:
        raise Http404
    try:
        ratings = Signer(salt=SELF_SIGNER_SALT).unsign_object(request.POST.get("ratings", ""))
        if not isinstance(ratings, dict):
            raise BadSignature
    except BadSignature:
        return bad_request(request, _("Arviointia ei voitu tallentaa. Tee arviointi uudelleen."))
    form = SaveSelfForm(request.POST)
    space = pasted_space(request, form)
    if not form.is_valid():
        results = services.self_assessment_results(page=page, ratings=ratings)
        return TemplateResponse(
            request,
            "toolkit/assessment/self_result.html",
            {"page": page, "results": results, "signed": request.POST.get("ratings"), "save_form": form},
            status=400,
        )
    if space is None:
        space = team_space_create()
    try:
        assessment_round = services.self_assessment_save(page=page, space=space, ratings=ratings)
    except ValidationError as error:
        return bad_request(request, " ".join(error.messages))
    team_space_touch(space=space)
    messages.success(
        request, _("Arviointi on tallennettu työtilaan. Tallenna linkki, niin löydät sen myöhemmin.")
    )
    return redirect("toolkit:assessment_results", token=space.token, round_id=assessment_round.pk)
