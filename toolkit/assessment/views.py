"""Views of the assessment tools. Thin: the rules live in toolkit.assessment.services."""

from __future__ import annotations

import csv
import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature, Signer
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from toolkit.assessment import services
from toolkit.assessment.forms import SaveSelfForm, StartRoundForm, token_from_link
from toolkit.common.spreadsheet import CSV_BOM, csv_safe
from toolkit.models import AssessmentPage, AssessmentRound, TeamSpace
from toolkit.team.secret_links import find, get_space
from toolkit.workbook.services import team_space_create, team_space_touch

RESPONDENT_COOKIE = "valoa_vastaaja"
RESPONDENT_COOKIE_AGE = 60 * 60 * 24 * 180
RATING_PREFIX = "s-"
SELF_SIGNER_SALT = "toolkit.self-assessment"


# Helpers ------------------------------------------------------------------------------------------------


def _page(page_id: int) -> AssessmentPage:
    page = (
        AssessmentPage.objects.live()
        .public()
        .select_related("scale")
        .prefetch_related("scale__levels")
        .filter(pk=page_id)
        .first()
    )
    if page is None or page.scale is None:
        raise Http404
    return page


def _scale_context(page: AssessmentPage) -> dict:
    levels = page.scale.level_list() if page.scale else []
    groups = page.statement_groups()
    return {
        "groups": groups,
        "levels": levels,
        "level_count": len(levels),
        "statement_count": sum(len(group.statements) for group in groups),
    }


def _ratings_from_post(request: HttpRequest, page: AssessmentPage) -> dict[str, int]:
    """Statement ratings from the form; a value that is not a number is a bad request (ValueError)."""
    ratings = {}
    for group in page.statement_groups():
        for statement in group.statements:
            raw = request.POST.get(RATING_PREFIX + statement.key, "").strip()
            if raw:
                ratings[statement.key] = int(raw)
    return ratings


def _space_from_link(request: HttpRequest, link: str) -> TeamSpace | None:
    token = token_from_link(link)
    if not token:
        return None
    return get_space(request, token)


def _pasted_space(request: HttpRequest, form) -> TeamSpace | None:
    """The space of the team link pasted into `form` (None when none was given); an unknown link becomes
    the field's error."""
    if not (form.is_valid() and form.cleaned_data["team_link"]):
        return None
    try:
        return _space_from_link(request, form.cleaned_data["team_link"])
    except Http404:
        form.add_error("team_link", _("Linkillä ei löytynyt tiimin työtilaa. Tarkista linkki."))
        return None


def _is_ajax(request: HttpRequest) -> bool:
    return request.headers.get("x-requested-with") == "fetch"


def _round_urls(assessment_round: AssessmentRound, request: HttpRequest) -> dict:
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


# The assessment page (Wagtail) ----------------------------------------------------------------------------


def assessment_page_context(page: AssessmentPage, request: HttpRequest) -> dict:
    context = _scale_context(page) if page.scale_id else {"groups": page.statement_groups(), "levels": []}
    if page.is_team:
        context["start_form"] = StartRoundForm()
    return context


@require_POST
@never_cache
def assessment_start(request: HttpRequest, page_id: int) -> HttpResponse:
    """Start a team assessment: in the team's space, or in a new one when the visitor has no link."""
    page = _page(page_id)
    if not page.is_team:
        raise Http404
    form = StartRoundForm(request.POST)
    space = _pasted_space(request, form)
    if not form.is_valid():
        context = {"page": page, "self": page, "start_form": form, **_scale_context(page)}
        return render(request, "toolkit/assessment/assessment_page.html", context, status=400)
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


# Facilitator (anyone with the team link) ------------------------------------------------------------------


@require_GET
@never_cache
def assessment_rounds(request: HttpRequest, token: str) -> HttpResponse:
    space = get_space(request, token)
    team_pages = (
        AssessmentPage.objects.live().public().filter(kind=AssessmentPage.Kind.TEAM).exclude(scale=None)
    )
    return render(
        request,
        "toolkit/assessment/rounds.html",
        {
            "space": space,
            "rounds": services.space_rounds(space=space),
            "team_pages": team_pages,
            "start_form": StartRoundForm(),
        },
    )


@require_GET
@never_cache
def assessment_round(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    if assessment_round.mode == AssessmentRound.Mode.SELF:
        return redirect("toolkit:assessment_results", token=token, round_id=assessment_round.pk)
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
        **_scale_context(page),
        **_round_urls(assessment_round, request),
    }
    if assessment_round.mode == AssessmentRound.Mode.CONSENSUS:
        context["current"] = services.response_ratings(
            assessment_round=assessment_round, respondent=services.CONSENSUS_RESPONDENT
        )
    return render(request, "toolkit/assessment/facilitator.html", context)


