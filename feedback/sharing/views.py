"""/tiimi/<token>/kokeilut/<id>/jaa/: a team offers its ended experiment to Innostu (the second click sends it).

Behind the team's secret link like every team page (private, never cached: valoa/private_paths.py and the
team privacy middleware); the space is found with the team pages' own lookup, under its guessing limit."""

from __future__ import annotations

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from feedback import services
from feedback.models import Submission
from feedback.sharing import prefill
from feedback.sharing.forms import ExperimentShareForm
from feedback.views import POST_RATE, THANKS_SALT, count_submission
from toolkit.meetings import services as meeting_services
from toolkit.models import TeamExperiment
from toolkit.team.secret_links import get_space
from toolkit.team.views import team_view
from valoa.security.client_address import client_address


def share_url(space, experiment) -> str:
    return reverse(
        "feedback_sharing:experiment", kwargs={"token": space.token, "experiment_id": experiment.pk}
    )


@never_cache
@ratelimit(key="ip", rate=POST_RATE, method="POST", block=True, group="feedback.post")
@require_http_methods(["GET", "POST"])
@team_view
def share_experiment(request: HttpRequest, token: str, experiment_id: int) -> HttpResponse:
    space = get_space(request, token)
    experiment = meeting_services.experiment_get(space=space, experiment_id=experiment_id)
    if experiment.state != TeamExperiment.State.ENDED:
        raise Http404  # only what the team has tried to the end is offered
    tools = prefill.plan_tools(experiment)
    if request.method == "POST":
        form = ExperimentShareForm(request.POST)
        if form.honeypot_caught():
            count_submission(request)
            return redirect("feedback:thanks")
        if form.is_valid():
            count_submission(request)
            data = form.cleaned_data
            submission = services.experiment_share(
                title=data["title"],
                hypothesis=data["hypothesis"],
                duration=data["duration"],
                status=data["status"],
                learned=data["learned"],
                tools=data["tools"],
                tool_ids=prefill.tool_ids_named(tools, data["tools"]),
                organisation=data["organisation"],
                name=data["name"],
                email=data["email"],
                client_address=client_address(request),
                language=get_language(),
            )
            token = signing.dumps(
                {"r": submission.reference, "k": Submission.Kind.TIP, "e": bool(data["email"])},
                salt=THANKS_SALT,
            )
            return redirect(f"{reverse('feedback:thanks')}?v={token}")
        status = 400
    else:
        form = ExperimentShareForm(initial=prefill.initial_of(experiment, tools))
        status = 200
    return TemplateResponse(
        request,
        "feedback/sharing/share_experiment.html",
        {"space": space, "experiment": experiment, "form": form},
        status=status,
    )
