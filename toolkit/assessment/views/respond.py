"""Respondents of an anonymous round, through the round's own link: the form and, once revealed, the results."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from toolkit.assessment import live, services
from toolkit.assessment.forms import RatingsForm
from toolkit.assessment.models import AssessmentRound
from toolkit.assessment.views.results import results_response
from toolkit.team import page_cache
from toolkit.team.secret_links import find
from toolkit.team.views import team_view

RESPONDENT_COOKIE = "valoa_vastaaja"
RESPONDENT_COOKIE_AGE = 60 * 60 * 24 * 180


def _respondent_cookie(request: HttpRequest) -> tuple[str, bool]:
    cookie = request.COOKIES.get(RESPONDENT_COOKIE, "")
    if 20 <= len(cookie) <= 64 and cookie.replace("-", "").replace("_", "").isalnum():
        return cookie, False
    return secrets.token_urlsafe(32), True


def _set_cookie(request: HttpRequest, response: HttpResponse, cookie: str) -> None:
    response.set_cookie(
        RESPONDENT_COOKIE,
        cookie,
        max_age=RESPONDENT_COOKIE_AGE,
        path=reverse("toolkit:assessment_respond_root"),
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )


@require_http_methods(["GET", "POST"])
@team_view
def assessment_respond(request: HttpRequest, round_token: str) -> HttpResponse:
    # Not the round's own page: the form shows its translation in the language being read, read below.
    assessment_round = find(request, lambda: services.round_get_by_token(token=round_token, with_page=False))
    cookie, new_cookie = _respondent_cookie(request)
    respondent = services.respondent_key(assessment_round=assessment_round, cookie=cookie)
    if request.method == "GET":
        current = (
            {}
            if new_cookie
            else services.response_ratings(assessment_round=assessment_round, respondent=respondent)
        )
        # The form as every respondent who has not answered yet sees it: shared (toolkit/team/page_cache.py).
        hit = None if current else page_cache.cached(request, assessment_round.space)
        if hit is not None:
            _set_cookie(request, hit, cookie)
            return hit
    page = services.assessment_page_for_results(page_id=assessment_round.page_id)
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        form = RatingsForm(request.POST, page=page)
        current = form.shown()
        if assessment_round.state == AssessmentRound.State.CLOSED:
            form.add_error(None, _("Arviointikierros on suljettu, eikä vastauksia voi enää muuttaa."))
            current = {}
        elif form.is_valid():
            try:
                services.response_save(
                    assessment_round=assessment_round, respondent=respondent, ratings=form.ratings()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:  # the team's screens see the count grow (never to the respondents' group)
                live.announce_count(
                    assessment_round, count=services.round_response_count(assessment_round=assessment_round)
                )
        if form.is_valid():
            messages.success(
                request, _("Kiitos! Vastauksesi on tallennettu. Voit muuttaa sitä, kunnes kierros suljetaan.")
            )
            response = redirect("toolkit:assessment_respond", round_token=round_token)
            _set_cookie(request, response, cookie)
            return response
        errors = form.first_errors()
        status = 400
    visible = assessment_round.state != AssessmentRound.State.OPEN and services.results_visible(
        assessment_round=assessment_round,
        response_count=services.round_response_count(assessment_round=assessment_round),
    )
    response = TemplateResponse(
        request,
        "toolkit/assessment/respond.html",
        {
            "round": assessment_round,
            "page": page,
            "current": current,
            "errors": errors,
            "has_answered": bool(current) and not errors,
            "visible": visible,
            **page.scale_context(),
        },
        status=status,
    )
    if not current:
        response = page_cache.store(request, assessment_round.space, response)
    _set_cookie(request, response, cookie)
    return response


@require_GET
@team_view
def assessment_respond_results(request: HttpRequest, round_token: str) -> HttpResponse:
    assessment_round = find(request, lambda: services.round_get_by_token(token=round_token))
    back = reverse("toolkit:assessment_respond", kwargs={"round_token": round_token})
    return results_response(request, assessment_round, space=None, back_url=back)


@team_view
def assessment_respond_root(request: HttpRequest) -> HttpResponse:
    """Only the cookie's path: there is nothing to list here."""
    raise Http404
