"""A team's experiments under /tiimi/<token>/kokeilut/: the list and a new experiment, one experiment's page
with its form, starting one, and its follow-up date as a calendar file. The rules are in
toolkit.meetings.services (experiments); a stale save answers 409 with the member's input kept."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from toolkit.meetings import export, services
from toolkit.meetings.forms import ExperimentForm, VersionOnlyForm
from toolkit.meetings.services import ExperimentConflict
from toolkit.meetings.views.page import see_other, with_version
from toolkit.team.secret_links import get_space
from toolkit.team.views import team_view


def experiments_url(space) -> str:
    return reverse("toolkit:experiments", kwargs={"token": space.token})


def experiment_url(space, experiment) -> str:
    return reverse("toolkit:experiment", kwargs={"token": space.token, "experiment_id": experiment.pk})


def _query_int(request, name: str) -> int | None:
    """A number from the query string: None when absent, 404 when it is not a number."""
    value = request.GET.get(name)
    if value is None:
        return None
    if not value.isdigit() or len(value) > 10:
        raise Http404
    return int(value)


def _add_errors(form, error: ValidationError) -> None:
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


@require_http_methods(["GET", "POST"])
@team_view
def experiment_list(request: HttpRequest, token: str) -> HttpResponse:
    """The team's experiments and the form to record one; `?tyokirja=<n>` prefills it from workbook session
    n's experiment part, `?palaveri=<id>` records it as agreed on in that meeting."""
    space = get_space(request, token)
    number, plan_id = _query_int(request, "tyokirja"), _query_int(request, "palaveri")
    plan = services.plan_get(space=space, plan_id=plan_id) if plan_id is not None else None
    form = ExperimentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            experiment = services.experiment_create(space=space, plan=plan, **form.experiment_fields())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return see_other(experiment_url(space, experiment))
    if not form.is_bound:
        initial = {}
        if plan is not None:
            initial.update(services.experiment_initial_from_plan(plan=plan))
        if number is not None:
            initial.update(services.experiment_initial_from_workbook(space=space, number=number))
        form = ExperimentForm(initial=initial)
    return TemplateResponse(
        request,
        "toolkit/meetings/experiment_list.html",
        {
            "space": space,
            "experiments": services.experiment_list(space=space),
            "form": form,
            "plan": plan,
            "from_workbook": number is not None,
        },
        status=400 if form.is_bound else 200,
    )


def _render_detail(request, space, experiment, *, form=None, status=200, conflict=False):
    return TemplateResponse(
        request,
        "toolkit/meetings/experiment.html",
        {
            "space": space,
            "experiment": experiment,
            "form": form or ExperimentForm(initial=ExperimentForm.initial_of(experiment)),
            "conflict": conflict,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@team_view
def experiment_detail(request: HttpRequest, token: str, experiment_id: int) -> HttpResponse:
    space = get_space(request, token)
    experiment = services.experiment_get(space=space, experiment_id=experiment_id)
    if request.method == "GET":
        return _render_detail(request, space, experiment)
    form = ExperimentForm(request.POST)
    if not form.is_valid() or form.cleaned_data["version"] is None:
        if form.is_valid():
            raise Http404  # no form of the page sends no version
        return _render_detail(request, space, experiment, form=form, status=400)
    try:
        services.experiment_update(
            experiment=experiment, base_version=form.cleaned_data["version"], **form.experiment_fields()
        )
    except ExperimentConflict as conflict:
        current = conflict.experiment
        return _render_detail(
            request, space, current, form=with_version(form, current.version), status=409, conflict=True
        )
    except ValidationError as error:
        experiment.refresh_from_db()  # the service assigned the input before refusing it
        _add_errors(form, error)
        return _render_detail(request, space, experiment, form=form, status=400)
    return see_other(experiment_url(space, experiment))


@require_POST
@team_view
def experiment_start(request: HttpRequest, token: str, experiment_id: int) -> HttpResponse:
    space = get_space(request, token)
    experiment = services.experiment_get(space=space, experiment_id=experiment_id)
    form = VersionOnlyForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        services.experiment_start(
            experiment=experiment,
            base_version=form.cleaned_data["version"],
            today=timezone.localdate(),
        )
    except ExperimentConflict as conflict:
        return _render_detail(request, space, conflict.experiment, status=409, conflict=True)
    except ValidationError:
        pass  # started meanwhile: the page shows it running
    return see_other(experiment_url(space, experiment))


@require_GET
@team_view
def experiment_calendar(request: HttpRequest, token: str, experiment_id: int) -> HttpResponse:
    space = get_space(request, token)
    experiment = services.experiment_get(space=space, experiment_id=experiment_id)
    if experiment.follow_up_on is None:
        raise Http404
    response = HttpResponse(
        export.experiment_ics(experiment=experiment), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export.experiment_ics_filename(experiment)}"'
    return response