@require_POST
@never_cache
def assessment_consensus_save(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    """Save one statement's agreed rating (progressively: each statement on its own)."""
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    if assessment_round.mode != AssessmentRound.Mode.CONSENSUS:
        raise Http404
    key = request.POST.get("statement", "")
    try:
        value = int(request.POST.get("value", ""))
        services.response_save(
            assessment_round=assessment_round,
            respondent=services.CONSENSUS_RESPONDENT,
            ratings={key: value},
            complete=False,
        )
    except (ValueError, ValidationError) as error:
        message = _error_text(error, _("Valitse arvio asteikolta."))
        if _is_ajax(request):
            return JsonResponse({"ok": False, "error": message}, status=400)
        return HttpResponseBadRequest(_bad_request_html(request, message))
    team_space_touch(space=space)
    if _is_ajax(request):
        # The number of statements the team has rated so far, for the page's progress line ("Arvioitu N / 12").
        rated = services.response_ratings(
            assessment_round=assessment_round, respondent=services.CONSENSUS_RESPONDENT
        )
        return JsonResponse({"ok": True, "message": _("Tallennettu."), "rated": len(rated)})
    url = reverse("toolkit:assessment_round", kwargs={"token": token, "round_id": assessment_round.pk})
    return redirect(f"{url}#s-{key}")


@require_POST
@never_cache
def assessment_state(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    action = request.POST.get("action")
    try:
        if action == "reveal":
            services.round_reveal(assessment_round=assessment_round)
            messages.success(request, _("Tulokset on avattu kaikille, joilla on vastauslinkki."))
        elif action == "close":
            services.round_close(assessment_round=assessment_round)
            messages.success(request, _("Kierros on suljettu. Vastauksia ei voi enää muuttaa."))
        else:
            return HttpResponseBadRequest(_bad_request_html(request, _("Tuntematon toiminto.")))
    except ValidationError as error:
        return HttpResponseBadRequest(_bad_request_html(request, _error_text(error, "")))
    team_space_touch(space=space)
    return redirect("toolkit:assessment_round", token=token, round_id=assessment_round.pk)


def _results_response(
    request, assessment_round, *, space, back_url, template="toolkit/assessment/results.html"
):
    results = services.round_results(assessment_round=assessment_round)
    if results is None:
        return render(
            request,
            "toolkit/assessment/results_hidden.html",
            {"round": assessment_round, "back_url": back_url, "page": assessment_round.page},
            status=403,
        )
    return render(
        request,
        template,
        {
            "round": assessment_round,
            "results": results,
            "space": space,
            "back_url": back_url,
            "page": results.page,
        },
    )


@require_GET
@never_cache
def assessment_results(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    assessment_round.space = space
    urls = _round_urls(assessment_round, request)
    return _results_response(request, assessment_round, space=space, back_url=urls["facilitator_url"])


@require_GET
@never_cache
def assessment_results_csv(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = services.round_get(space=space, round_id=round_id)
    results = services.round_results(assessment_round=assessment_round)
    if results is None:
        return HttpResponse(
            _("Tulokset eivät ole vielä näkyvissä."), status=403, content_type="text/plain; charset=utf-8"
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="arviointi-{assessment_round.created_at:%Y-%m-%d}.csv"'
    )
    response.write(CSV_BOM)
    _write_csv(response, results)
    return response


def _write_csv(out, results) -> None:
    fmt = services_number
    levels = results.page.scale.level_list()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        [
            _("Ryhmä"),
            _("Väittämä"),
            _("Tunniste"),
            *[f"{level.value} {level.label}" for level in levels],
            _("Vastauksia"),
            _("Keskiarvo"),
            _("Hajonta"),
            _("Keskustelkaa tästä ensin"),
            _("Edellinen keskiarvo"),
            _("Muutos"),
        ]
    )
    for group in results.groups:
        for result in group.statements:
            writer.writerow(
                [
                    group.group.heading,
                    csv_safe(result.statement.text),
                    result.statement.key,
                    *[level.count for level in result.stats.levels],
                    result.stats.n,
                    fmt(result.stats.mean),
                    fmt(result.stats.spread),
                    _("kyllä") if result.stats.discuss else "",
                    fmt(result.previous_mean),
                    fmt(result.delta),
                ]
            )
        writer.writerow(
            [
                csv_safe(group.group.heading),
                _("Koko osio"),
                "",
                *[level.count for level in group.stats.levels],
                group.stats.n,
                fmt(group.stats.mean),
                fmt(group.stats.spread),
                _("kyllä") if group.stats.discuss else "",
                "",
                "",
            ]
        )
    writer.writerow(
        [
            _("Kokonaistulos"),
            results.phase or "",
            "",
            *["" for _level in levels],
            results.response_count,
            fmt(results.score),
        ]
    )


def services_number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")


# Respondents (the round's own link) -------------------------------------------------------------------------


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
@never_cache
def assessment_respond(request: HttpRequest, round_token: str) -> HttpResponse:
    assessment_round = find(request, lambda: services.round_get_by_token(token=round_token))
    page = services.assessment_page_for_results(page_id=assessment_round.page_id)
    cookie, new_cookie = _respondent_cookie(request)
    respondent = services.respondent_key(assessment_round=assessment_round, cookie=cookie)
    errors: dict[str, str] = {}
    status = 200
    saved = False
    if request.method == "POST":
        if assessment_round.state == AssessmentRound.State.CLOSED:
            status = 400
            errors["__all__"] = _("Arviointikierros on suljettu, eikä vastauksia voi enää muuttaa.")
            current = {}
        else:
            try:
                current = _ratings_from_post(request, page)
            except ValueError:
                return HttpResponseBadRequest(_bad_request_html(request, _("Arvio ei ole asteikon arvo.")))
            try:
                services.response_save(
                    assessment_round=assessment_round, respondent=respondent, ratings=current
                )
                saved = True
            except ValidationError as error:
                status = 400
                if hasattr(error, "error_dict"):
                    errors = {key: messages_[0] for key, messages_ in error.message_dict.items()}
                else:
                    errors["__all__"] = " ".join(error.messages)
        if saved:
            messages.success(
                request, _("Kiitos! Vastauksesi on tallennettu. Voit muuttaa sitä, kunnes kierros suljetaan.")
            )
            response = redirect("toolkit:assessment_respond", round_token=round_token)
            _set_cookie(request, response, cookie)
            return response
    else:
        current = (
            {}
            if new_cookie
            else services.response_ratings(assessment_round=assessment_round, respondent=respondent)
        )
    visible = assessment_round.state != AssessmentRound.State.OPEN and services.results_visible(
        assessment_round=assessment_round,
        response_count=services.round_response_count(assessment_round=assessment_round),
    )
    response = render(
        request,
        "toolkit/assessment/respond.html",
        {
            "round": assessment_round,
            "page": page,
            "current": current,
            "errors": errors,
            "has_answered": bool(current) and not errors,
            "visible": visible,
            **_scale_context(page),
        },
        status=status,
    )
    _set_cookie(request, response, cookie)
    return response


@require_GET
@never_cache
def assessment_respond_results(request: HttpRequest, round_token: str) -> HttpResponse:
    assessment_round = find(request, lambda: services.round_get_by_token(token=round_token))
    back = reverse("toolkit:assessment_respond", kwargs={"round_token": round_token})
    return _results_response(request, assessment_round, space=None, back_url=back)


# Self-assessment (one person, no space unless they choose) ---------------------------------------------------


@require_POST
@never_cache
def self_assessment(request: HttpRequest, page_id: int) -> HttpResponse:
    page = _page(page_id)
    if page.is_team:
        raise Http404
    try:
        ratings = _ratings_from_post(request, page)
    except ValueError:
        return HttpResponseBadRequest(_bad_request_html(request, _("Arvio ei ole asteikon arvo.")))
    try:
        results = services.self_assessment_results(page=page, ratings=ratings)
    except ValidationError as error:
        errors = (
            {key: value[0] for key, value in error.message_dict.items()}
            if hasattr(error, "error_dict")
            else {"__all__": " ".join(error.messages)}
        )
        context = {"page": page, "self": page, "errors": errors, "current": ratings, **_scale_context(page)}
        return render(request, "toolkit/assessment/assessment_page.html", context, status=400)
    signed = Signer(salt=SELF_SIGNER_SALT).sign_object(ratings)
    return render(
        request,
        "toolkit/assessment/self_result.html",
        {"page": page, "results": results, "signed": signed, "save_form": SaveSelfForm()},
    )


@require_POST
@never_cache
def self_assessment_save(request: HttpRequest, page_id: int) -> HttpResponse:
    page = _page(page_id)
    if page.is_team:
        raise Http404
    try:
        ratings = Signer(salt=SELF_SIGNER_SALT).unsign_object(request.POST.get("ratings", ""))
        if not isinstance(ratings, dict):
            raise BadSignature
    except BadSignature:
        return HttpResponseBadRequest(
            _bad_request_html(request, _("Arviointia ei voitu tallentaa. Tee arviointi uudelleen."))
        )
    form = SaveSelfForm(request.POST)
    space = _pasted_space(request, form)
    if not form.is_valid():
        results = services.self_assessment_results(page=page, ratings=ratings)
        return render(
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
        return HttpResponseBadRequest(_bad_request_html(request, _error_text(error, "")))
    team_space_touch(space=space)
    messages.success(
        request, _("Arviointi on tallennettu työtilaan. Tallenna linkki, niin löydät sen myöhemmin.")
    )
    return redirect("toolkit:assessment_results", token=space.token, round_id=assessment_round.pk)


# Errors -------------------------------------------------------------------------------------------------------


def _error_text(error: Exception, default: str) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages) or default
    return default


def _bad_request_html(request: HttpRequest, message: str) -> str:
    from django.template.loader import render_to_string

    return render_to_string("toolkit/assessment/bad_request.html", {"message": message}, request=request)


def assessment_respond_root(request: HttpRequest) -> HttpResponse:
    """Only the cookie's path: there is nothing to list here."""
    raise Http404
